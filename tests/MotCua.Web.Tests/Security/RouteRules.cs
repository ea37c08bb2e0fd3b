using System.Text.RegularExpressions;

namespace MotCua.Web.Tests.Security;

/// <summary>Who calls, in the access matrix. "Own unit" is Phường Hoàn Kiếm, where the sample dossier was filed; its parent is the city.</summary>
public enum Caller
{
    Anonymous,
    OwnerCitizen,
    OtherCitizen,
    CounterOfficer,
    Specialist,
    Leader,
    OtherUnitSpecialist,
    OtherUnitAdministrator,
    ParentSupervisor,
    ParentAdministrator,
}

public enum Outcome { Allowed, Denied }

/// <summary>Who may use a route.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not (the portal, the lookup, sign-in pages, health checks).</summary>
    Public,
    /// <summary>Anyone while the product runs as a demo (the bundled simulators); absent in production.</summary>
    DemoPublic,
    /// <summary>Any signed-in citizen (their own lists and wizard).</summary>
    Citizen,
    /// <summary>Only the citizen who owns the object in the address (their dossier, draft, file).</summary>
    OwnerCitizen,
    /// <summary>Any signed-in staff member, whatever the unit (their inbox, their password, the administration home).</summary>
    Staff,
    /// <summary>Counter officers (reception at the counter).</summary>
    CounterOfficer,
    /// <summary>Staff who see the unit the object belongs to: its own unit's staff and the supervisors and administrators above.</summary>
    StaffOfUnit,
    /// <summary>Administrators and supervisors of some unit: the administration lists, each scoped to their units.</summary>
    BackOffice,
    /// <summary>Administrators and supervisors who see the object's unit (its parent's, here).</summary>
    BackOfficeOfUnit,
    /// <summary>An administrator of some unit (the forms that change units and staff, each checking the units concerned).</summary>
    Administrator,
    /// <summary>An administrator of the city, a root of the unit tree (the catalogue, city-wide reorganisations).</summary>
    CityAdministrator,
    /// <summary>
    /// Only someone between the password and the second factor (Identity's short two-factor cookie): none of the callers
    /// here, who are either anonymous or fully signed in, may use these steps.
    /// </summary>
    SignInInProgress,
    /// <summary>Only a caller presenting the endpoint's own API key (the SMS gateway simulator), which no signed-in person has.</summary>
    ApiKey,
}

/// <summary>The ids a concrete address is made from.</summary>
/// <summary>The ids a concrete address is made from. OtherUnitId: the other ward, which its own administrator manages.</summary>
public sealed record RouteSample(
    Guid DossierId, string DossierCode, string LookupLink, Guid DossierFileId, Guid DraftId, Guid DraftFileId, Guid UnitId, Guid OtherUnitId,
    Guid StaffId, Guid ReorganizationId, Guid FeedbackId = default, Guid FeedbackPhotoId = default);

/// <summary>
/// One route's rule. <paramref name="OwnStatus"/>: a page whose answer is that status for everyone by design (the
/// "denied" page is a 403, an unknown address a 404); the test then checks that status instead of who got in.
/// </summary>
public sealed record RouteRule(string Method, string Pattern, Access Access, Func<RouteSample, string>? Address = null, int? OwnStatus = null)
{
    public bool Matches(string method, string pattern) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && string.Equals(Pattern, pattern, StringComparison.Ordinal);

    /// <summary>The address requested: the rule's own, or the pattern with its parameters filled from the sample.</summary>
    public string Url(RouteSample s) => Address?.Invoke(s) ?? RouteRules.Fill(Pattern, s);

