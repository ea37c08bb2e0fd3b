using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Features.Feedback.Open311;
using MotCua.Web.Features.Organization;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback.Handling;

/// <summary>The city's administrators manage the Open311 clients' keys and the report categories; nobody else does.</summary>
public sealed partial class FeedbackAdminTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private Task<string?> ClientOfAsync(string key) => factory.WithScopeAsync(sp => sp.GetRequiredService<Open311Keys>().ClientOfAsync(key, CancellationToken.None));

    private Task<List<string>> AuditAsync(string type) => factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
        .Where(e => e.ObjectType == type).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task A_key_is_shown_once_stored_hashed_works_for_Open311_and_stops_when_revoked()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var empty = await admin.PostFormExpectingErrorsAsync("/admin/feedback/keys", new() { ["Name"] = " " });
        Assert.Contains("href=\"#Name\"", empty, StringComparison.Ordinal);

        var response = await admin.PostFormAsync("/admin/feedback/keys", new() { ["Name"] = "Tổng đài 1022" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = IssuedKey().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.Equal("Tổng đài 1022", await ClientOfAsync(key));
        var stored = await factory.WithDbAsync(db => db.Set<Open311ApiKey>().AsNoTracking().SingleAsync(k => k.Name == "Tổng đài 1022"));
        Assert.Equal(Open311Keys.Hash(key), stored.KeyHash);
        var list = await admin.GetPageAsync("/admin/feedback/keys");
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Contains("Tổng đài 1022", list, StringComparison.Ordinal);
        // The same name twice while the first key is in use: refused.
        await admin.PostFormExpectingErrorsAsync("/admin/feedback/keys", new() { ["Name"] = "Tổng đài 1022" });

        var revoked = await admin.PostFormExpectingRedirectAsync("/admin/feedback/keys", [], $"/admin/feedback/keys?handler=revoke&id={stored.Id}");
        Assert.Equal("/admin/feedback/keys?revoked=true", revoked);
        Assert.Null(await ClientOfAsync(key));
        var audit = await AuditAsync("open311-key");
        Assert.Contains("open311.key.create", audit);
        Assert.Contains("open311.key.revoke", audit);
    }

    [Fact]
    public async Task Only_the_citys_administrators_open_the_feedback_settings()
    {
        using var supervisor = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        foreach (var client in new[] { supervisor, specialist })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/feedback/keys")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/feedback/categories/rac-thai")).StatusCode);
        }
    }

    [Fact]
    public async Task A_category_is_edited_with_checks_audited_and_protected_from_a_concurrent_save()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var url = "/admin/feedback/categories/rac-thai";
        var page = await admin.GetPageAsync(url);
        var stamp = StampOf(page);
        var tree = await factory.WithScopeAsync(sp => sp.GetRequiredService<UnitDirectory>().TodayAsync());
        var department = tree.All.First(u => u.Kind == UnitKind.Department);
        var before = await factory.WithDbAsync(db => db.Set<FeedbackCategoryRow>().AsNoTracking().SingleAsync(c => c.Code == "rac-thai"));

        var errors = await admin.PostFormExpectingErrorsAsync(url, new() { ["Stamp"] = stamp, ["Name"] = "", ["TimeLimit"] = "0", ["Responsible"] = "KHONG-CO" });
        Assert.Contains("href=\"#Name\"", errors, StringComparison.Ordinal);
        Assert.Contains("href=\"#TimeLimit\"", errors, StringComparison.Ordinal);
        Assert.Contains("href=\"#Responsible\"", errors, StringComparison.Ordinal);
        Assert.Equal(before.Definition, (await factory.WithDbAsync(db => db.Set<FeedbackCategoryRow>().AsNoTracking().SingleAsync(c => c.Code == "rac-thai"))).Definition);

        var form = new Dictionary<string, string> { ["Stamp"] = stamp, ["Name"] = "Rác thải, vệ sinh môi trường", ["TimeLimit"] = "3", ["Responsible"] = department.Code };
        Assert.Equal("/admin/feedback/categories?saved=rac-thai", await admin.PostFormExpectingRedirectAsync(url, form));
        var row = await factory.WithDbAsync(db => db.Set<FeedbackCategoryRow>().AsNoTracking().SingleAsync(c => c.Code == "rac-thai"));
        var category = FeedbackCategories.Read(row.Definition);
        Assert.Equal(3, category.TimeLimitWorkingDays);
        Assert.Equal(Responsibility.Unit(department.Code), category.Responsibility);
        Assert.Equal("Rác thải, vệ sinh môi trường", row.Name);
        Assert.False(row.Active);
        Assert.Null(await factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackCategories>().FindAsync("rac-thai")));
        Assert.Contains("feedback.category.edit", await AuditAsync("feedback-category"));

        // The same page posted again: someone saved since it was shown.
        var stale = await admin.PostFormAsync(url, form);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(row.UpdatedAt, (await factory.WithDbAsync(db => db.Set<FeedbackCategoryRow>().AsNoTracking().SingleAsync(c => c.Code == "rac-thai"))).UpdatedAt);
    }

    private static string StampOf(string html) => StampPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("<code id=\"issued-key\">([^<]+)</code>")]
    private static partial Regex IssuedKey();

    [GeneratedRegex("name=\"Stamp\" value=\"(\\d+)\"")]
    private static partial Regex StampPattern();
}
