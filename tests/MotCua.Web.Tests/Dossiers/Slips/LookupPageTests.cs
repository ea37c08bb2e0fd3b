using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers.Slips;

/// <summary>The public lookup page: code plus phone or ID number, or the signed QR link; never a hint that a code exists.</summary>
public sealed class LookupPageTests(SlipsFactory factory) : IClassFixture<SlipsFactory>
{
    private static Dictionary<string, string> Form(string code, string contact) => new() { ["Code"] = code, ["Contact"] = contact };

    [Fact]
    public async Task The_right_phone_or_id_number_shows_status_due_date_and_history()
    {
        var dossier = await SlipDossiers.AcceptedAsync(factory, "lookup-right");
        using var anyone = StaffClient.Anonymous(factory);

        var byPhone = await anyone.PostFormAsync("/lookup", Form(dossier.Code!, " 0912 345 678 "));
        Assert.Equal(HttpStatusCode.OK, byPhone.StatusCode);
        var html = await byPhone.Content.ReadAsStringAsync();
        Assert.Contains("Đang xử lý", html, StringComparison.Ordinal);
        Assert.Contains("mã trạng thái 4", html, StringComparison.Ordinal);
        Assert.Contains("Hẹn trả kết quả", html, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ đã được tiếp nhận, mã hồ sơ " + dossier.Code, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", html, StringComparison.Ordinal);

        var byId = await (await anyone.PostFormAsync("/lookup", Form(dossier.Reference, BirthFiling.Owner.IdNumber))).Content.ReadAsStringAsync();
        Assert.Contains("Đang xử lý", byId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_phone_reads_exactly_like_an_unknown_code()
    {
        var dossier = await SlipDossiers.AcceptedAsync(factory, "lookup-wrong");
        using var anyone = StaffClient.Anonymous(factory);
        var wrongPhone = await anyone.PostFormExpectingErrorsAsync("/lookup", Form(dossier.Code!, "0999999999"));
        var unknown = await anyone.PostFormExpectingErrorsAsync("/lookup", Form("000.01.60.H26-000101-9999", "0999999999"));
        Assert.Equal(StaffClient.ErrorSummary(unknown), StaffClient.ErrorSummary(wrongPhone));
        Assert.Contains("Không tìm thấy hồ sơ", StaffClient.ErrorSummary(wrongPhone), StringComparison.Ordinal);
        Assert.DoesNotContain("lookup-result", wrongPhone, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang xử lý", wrongPhone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_named_next_to_each_field_in_the_chosen_language()
    {
        using var anyone = StaffClient.Anonymous(factory);
        var vi = await anyone.PostFormExpectingErrorsAsync("/lookup", Form("", ""));
        Assert.Contains("<a href=\"#Code\">Nhập mã hồ sơ.</a>", vi, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Contact\">", vi, StringComparison.Ordinal);
        Assert.Matches(ErrorNextTo("Code"), vi);
        Assert.Matches(ErrorNextTo("Contact"), vi);
        Assert.Contains("aria-invalid=\"true\"", vi, StringComparison.Ordinal);

        var en = await anyone.PostFormExpectingErrorsAsync("/lookup?lang=en", Form("", "0912345678"), "/lookup?lang=en");
        Assert.Contains("Enter the dossier code.", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact-error", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_qr_link_needs_the_token_made_for_that_code()
    {
        var dossier = await SlipDossiers.AcceptedAsync(factory, "lookup-link");
        var other = await SlipDossiers.AcceptedAsync(factory, "lookup-link-other");
        var links = factory.Services.GetRequiredService<LookupLink>();
        using var anyone = StaffClient.Anonymous(factory);

        var good = await anyone.GetPageAsync(links.PathFor(dossier.Code!));
        Assert.Contains("Đang xử lý", good, StringComparison.Ordinal);

        var code = Uri.EscapeDataString(dossier.Code!);
        var otherToken = links.PathFor(other.Code!).Split("?t=")[1];
        foreach (var url in new[] { $"/lookup/{code}", $"/lookup/{code}?t=forged", $"/lookup/{code}?t={otherToken}" })
        {
            var response = await anyone.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Đang xử lý", html, StringComparison.Ordinal);
            Assert.Contains("Đường dẫn tra cứu không hợp lệ", html, StringComparison.Ordinal);
        }
    }

    private static Regex ErrorNextTo(string field) =>
        new($"<p class=\"error-message\" id=\"{field}-error\">.*?</p>\\s*<input class=\"input\" id=\"{field}\"", RegexOptions.Singleline);
}

/// <summary>A host allowing three lookups a minute, to see the fourth refused.</summary>
public sealed class StrictLookupFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:RateLimits:PublicLookupPerMinute", "3");
    }
}

public sealed class LookupRateLimitTests(StrictLookupFactory factory) : IClassFixture<StrictLookupFactory>
{
    [Fact]
    public async Task The_lookup_pages_are_rate_limited_with_retry_after()
    {
        using var anyone = StaffClient.Anonymous(factory);
        HttpResponseMessage last;
        var tries = 0;
        do { last = await anyone.GetAsync("/lookup/000.01.60.H26-000101-0001?t=x"); }
        while (last.StatusCode != HttpStatusCode.TooManyRequests && ++tries < 10);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anyone.GetAsync("/lookup")).StatusCode);
    }
}