    public Outcome Expect(Caller c)
    {
        var citizen = c is Caller.OwnerCitizen or Caller.OtherCitizen;
        var staff = !citizen && c != Caller.Anonymous;
        var ofUnit = c is Caller.CounterOfficer or Caller.Specialist or Caller.Leader or Caller.ParentSupervisor or Caller.ParentAdministrator;
        var backOffice = c is Caller.OtherUnitAdministrator or Caller.ParentSupervisor or Caller.ParentAdministrator;
        var allowed = Access switch
        {
            Access.Public or Access.DemoPublic => true,
            Access.Citizen => citizen,
            Access.OwnerCitizen => c == Caller.OwnerCitizen,
            Access.Staff => staff,
            Access.CounterOfficer => c == Caller.CounterOfficer,
            Access.StaffOfUnit => ofUnit,
            Access.BackOffice => backOffice,
            Access.BackOfficeOfUnit => c is Caller.ParentSupervisor or Caller.ParentAdministrator,
            Access.Administrator => c is Caller.OtherUnitAdministrator or Caller.ParentAdministrator,
            Access.CityAdministrator => c == Caller.ParentAdministrator,
            Access.ApiKey or Access.SignInInProgress => false,
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
        return allowed ? Outcome.Allowed : Outcome.Denied;
    }
}

/// <summary>
/// Every route of the product and who may use it. Add a line here with every new page or endpoint: the matrix test
/// fails for a route without one. Page routes are listed for GET and POST (a page's form posts to itself).
/// </summary>
public static partial class RouteRules
{
    private static RouteRule Page(string pattern, Access access, Func<RouteSample, string>? address = null, int? ownStatus = null) =>
        new("PAGE", pattern, access, address, ownStatus);

