using System.Globalization;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Calendar;

namespace MotCua.Web.Features.Feedback.Open311;

/// <summary>
/// POST requests: form-urlencoded, an api_key, a service_code, a place (lat+long, address_string or address_id), the
/// category's attributes as attribute[CODE] (attribute[CODE][] for several values), and who reports. Answered with the
/// new report's id at once (never a token).
/// </summary>
internal static class Open311Posting
{
    public static async Task<IResult> PostAsync(string format, HttpRequest request, IConfiguration config, Open311Keys keys,
        FeedbackService feedback, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.Error("xml", StatusCodes.Status404NotFound, $"format {format} not supported (xml, json)");
        // Who may post comes before what was posted: a body that is not a form carries no api_key.
        if (!request.HasFormContentType)
            return Open311Format.Error(format, StatusCodes.Status403Forbidden, "api_key missing: send the request as application/x-www-form-urlencoded");
        var form = await request.ReadFormAsync(ct);
        if (await keys.ClientOfAsync(form["api_key"], ct) is null) return Open311Format.Error(format, StatusCodes.Status403Forbidden, "api_key missing or invalid");
        if (Open311Api.Checked(format, request, config) is { } refused) return refused;

        string Field(string name) => form[name].ToString().Trim();
        var problems = new List<string>();
        if (Field("service_code").Length == 0) problems.Add("service_code is required");
        GeoPoint? pin = null;
        var (lat, lon) = (Field("lat"), Field("long"));
        if (lat.Length > 0 || lon.Length > 0)
        {
            if (double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                && new GeoPoint(la, lo) is { IsValid: true } point) pin = point;
            else problems.Add("lat and long must both be decimal degrees (WGS 84)");
        }
        var address = Field("address_string") is { Length: > 0 } a ? a : Field("address_id") is { Length: > 0 } id ? id : null;
        if (pin is null && address is null && problems.Count == 0) problems.Add("a location is required: lat and long, address_string or address_id");
        var description = Field("description");
        if (Open311Requests.Html().IsMatch(description)) problems.Add("description must be plain text, not HTML");
        if (problems.Count > 0) return Open311Format.Error(format, StatusCodes.Status400BadRequest, [.. problems]);

        var reporter = Reporter(Field("first_name"), Field("last_name"), Field("email"), Field("phone"));
        var filing = new FeedbackFiling(Field("service_code"), pin, address, description, Attributes(form), Photos.PhotoBatch.None, reporter);
        try
        {
            var report = await feedback.FileAsync(filing, idempotencyKey: null, ct);
            return Open311Format.Write(format, "service_requests", new O311List("request",
            [
                new O311Object
                {
                    { "service_request_id", report.Number },
                    { "service_notice", $"Đã tiếp nhận; thời hạn trả lời {VietnamTimeText(report.DueAt)}." },
                    { "account_id", Field("account_id") is { Length: > 0 } account ? account : null },
                },
            ]), StatusCodes.Status201Created);
        }
        catch (FeedbackProblem p)
        {
            // Open311 errors have no field member: the field leads the description.
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, $"{p.Field}: {p.Message}");
        }
    }

    /// <summary>attribute[CODE]=v and attribute[CODE][]=v1&amp;attribute[CODE][]=v2.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Attributes(IFormCollection form)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (!key.StartsWith("attribute[", StringComparison.Ordinal)) continue;
            var end = key.IndexOf(']', StringComparison.Ordinal);
            if (end < 0) continue;
            var code = key[10..end];
            answers[code] = [.. (answers.TryGetValue(code, out var earlier) ? earlier : []).Concat(values.Select(v => v ?? ""))];
        }
        return answers;
    }

    private static Reporter? Reporter(string first, string last, string email, string phone)
    {
        var name = $"{last} {first}".Trim();
        return name.Length == 0 && email.Length == 0 && phone.Length == 0
            ? null
            : new Reporter { Name = name.Length == 0 ? null : Cut(name, 200), Email = email.Length == 0 ? null : Cut(email, 200), Phone = phone.Length == 0 ? null : Cut(phone, 20) };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static string VietnamTimeText(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
