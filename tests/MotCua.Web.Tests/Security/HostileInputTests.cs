using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// A bounded fuzz of every public way in: each anonymous page and endpoint gets malformed, oversized and hostile
/// values (script tags, SQL fragments, path traversal, bad UTF-8, control characters, 100 KB strings, deeply nested
/// and broken JSON) in its query, route, form fields, JSON body and headers. Whatever arrives: never a 500, never a
/// script reflected into a page, never a redirect to another site, and nothing half-written (each dossier the API
/// acknowledged is whole; nothing else was written). The values are fixed and the combinations drawn from a seeded
/// generator, so a failure reproduces.
/// </summary>
public sealed class HostileInputTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string Script = "<script>alert(1)</script>";
    private const string SvgScript = "\"><svg onload=alert(1)>";

    /// <summary>Already percent-encoded, so they reach the server as sent (including bytes that are not UTF-8).</summary>
    private static readonly string[] Encoded =
    [
        Uri.EscapeDataString(Script), Uri.EscapeDataString(SvgScript), Uri.EscapeDataString("' OR 1=1 --"),
        Uri.EscapeDataString("'; DROP TABLE dossiers; --"), Uri.EscapeDataString("../../../../etc/passwd"), "..%2F..%2F..%2Fetc%2Fpasswd",
        Uri.EscapeDataString("..\\..\\windows\\win.ini"), "%00", "%C3%28", "%FF%FE", "%ED%A0%80", "%E2%80%AE", Uri.EscapeDataString("{{7*7}}${jndi:ldap://x}"),
        "-1", "99999999999999999999", "NaN", "1e309", "", "%20", Uri.EscapeDataString(new string('A', 100_000)), Uri.EscapeDataString("🙂\u0001\u001f"),
        Uri.EscapeDataString("https://evil.example/"), "%2F%2Fevil.example", Uri.EscapeDataString("javascript:alert(1)"),
    ];

    /// <summary>Addresses with one or more {x} holes, each filled with a hostile value.</summary>
    private static readonly string[] Gets =
    [
        "/?q={x}", "/procedures?q={x}&field={x}&level={x}&page={x}&online={x}", "/procedures/{x}", "/procedures/{x}/form/preview?step={x}",
        "/units?q={x}&level={x}", "/lookup?code={x}&contact={x}", "/lookup/{x}?t={x}", "/error/{x}", "/account/sign-in?ReturnUrl={x}",
        "/citizen/sign-in?ReturnUrl={x}", "/culture?lang={x}&returnUrl={x}", "/api/v1/procedures?q={x}&page={x}&pageSize={x}&level={x}",
        "/api/v1/procedures/{x}", "/api/v1/units?q={x}&at={x}", "/api/v1/calendar/due-date?from={x}&days={x}&unit={x}",
        "/api/v1/calendar/holidays?year={x}", "/api/v1/calendar/lunar?date={x}", "/api/v1/dossiers/lookup?code={x}&phone={x}&idNumber={x}",
        "/no/such/{x}", "/health/ready?{x}={x}",
    ];

    [Fact]
    public async Task Hostile_values_in_every_public_address_never_crash_reflect_or_redirect_away()
    {
        using var client = StaffClient.Anonymous(factory);
        var random = new Random(20261123);
        var failures = new List<string>();
        foreach (var template in Gets)
        {
            // Every value once in every hole, then random mixes.
            var urls = Encoded.Select(v => template.Replace("{x}", v, StringComparison.Ordinal))
                .Concat(Enumerable.Range(0, 10).Select(_ => Fill(template, random)));
            foreach (var url in urls)
            {
                HttpResponseMessage response;
                try
                {
                    response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
                }
                catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
                {
                    // The in-memory test server refuses a NUL in the path before the product sees it; Kestrel answers 400.
                    continue;
                }
                using (response) await CheckAsync(response, "GET " + Shorten(url), failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
    }

    [Fact]
    public async Task Hostile_forms_on_the_public_pages_never_crash_or_reflect()
    {
        using var client = StaffClient.Anonymous(factory);
        var random = new Random(7);
        var failures = new List<string>();
        (string Page, string[] Fields)[] forms =
        [
            ("/lookup", ["Code", "Contact"]),
            ("/account/sign-in", ["Email", "Password"]),
            ("/procedures", ["q"]),
        ];
        foreach (var (page, fields) in forms)
        {
            for (var i = 0; i < 25; i++)
            {
                var values = fields.ToDictionary(f => f, _ => Raw(random));
                using var response = await client.PostFormAsync(page, values);
                await CheckAsync(response, $"POST {page} #{i}", failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
    }

    [Fact]
    public async Task Hostile_filings_over_the_api_are_refused_whole_or_filed_whole()
    {
        using var client = StaffClient.Anonymous(factory);
        var random = new Random(11);
        var before = await CountsAsync();
        var failures = new List<string>();
        var created = 0;
        var bodies = new List<byte[]>
        {
            "{"u8.ToArray(), "[]"u8.ToArray(), "null"u8.ToArray(), "\"x\""u8.ToArray(), new byte[] { 0xC3, 0x28, 0x7B, 0x7D }, new byte[] { 0xFF, 0xFE, 0x00 },
            Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000)),
            Encoding.UTF8.GetBytes("{\"answers\":" + new string('[', 300) + new string(']', 300) + "}"),
            Encoding.UTF8.GetBytes("{\"procedureCode\":\"" + new string('A', 2_000_000) + "\"}"),
            Encoding.UTF8.GetBytes("{\"procedureCode\":1,\"receivingUnit\":{},\"owner\":[]}"),
        };
        for (var i = 0; i < 40; i++)
        {
            bodies.Add(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
            {
                procedureCode = i % 3 == 0 ? "1.001193" : Raw(random),
                receivingUnit = i % 2 == 0 ? Raw(random) : "000.01.60.H26",
                owner = new { kind = Raw(random), fullName = Raw(random), idNumber = Raw(random), phone = Raw(random), email = Raw(random), address = Raw(random) },
                answers = new Dictionary<string, string> { [Raw(random)] = Raw(random) },
            })));
        }
        var n = 0;
        foreach (var body in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/dossiers", UriKind.Relative)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("Idempotency-Key", n++ % 4 == 0 ? Raw(random) : $"fuzz-{n}");
            using var response = await client.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created) created++;
            await CheckAsync(response, $"POST /api/v1/dossiers body #{n}", failures);
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));

        var after = await CountsAsync();
        Assert.Equal(before.Dossiers + created, after.Dossiers);
        Assert.Equal(before.Submissions + created, after.Submissions);
        Assert.Equal(0, after.DossiersWithoutEvents);
    }

    private sealed record Counts(int Dossiers, int Submissions, int DossiersWithoutEvents);

    private Task<Counts> CountsAsync() => factory.WithDbAsync(async db => new Counts(
        await db.Dossiers.CountAsync(),
        await db.Set<Features.Dossiers.Data.DossierSubmission>().CountAsync(),
        await db.Dossiers.CountAsync(d => !d.Events.Any())));

    private static async Task CheckAsync(HttpResponseMessage response, string what, List<string> failures)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) failures.Add($"{what}: {status}");
        if (response.Headers.Location is { IsAbsoluteUri: true } to && to.Host != "localhost") failures.Add($"{what}: redirects to {to}");
        if (response.Headers.Location is { IsAbsoluteUri: false } relative && relative.OriginalString.StartsWith("//", StringComparison.Ordinal))
            failures.Add($"{what}: redirects to {relative}");
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            var html = await response.Content.ReadAsStringAsync();
            if (html.Contains(Script, StringComparison.OrdinalIgnoreCase) || html.Contains("<svg onload", StringComparison.OrdinalIgnoreCase))
                failures.Add($"{what}: the script came back in the page");
        }
    }

    private static string Fill(string template, Random random)
    {
        var parts = template.Split("{x}");
        var url = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++) url.Append(Encoded[random.Next(Encoded.Length)]).Append(parts[i]);
        return url.ToString();
    }

    /// <summary>A hostile value as text (for JSON and form bodies, which encode it themselves).</summary>
    private static string Raw(Random random) => random.Next(12) switch
    {
        0 => Script,
        1 => SvgScript,
        2 => "' OR 1=1 --",
        3 => "../../../../etc/passwd",
        4 => "\u0000\u0001\u001f",
        5 => new string('Đ', random.Next(1, 20_000)),
        6 => "\uD800",
        7 => "' ; DROP TABLE dossiers; --",
        8 => "\u202Egnp.exe",
        9 => "${jndi:ldap://x}{{7*7}}",
        10 => "",
        _ => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Shorten(string url) => url.Length > 160 ? url[..160] + "…" : url;
}
