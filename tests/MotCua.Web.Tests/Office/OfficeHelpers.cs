using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Office;

/// <summary>What the office page tests do again and again: file a dossier, read the page's version, post an action form.</summary>
internal static partial class OfficeHelpers
{
    public const string Counter = "motcua@motcua.demo";
    public const string Specialist = "chuyenvien@motcua.demo";
    public const string Leader = "lanhdao@motcua.demo";

    public static string Page(Guid id) => $"/staff/dossiers/{id}";

    public static string Act(Guid id, string action) => $"/staff/dossiers/{id}?act={action}";

    /// <summary>A birth registration filed online at Phường Hoàn Kiếm by an applicant of the given name.</summary>
    public static Task<Dossier> FileOnlineAsync(MotCuaFactory factory, string applicant, bool accept = false) => factory.WithScopeAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
        var service = sp.GetRequiredService<DossierService>();
        var filing = BirthFiling.At(unit) with { Owner = BirthFiling.Owner with { FullName = applicant } };
        var filed = await service.FileOnlineAsync(filing, BirthFiling.Citizen, "office-" + Guid.NewGuid().ToString("N"), CancellationToken.None);
        return accept ? await service.AcceptAsync(filed.Id, filed.Version, Actor.Staff("officer", "Lê Thị Tiếp"), CancellationToken.None) : filed;
    });

    public static Task<Dossier> LoadAsync(MotCuaFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.Dossiers.AsNoTracking().Include(d => d.Tasks).SingleAsync(d => d.Id == id));

    /// <summary>The version every action form on the page carries.</summary>
    public static int Version(string html) =>
        VersionPattern().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new Xunit.Sdk.XunitException("No action form on the page.");

    /// <summary>Opens the dossier page and posts one of its action forms with the version shown there.</summary>
    public static async Task<HttpResponseMessage> ActAsync(StaffClient client, Guid id, string action, Dictionary<string, string>? fields = null, int? version = null)
    {
        var html = await client.GetPageAsync(Page(id));
        var form = new Dictionary<string, string>(fields ?? []) { ["Version"] = (version ?? Version(html)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return await client.PostFormAsync(Page(id), form, Act(id, action));
    }

    public static async Task ActOkAsync(StaffClient client, Guid id, string action, Dictionary<string, string>? fields = null)
    {
        var response = await ActAsync(client, id, action, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode} {StaffClient.ErrorSummary(body)} {Problem(body)}");
        Assert.Equal($"{Page(id)}?done={action}", response.Headers.Location!.OriginalString);
    }

    /// <summary>Posts a form with files, as a browser does for enctype="multipart/form-data".</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(StaffClient client, string pageUrl, string action, Dictionary<string, string> fields, string fileField, string fileName, byte[] bytes, string contentType)
    {
        var html = await client.GetPageAsync(pageUrl);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(StaffClient.Token(html)!), "__RequestVerificationToken");
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>A counter officer of another ward: sees nothing of Phường Hoàn Kiếm.</summary>
    public static Task<string> OtherWardOfficerAsync(MotCuaFactory factory) => factory.WithScopeAsync(async sp =>
    {
        var email = $"other-{Guid.NewGuid():N}@motcua.demo";
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var db = sp.GetRequiredService<MotCuaDbContext>();
        var directory = sp.GetRequiredService<UnitDirectory>();
        var unit = (await directory.TodayAsync()).FindByCode(UnitCodes.Commune2025(2))!;
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, FullName = "Đỗ Văn Khác" };
        Assert.True((await users.CreateAsync(user, DemoStaffSeeder.Password)).Succeeded);
        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = unit.Id, Role = StaffRole.CounterOfficer, ValidFrom = directory.Today });
        await db.SaveChangesAsync();
        return email;
    });

    public static string Problem(string html) => ProblemPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("<p id=\"problem\">([^<]*)</p>")]
    private static partial Regex ProblemPattern();
}
