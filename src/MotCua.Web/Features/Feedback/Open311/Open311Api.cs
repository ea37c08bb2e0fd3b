using MotCua.Domain.Feedback;
using MotCua.Web.Features.Documents;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Feedback.Open311;

/// <summary>
/// Open311 GeoReport v2 on /open311/v2/ (docs/open311.md): discovery, services and their definitions, requests (list,
/// one, POST with an api_key), tokens, and the servicerequestupdates extension, in XML and JSON.
/// </summary>
public static class Open311Api
{
    public const string Root = "/open311/v2";

    public static WebApplication MapOpen311(this WebApplication app)
    {
        var api = app.MapGroup(Root).AllowAnonymous().WithTags("Open311").RequireRateLimiting(PublicRateLimits.PublicApi);
        api.MapGet("/discovery.{format}", (string format, HttpRequest request, PublicAddress address, IConfiguration config) =>
            Checked(format, request, config) ?? Open311Format.Write(format, "discovery", Discovery(request, address, config)));
        api.MapGet("/services.{format}", async (string format, HttpRequest request, IConfiguration config, FeedbackCategories categories, CancellationToken ct) =>
            Checked(format, request, config) ?? Open311Format.Write(format, "services",
                new O311List("service", [.. (await categories.ActiveAsync(ct)).Select(Service)])));
        api.MapGet("/services/{code}.{format}", async (string code, string format, HttpRequest request, IConfiguration config, FeedbackCategories categories, CancellationToken ct) =>
            Checked(format, request, config) ?? (await categories.FindAsync(code, ct) is { } category
                ? Open311Format.Write(format, "service_definition", Definition(category))
                : Open311Format.Error(format, StatusCodes.Status404NotFound, $"service_code {code} not found")));
        api.MapGet("/tokens/{token}.{format}", (string token, string format, HttpRequest request, IConfiguration config) =>
            // Every request is answered with its id at once, so no token is ever handed out.
            Checked(format, request, config) ?? Open311Format.Error(format, StatusCodes.Status404NotFound, $"token {token} not found"));
        Open311Requests.Map(api);
        return app;
    }

    /// <summary>A format we do not speak, or another jurisdiction: the answer; null when the call may go on.</summary>
    internal static IResult? Checked(string format, HttpRequest request, IConfiguration config)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.Error("xml", StatusCodes.Status404NotFound, $"format {format} not supported (xml, json)");
        var jurisdiction = request.Query["jurisdiction_id"].ToString();
        if (request.HasFormContentType && string.IsNullOrEmpty(jurisdiction)) jurisdiction = request.Form["jurisdiction_id"].ToString();
        return jurisdiction.Length > 0 && !string.Equals(jurisdiction, Jurisdiction(config), StringComparison.OrdinalIgnoreCase)
            ? Open311Format.Error(format, StatusCodes.Status404NotFound, $"jurisdiction_id {jurisdiction} not found")
            : null;
    }

    /// <summary>The one jurisdiction this endpoint serves (the city's domain), MotCua:Open311:Jurisdiction.</summary>
    public static string Jurisdiction(IConfiguration config) => config["MotCua:Open311:Jurisdiction"] is { Length: > 0 } j ? j : "hanoi.gov.vn";

    private static O311Object Discovery(HttpRequest request, PublicAddress address, IConfiguration config)
    {
        var demo = config.GetValue("MotCua:Demo", true);
        return new O311Object
        {
            { "changeset", "2026-11-24T00:00:00+07:00" },
            { "contact", config["MotCua:Open311:Contact"] ?? "Trung tâm Phục vụ hành chính công thành phố Hà Nội" },
            { "key_service", config["MotCua:Open311:KeyService"] ?? "Liên hệ quản trị viên hệ thống để được cấp api_key." },
            { "endpoints", new O311List("endpoint",
            [
                new O311Object
                {
                    { "specification", "http://wiki.open311.org/GeoReport_v2" },
                    { "url", address.Absolute(request, Root) },
                    { "changeset", "2026-11-24T00:00:00+07:00" },
                    // The demo city is a test endpoint (its key open311-demo-key is published in the README).
                    { "type", demo ? "test" : "production" },
                    { "formats", new O311List("format", ["text/xml", "application/json"]) },
                },
            ]) },
        };
    }

    private static O311Object Service(FeedbackCategory c) => new()
    {
        { "service_code", c.Code },
        { "service_name", c.Name },
        { "description", c.Description },
        { "metadata", c.Questions.Count > 0 },
        { "type", "realtime" },
        { "keywords", string.Join(", ", c.Keywords) },
        { "group", c.Group },
    };

    private static O311Object Definition(FeedbackCategory c) => new()
    {
        { "service_code", c.Code },
        { "attributes", new O311List("attribute", [.. c.Questions.OrderBy(q => q.Order).Select(q => (object)new O311Object
        {
            { "variable", true },
            { "code", q.Code },
            { "datatype", q.Type.ToString().ToLowerInvariant() },
            { "required", q.Required },
            { "datatype_description", q.TypeDescription ?? "" },
            { "order", q.Order },
            { "description", q.Description },
            { "values", new O311List("value", [.. q.Choices.Select(v => (object)new O311Object { { "key", v.Key }, { "name", v.Name } })]) },
        })]) },
    };
}
