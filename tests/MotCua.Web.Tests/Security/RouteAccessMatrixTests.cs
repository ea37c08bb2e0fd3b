using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Filing;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Every route of the application, read from the running host's endpoint list, against every kind of caller: anonymous,
/// the citizen who owns the sample dossier and another citizen, staff of the dossier's ward (counter officer, specialist,
/// leader), staff of another ward (a specialist and an administrator), and the city's supervisor and administrator
/// (the ward's parent unit). Each route has exactly one rule in <see cref="RouteRules"/>; a route added without one fails
/// here, so nobody ships an endpoint without saying who may use it. "Denied" is what a caller without access gets:
/// 401, 403, 404 (objects outside one's reach are not confirmed to exist), or a redirect to a sign-in or "denied" page;
/// anything else (200, a redirect elsewhere, 400 for a form without its anti-forgery token, 409 for a stale version)
/// means the caller got through to the page or endpoint.
/// </summary>
public sealed class RouteAccessMatrixTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public void Every_route_has_exactly_one_rule()
    {
        var routes = Routes();
        var missing = routes.Where(r => RouteRules.For(r.Method, r.Pattern) is null).Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.True(missing.Count == 0, "Routes without an access rule in RouteRules (say who may use them):\n" + string.Join('\n', missing));
        var unused = RouteRules.All.Where(rule => !routes.Any(r => rule.Matches(r.Method, r.Pattern))).Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.True(unused.Count == 0, "Rules for routes that no longer exist:\n" + string.Join('\n', unused));
    }

    [Fact]
    public async Task Every_route_lets_in_exactly_the_callers_its_rule_names()
    {
        var sample = await SampleAsync();
        var callers = await CallersAsync();
        var failures = new List<string>();
        try
        {
            foreach (var route in Routes())
            {
                var rule = RouteRules.For(route.Method, route.Pattern);
                if (rule is null) continue; // reported by the other test
                var url = rule.Url(sample);
                foreach (var (caller, client) in callers)
                {
                    // A page's form: a caller who should be let in posts without the anti-forgery token, so nothing is
                    // changed (the token check answers 400 after the access checks of the endpoint); one who should be
                    // kept out posts with their own valid token, so the page's own checks in its handler are what answer.
                    var token = rule.OwnStatus is not null || rule.Expect(caller) == Outcome.Denied ? client.Token : null;
                    var response = await SendAsync(client.Client, route.Method, url, token, isPage: route.IsPage);
                    // A citizen is nobody on a staff page: their token (made for the citizen) does not pass there, so the
                    // post is retried with the token the staff pages give them as an anonymous visitor.
                    if (token is not null && response.StatusCode == HttpStatusCode.BadRequest && client.AnonymousToken is { } anonymous && route.IsPage)
                    {
                        response.Dispose();
                        response = await SendAsync(client.Client, route.Method, url, anonymous, isPage: true);
                    }
                    using var answered = response;
                    if (rule.OwnStatus is { } own)
                    {
                        if ((int)response.StatusCode != own) failures.Add($"{route.Method} {url} as {caller}: expected its own {own}, got {(int)response.StatusCode}");
                        continue;
                    }
                    var outcome = Classify(response);
                    var expected = rule.Expect(caller);
                    if (expected != outcome)
                        failures.Add($"{route.Method} {url} as {caller}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        finally
        {
            foreach (var client in callers.Values) client.Client.Dispose();
        }
        Assert.True(failures.Count == 0, $"{failures.Count} access mismatches:\n" + string.Join('\n', failures));
    }

    private sealed record Route(string Method, string Pattern, bool IsPage);

    /// <summary>A caller's browser and its anti-forgery token (one per user, good for every form of the site).</summary>
    private sealed record Browser(StaffClient Client, string? Token, string? AnonymousToken = null);

    /// <summary>The host's own endpoint list: page routes answer GET and POST, other endpoints their declared methods.</summary>
    private List<Route> Routes()
    {
        _ = factory.Server; // builds the host
        var endpoints = factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();
        var routes = new List<Route>();
        foreach (var e in endpoints)
        {
            var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            var isPage = e.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (isPage ? ["GET", "POST"] : ["GET"]);
            routes.AddRange(methods.Select(m => new Route(m, pattern, isPage)));
        }
        return [.. routes.Distinct()];
    }

    /// <summary>
    /// A page's form is posted as a browser would (with the token when given); an endpoint gets an empty JSON body,
    /// which reaches its own checks but is never a valid action (version 0 is always stale).
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(StaffClient client, string method, string url, string? token, bool isPage)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = isPage
                ? new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)])
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return await client.Http.SendAsync(request);
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        // 405: a page with nothing to post to; nobody gets through it.
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return Outcome.Denied;
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } to)
        {
            var path = to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString;
            if (path.StartsWith("/account/sign-in", StringComparison.Ordinal) || path.StartsWith("/account/denied", StringComparison.Ordinal)
                || path.StartsWith("/citizen/sign-in", StringComparison.Ordinal)) return Outcome.Denied;
        }
        return Outcome.Allowed;
    }

    /// <summary>A dossier of Phường Hoàn Kiếm filed by the citizen An with one attachment, An's draft with one file, and ids the routes need.</summary>
    private async Task<RouteSample> SampleAsync() => await factory.WithScopeAsync(async sp =>
    {
        var tree = await sp.GetRequiredService<UnitDirectory>().TodayAsync();
        var ward = tree.FindByCode(UnitCodes.Commune2025(1))!;
        var store = sp.GetRequiredService<IFileStore>();
        var db = sp.GetRequiredService<MotCuaDbContext>();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 route matrix");
        var stored = await store.SaveAsync(new MemoryStream(pdf), "application/pdf");
        var filing = BirthFiling.At(ward.Id) with
        {
            Attachments = [new Domain.Dossiers.Attachment("to-khai", stored.Id.Value, "a.pdf", "application/pdf", stored.Size, stored.Sha256Hex)],
        };
        var service = sp.GetRequiredService<DossierService>();
        var filed = await service.FileOnlineAsync(filing, BirthFiling.Citizen, "route-matrix-" + Guid.NewGuid().ToString("N"), CancellationToken.None);
        var accepted = await service.AcceptAsync(filed.Id, filed.Version, Domain.Dossiers.Actor.Staff("matrix", "Ma Trận"), CancellationToken.None);

        var draftFile = await store.SaveAsync(new MemoryStream(pdf), "application/pdf");
        var draft = new DossierDraft
        {
            Id = Guid.NewGuid(), OwnerIdNumber = CitizenClient.An, ProcedureCode = BirthFiling.Code, ReceivingUnitId = ward.Id,
            IdempotencyKey = "route-matrix-draft-" + Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        draft.Attachments.Add(new DraftAttachment
        {
            FileId = draftFile.Id.Value, DraftId = draft.Id, DocumentKey = "to-khai", FileName = "a.pdf", ContentType = "application/pdf",
            Size = draftFile.Size, Sha256 = draftFile.Sha256Hex, AddedAt = DateTimeOffset.UtcNow,
        });
        db.Add(draft);
        await db.SaveChangesAsync();

        var specialist = await db.Users.AsNoTracking().Where(u => u.Email == "chuyenvien@motcua.demo").Select(u => u.Id).SingleAsync();
        var link = sp.GetRequiredService<LookupLink>().PathFor(accepted.Code!);
        var other = tree.FindByCode(UnitCodes.Commune2025(2))!;
        // A bundled reorganisation that touched our ward and not the other one, so that the other ward's administrator
        // has no part in it (one that created both wards is rightly theirs to read too).
        var reorganization = Guid.Empty;
        foreach (var id in await db.Reorganizations.AsNoTracking().OrderBy(r => r.EffectiveDate).ThenBy(r => r.Title).Select(r => r.Id).ToListAsync())
        {
            var report = await Features.Organization.Admin.Reorganizations.ReorganizationReport.LoadAsync(db, sp.GetRequiredService<UnitDirectory>(), id, CancellationToken.None);
            var units = report!.UnitIds.ToHashSet();
            if (!units.Contains(other.Id) && units.Count > 0) { reorganization = id; break; }
        }
        Assert.NotEqual(Guid.Empty, reorganization);
        // A citizen's report at Hoàn Kiếm Lake (handled by the sample ward) with one photo.
        var photos = await sp.GetRequiredService<Features.Feedback.Photos.FeedbackPhotos>().StoreAsync([Feedback.TestPhotos.File(Feedback.TestPhotos.Jpeg())], CancellationToken.None);
        var feedback = await sp.GetRequiredService<Features.Feedback.FeedbackService>().FileAsync(
            Feedback.FeedbackFilingTests.Lighting() with { Photos = photos }, null, CancellationToken.None);
        return new RouteSample(accepted.Id, accepted.Code!, link, stored.Id.Value, draft.Id, draftFile.Id.Value, ward.Id, other.Id, specialist, reorganization,
            feedback.Id, feedback.PhotoIds[0]);
    });

    private async Task<Dictionary<Caller, Browser>> CallersAsync()
    {
        var otherWard = UnitCodes.Commune2025(2);
        await TestStaff.EnsureAsync(factory, "matrix-specialist@motcua.test", StaffRole.Specialist, otherWard, "Chuyên Viên Khác");
        await TestStaff.EnsureAsync(factory, "matrix-admin@motcua.test", StaffRole.Administrator, otherWard, "Quản Trị Khác");
        var clients = new Dictionary<Caller, StaffClient>
        {
            [Caller.Anonymous] = StaffClient.Anonymous(factory),
            [Caller.OwnerCitizen] = (await CitizenClient.SignInAsync(factory, CitizenClient.An)).Client,
            [Caller.OtherCitizen] = (await CitizenClient.SignInAsync(factory, CitizenClient.Bich)).Client,
            [Caller.CounterOfficer] = await StaffClient.SignInAsync(factory, "motcua@motcua.demo"),
            [Caller.Specialist] = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo"),
            [Caller.Leader] = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo"),
            [Caller.OtherUnitSpecialist] = await StaffClient.SignInAsync(factory, "matrix-specialist@motcua.test"),
            [Caller.OtherUnitAdministrator] = await StaffClient.SignInAsync(factory, "matrix-admin@motcua.test"),
            [Caller.ParentSupervisor] = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo"),
            [Caller.ParentAdministrator] = await StaffClient.SignInAsync(factory, "admin@motcua.demo"),
        };
        var browsers = new Dictionary<Caller, Browser>();
        foreach (var (caller, client) in clients)
        {
            // A page with a form that every caller of the kind can open (opening it changes nothing).
            var page = caller switch
            {
                Caller.Anonymous => "/account/sign-in",
                Caller.OwnerCitizen or Caller.OtherCitizen => "/citizen/sign-out",
                _ => "/account/sign-out",
            };
            var token = StaffClient.Token(await (await client.GetAsync(page)).Content.ReadAsStringAsync());
            Assert.True(token is not null, $"No anti-forgery token for {caller} on {page}");
            var anonymous = caller is Caller.OwnerCitizen or Caller.OtherCitizen
                ? StaffClient.Token(await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync())
                : null;
            browsers[caller] = new Browser(client, token, anonymous);
        }
        return browsers;
    }
}