    public static readonly IReadOnlyList<RouteRule> All = Expand(
    [
        // The public portal and the anonymous ways in.
        Page("/", Access.Public),
        Page("/procedures", Access.Public),
        Page("/procedures/{code}", Access.Public),
        Page("/procedures/{code}/form/preview", Access.Public),
        Page("/units", Access.Public),
        Page("/lookup", Access.Public),
        Page("/lookup/{code}", Access.Public, s => s.LookupLink),
        // A document's verification page and its JSON twin: public; an id that was never issued is a 404 for everyone
        // (tests/MotCua.Web.Tests/Documents checks a registered one).
        Page("/xac-thuc/{id:guid}", Access.Public, _ => "/xac-thuc/" + Guid.NewGuid(), ownStatus: 404),
        new("GET", "/api/v1/documents/{id:guid}", Access.Public, _ => "/api/v1/documents/" + Guid.NewGuid(), OwnStatus: 404),
        new("POST", "/api/v1/documents/{id:guid}/verify", Access.Public, _ => $"/api/v1/documents/{Guid.NewGuid()}/verify", OwnStatus: 404),
        // The error pages answer with the status they show.
        Page("/error/{code:int?}", Access.Public, _ => "/error/400", ownStatus: 400),
        Page("/account/sign-in", Access.Public),
        Page("/account/sign-out", Access.Public),
        new("GET", "/account/denied", Access.Public, OwnStatus: 403),
        new("POST", "/account/denied", Access.Public),
        Page("/citizen/sign-in", Access.Public),
        // Where a failed VNeID sign-in lands: the status fits the reason (cancelled: 403).
        new("GET", "/citizen/sign-in/failed/{reason}", Access.Public, _ => "/citizen/sign-in/failed/cancelled", OwnStatus: 403),
        new("POST", "/citizen/sign-in/failed/{reason}", Access.Public, _ => "/citizen/sign-in/failed/cancelled"),
        Page("/citizen/sign-out", Access.Public),
        new("GET", "/culture", Access.Public, _ => "/culture?lang=en&returnUrl=/"),
        new("GET", "/health/live", Access.Public),
        new("GET", "/health/ready", Access.Public),
        // Scraped by Prometheus; restricted to the monitoring network at the reverse proxy (docs/security.md).
        new("GET", "/metrics", Access.Public),
        new("GET", "/api/v1/procedures/", Access.Public),
        new("GET", "/api/v1/procedures/{code}", Access.Public),
        new("GET", "/api/v1/units/", Access.Public),
        // Open311 GeoReport v2: public reads; a POST needs the client's api_key, which no signed-in person has.
        new("GET", "/open311/v2/discovery.{format}", Access.Public, _ => "/open311/v2/discovery.json"),
        new("GET", "/open311/v2/services.{format}", Access.Public, _ => "/open311/v2/services.xml"),
        new("GET", "/open311/v2/services/{code}.{format}", Access.Public, _ => "/open311/v2/services/chieu-sang.json"),
        new("GET", "/open311/v2/tokens/{token}.{format}", Access.Public, _ => "/open311/v2/tokens/abc.json", OwnStatus: 404),
        new("GET", "/open311/v2/requests.{format}", Access.Public, _ => "/open311/v2/requests.json"),
        new("GET", "/open311/v2/requests/{id}.{format}", Access.Public, _ => "/open311/v2/requests/PA-000000-00000.json", OwnStatus: 404),
        new("POST", "/open311/v2/requests.{format}", Access.ApiKey, _ => "/open311/v2/requests.json"),
        new("GET", "/open311/v2/servicerequestupdates.{format}", Access.Public, _ => "/open311/v2/servicerequestupdates.json"),
        // A report's photo (EXIF removed): public while the report is; an unknown or hidden one is 404 to everyone.
        new("GET", "/feedback/photos/{id:guid}", Access.Public, _ => $"/feedback/photos/{Guid.Empty:N}", OwnStatus: 404),
        // Citizen feedback (docs/feedback.md): the reporting page and its map data, the public list and a report's page
        // (whose follow/rate/reopen forms check the citizen themselves: an unknown number is a 404 for everyone).
        Page("/feedback/report", Access.Public),
        // A page whose report is unknown (or hidden) is a 404; its forms pass the token check for anyone, then the
        // handler finds no report (follow, rate, reopen), or the page has nothing to post to (the confirmation).
        new("GET", "/feedback/sent/{number}", Access.Public, _ => "/feedback/sent/PA-000000-00000", OwnStatus: 404),
        new("POST", "/feedback/sent/{number}", Access.Public, _ => "/feedback/sent/PA-000000-00000"),
        Page("/feedback", Access.Public),
        new("GET", "/feedback/{number}", Access.Public, _ => "/feedback/PA-000000-00000", OwnStatus: 404),
        new("POST", "/feedback/{number}", Access.Public, _ => "/feedback/PA-000000-00000?handler=follow"),
        Page("/my/feedback", Access.Citizen),
        new("GET", "/feedback/outlines.geojson", Access.Public),
        new("GET", "/feedback/nearby", Access.Public, _ => "/feedback/nearby?category=chieu-sang&lat=21.0285&lng=105.8522"),
        new("GET", "/api/v1/calendar/due-date", Access.Public, _ => "/api/v1/calendar/due-date?from=2026-03-02&days=5"),
        new("GET", "/api/v1/calendar/holidays", Access.Public, _ => "/api/v1/calendar/holidays?year=2026"),
        new("GET", "/api/v1/calendar/lunar", Access.Public, _ => "/api/v1/calendar/lunar?date=2026-02-17"),
        new("GET", "/api/v1/dossiers/lookup", Access.Public, s => $"/api/v1/dossiers/lookup?code={s.DossierCode}&phone=0912345678"),
        // Online filing over the API is the demo's (the portal files through the citizen's wizard).
        new("POST", "/api/v1/dossiers/", Access.DemoPublic),
        new("GET", "/simulators/sms/messages", Access.DemoPublic),
        // The national portal's simulator (demo only): its push needs the portal key; its reads and control are the demo's.
        new("POST", "/simulators/dvcqg/api/hoso/dongbo", Access.ApiKey),
        new("GET", "/simulators/dvcqg/api/hoso", Access.DemoPublic),
        new("GET", "/simulators/dvcqg/api/hoso/{code}", Access.DemoPublic, _ => "/simulators/dvcqg/api/hoso/none", OwnStatus: 404),
        new("POST", "/simulators/dvcqg/control", Access.DemoPublic),
        new("POST", "/simulators/sms/send", Access.ApiKey),
        // The bundled VNeID stand-in: its public protocol endpoints and pages; tokens need the client secret, userinfo a token.
        new("GET", "/simulators/vneid/.well-known/openid-configuration", Access.DemoPublic),
        new("GET", "/simulators/vneid/jwks", Access.DemoPublic),
        new("GET", "/simulators/vneid/authorize", Access.DemoPublic),
        new("POST", "/simulators/vneid/authorize", Access.DemoPublic),
        new("GET", "/simulators/vneid/end-session", Access.DemoPublic),
        new("GET", "/simulators/vneid/style.css", Access.DemoPublic),
        new("POST", "/simulators/vneid/token", Access.ApiKey),
        new("GET", "/simulators/vneid/userinfo", Access.ApiKey),
        new("POST", "/simulators/vneid/userinfo", Access.ApiKey),
        new("GET", "/{**path}", Access.Public, _ => "/no/such/page", 404),
        // Delivery by post (docs/delivery.md): the post's signed callbacks, the bundled post simulator, the pages.
        new("POST", "/api/v1/delivery/postal/callback", Access.ApiKey),
        new("GET", "/simulators/postal/", Access.DemoPublic),
        new("POST", "/simulators/postal/orders", Access.ApiKey),
        new("GET", "/simulators/postal/orders/{orderNumber}", Access.ApiKey, _ => "/simulators/postal/orders/X-KQ"),
        new("POST", "/simulators/postal/orders/{orderNumber}/cancel", Access.ApiKey, _ => "/simulators/postal/orders/X-KQ/cancel"),
        new("POST", "/simulators/postal/orders/{orderNumber}/advance", Access.DemoPublic, _ => "/simulators/postal/orders/X-KQ/advance"),
        new("POST", "/simulators/postal/mode", Access.DemoPublic),
        Page("/my/dossiers/{id:guid}/delivery", Access.OwnerCitizen),
        Page("/staff/dossiers/{id:guid}/delivery", Access.StaffOfUnit),
        Page("/staff/delivery/problems", Access.Staff),

        // The citizen's own.
        Page("/my/dossiers", Access.Citizen),
        Page("/my/dossiers/{id:guid}", Access.OwnerCitizen),
        Page("/my/dossiers/{id:guid}/filed", Access.OwnerCitizen),
        Page("/procedures/{code}/file/{draftId:guid?}", Access.Citizen, _ => "/procedures/1.001193/file"),
        new("GET", "/api/v1/my/dossiers/", Access.Citizen),
        new("GET", "/api/v1/my/dossiers/{id:guid}", Access.OwnerCitizen),
        new("POST", "/api/v1/my/dossiers/{id:guid}/rate", Access.OwnerCitizen),
        new("POST", "/api/v1/my/dossiers/{id:guid}/supplement", Access.OwnerCitizen),
        new("POST", "/api/v1/my/dossiers/{id:guid}/withdraw", Access.OwnerCitizen),
        new("GET", "/my/dossiers/{id:guid}/files/{fileId:guid}", Access.OwnerCitizen, s => $"/my/dossiers/{s.DossierId}/files/{s.DossierFileId}"),
        new("GET", "/my/dossiers/{id:guid}/receipt.pdf", Access.OwnerCitizen),
        new("GET", "/my/drafts/{draftId:guid}/files/{fileId:guid}", Access.OwnerCitizen, s => $"/my/drafts/{s.DraftId}/files/{s.DraftFileId}"),
        Page("/my/dossiers/{id:guid}/payment", Access.OwnerCitizen),
        new("GET", "/my/dossiers/{id:guid}/payment/receipts.pdf", Access.OwnerCitizen),
        // Where VNPay sends the payer back and calls the IPN: anonymous, every call checked by its signature.
        Page("/payments/vnpay/return", Access.Public),
        new("GET", "/payments/vnpay/ipn", Access.Public),
        new("GET", "/simulators/vnpay/paymentv2/vpcpay.html", Access.DemoPublic),
        new("POST", "/simulators/vnpay/paymentv2/pay", Access.DemoPublic),
        new("POST", "/simulators/vnpay/merchant_webapi/api/transaction", Access.DemoPublic),
        new("GET", "/simulators/vnpay/style.css", Access.DemoPublic),

        // The back office.
        Page("/account/password", Access.Staff),
        Page("/account/two-factor", Access.SignInInProgress),
        Page("/account/two-factor/recovery", Access.SignInInProgress),
        Page("/account/two-factor/enrol", Access.SignInInProgress),
        Page("/staff/inbox", Access.Staff),
        Page("/staff/counter/new", Access.CounterOfficer),
        Page("/staff/dossiers/{id:guid}", Access.StaffOfUnit),
        Page("/staff/dossiers/{id:guid}/files/{fileId:guid}", Access.StaffOfUnit, s => $"/staff/dossiers/{s.DossierId}/files/{s.DossierFileId}"),
        Page("/staff/dossiers/{id:guid}/slips/{number:length(2)}", Access.StaffOfUnit, s => $"/staff/dossiers/{s.DossierId}/slips/01"),
        new("GET", "/staff/dossiers/{id:guid}/slips/{number}.pdf", Access.StaffOfUnit, s => $"/staff/dossiers/{s.DossierId}/slips/01.pdf"),
        Page("/staff/dossiers/{id:guid}/payment", Access.StaffOfUnit),
        new("GET", "/staff/dossiers/{id:guid}/payment/receipts.pdf", Access.StaffOfUnit),
        new("GET", "/api/v1/inbox", Access.Staff),
        // The audit search: supervisors and administrators, each seeing the entries of their units.
        Page("/staff/audit", Access.BackOffice),
        new("GET", "/api/v1/audit", Access.BackOffice),
        new("POST", "/api/v1/counter/dossiers", Access.Staff),
        new("GET", "/api/v1/dossiers/{id:guid}/", Access.StaffOfUnit),
        .. DossierActions().Select(a => new RouteRule("POST", $"/api/v1/dossiers/{{id:guid}}/{a}", Access.StaffOfUnit)),
        new("POST", "/api/v1/dossiers/{id:guid}/consultations/{taskId:guid}/answer", Access.StaffOfUnit,
            s => $"/api/v1/dossiers/{s.DossierId}/consultations/{Guid.Empty}/answer"),
        // Citizens' reports for the staff of the handling unit (and the supervisors and administrators above); a report of
        // another unit is a 404. The sample report is at Hoàn Kiếm Lake, handled by the sample ward, with one photo.
        Page("/staff/feedback", Access.Staff),
        Page("/staff/feedback/{id:guid}", Access.StaffOfUnit, s => $"/staff/feedback/{s.FeedbackId}"),
        new("GET", "/staff/feedback/{id:guid}/photos/{photoId:guid}", Access.StaffOfUnit, s => $"/staff/feedback/{s.FeedbackId}/photos/{s.FeedbackPhotoId}"),
        new("GET", "/api/v1/feedback/", Access.Staff),
        new("GET", "/api/v1/feedback/{id:guid}", Access.StaffOfUnit, s => $"/api/v1/feedback/{s.FeedbackId}"),
        .. FeedbackActions().Select(a => new RouteRule("POST", $"/api/v1/feedback/{{id:guid}}/{a}", Access.StaffOfUnit, s => $"/api/v1/feedback/{s.FeedbackId}/{a}")),

        // Administration: the home for any staff member; lists for administrators and supervisors, each scoped to
        // the units they see; forms that change things for administrators; the catalogue for the city's administrators.
        new("GET", "/api/v1/kpis/scorecard", Access.BackOffice),
        new("GET", "/api/v1/kpis/units", Access.BackOffice),
        new("GET", "/api/v1/kpis/trend", Access.BackOffice),
        new("GET", "/api/v1/kpis/drilldown", Access.BackOffice, _ => "/api/v1/kpis/drilldown?indicator=P1"),
        new("GET", "/api/v1/kpis/overdue", Access.BackOffice),
        new("GET", "/api/v1/kpis/entered", Access.BackOffice),
        new("POST", "/api/v1/kpis/entered", Access.Administrator),
        new("GET", "/api/v1/open-data/kpis", Access.Public),
        Page("/staff/kpis", Access.BackOffice),
        Page("/statistics", Access.Public),

        Page("/admin", Access.Staff),
        Page("/admin/staff", Access.BackOffice),
        Page("/admin/staff/new", Access.Administrator),
        Page("/admin/staff/{id:guid}", Access.BackOfficeOfUnit),
        Page("/admin/units", Access.BackOffice),
        Page("/admin/units/{id:guid}", Access.BackOfficeOfUnit),
        Page("/admin/calendar", Access.BackOffice),
        Page("/admin/calendar/hours", Access.BackOffice),
        Page("/admin/reorganizations", Access.BackOffice),
        Page("/admin/reorganizations/{id:guid}", Access.BackOfficeOfUnit),
        Page("/admin/reorganizations/merge", Access.Administrator),
        Page("/admin/reorganizations/move", Access.Administrator, s => $"/admin/reorganizations/move?unit={s.OtherUnitId}"),
        Page("/admin/reorganizations/open", Access.Administrator),
        Page("/admin/reorganizations/rename", Access.Administrator, s => $"/admin/reorganizations/rename?unit={s.OtherUnitId}"),
        Page("/admin/reorganizations/retire", Access.Administrator, s => $"/admin/reorganizations/retire?unit={s.OtherUnitId}"),
        Page("/admin/reorganizations/split", Access.Administrator, s => $"/admin/reorganizations/split?unit={s.OtherUnitId}"),
        Page("/admin/procedures", Access.CityAdministrator),
        Page("/admin/procedures/new", Access.CityAdministrator),
        Page("/admin/procedures/import", Access.CityAdministrator),
        Page("/admin/procedures/{code}", Access.CityAdministrator),
        Page("/admin/procedures/{code}/edit", Access.CityAdministrator),
        Page("/admin/procedures/{code}/compare", Access.CityAdministrator),
        Page("/admin/procedures/{code}/retire", Access.CityAdministrator),
        new("GET", "/api/v1/catalog/export", Access.CityAdministrator),
        // Feedback settings that apply city-wide: the Open311 clients' keys and the report categories.
        Page("/admin/feedback/keys", Access.CityAdministrator),
        Page("/admin/feedback/categories", Access.CityAdministrator),
        Page("/admin/feedback/categories/{code}", Access.CityAdministrator, _ => "/admin/feedback/categories/chieu-sang"),
        // The national portal sync's backlog and error list.
        Page("/admin/portal-sync", Access.CityAdministrator),
        new("POST", "/api/v1/catalog/import", Access.CityAdministrator),
    ]);

    /// <summary>The staff actions on a dossier (POST /api/v1/dossiers/{id}/{action}).</summary>
    private static string[] DossierActions() =>
        ["accept", "refuse", "supplement-request", "claim", "assign", "forward", "send-back", "transfer", "consult", "payment-request",
         "payment-received", "stop", "approve", "reject", "result", "return", "apology"];

    /// <summary>The staff actions on a citizen's report (POST /api/v1/feedback/{id}/{action}).</summary>
    private static string[] FeedbackActions() => ["acknowledge", "start", "resolve", "reroute", "duplicate", "reject", "moderate"];

    public static RouteRule? For(string method, string pattern) => All.SingleOrDefault(r => r.Matches(method, pattern));

    /// <summary>A page's rule stands for its GET and its POST.</summary>
    private static List<RouteRule> Expand(IEnumerable<RouteRule> rules) =>
        [.. rules.SelectMany(r => r.Method == "PAGE" ? [r with { Method = "GET" }, r with { Method = "POST" }] : new[] { r })];

    /// <summary>The pattern with each parameter replaced by the sample's id of that kind.</summary>
    public static string Fill(string pattern, RouteSample s) => Parameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        "id" when pattern.StartsWith("/admin/staff", StringComparison.Ordinal) => s.StaffId.ToString(),
        "id" when pattern.StartsWith("/admin/units", StringComparison.Ordinal) => s.UnitId.ToString(),
        "id" when pattern.StartsWith("/admin/reorganizations", StringComparison.Ordinal) => s.ReorganizationId.ToString(),
        "id" => s.DossierId.ToString(),
        "code" when pattern.StartsWith("/lookup", StringComparison.Ordinal) => s.DossierCode,
        "code" => "1.001193",
        "draftId" => s.DraftId.ToString(),
        "fileId" => s.DossierFileId.ToString(),
        var name => throw new InvalidOperationException($"No sample value for {{{name}}} in {pattern}: give the rule its own address."),
    }).Replace("//", "/", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
