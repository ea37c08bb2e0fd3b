using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Browser.Tests.Infrastructure;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Dossiers.Forms;
using Xunit.Abstractions;

namespace MotCua.Browser.Tests;

/// <summary>The back office in a real browser, without JavaScript of its own: reception at the counter, then processing.</summary>
public sealed class OfficeTests(ProductServer server, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(server, chromium)
{
    [Fact]
    public Task The_counter_accepts_an_online_dossier_and_the_specialist_forwards_it() => InBrowserAsync(async page =>
    {
        var dossier = await FileOnlineAsync("Đặng Thị Trình Duyệt");

        await SignInAsync(page, "motcua@motcua.demo");
        await page.GotoAsync("/staff/inbox");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hộp công việc", Level = 1 })).ToBeVisibleAsync();
        Report(await Axe.AssertNoSeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = dossier.Reference, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ");
        await Expect(page.Locator("#dossier-code")).ToHaveTextAsync(new Regex(@"^000\.01\.60\.H26-\d{6}-\d{4}$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await SignInAsync(page, "chuyenvien@motcua.demo");
        await page.GotoAsync("/staff/inbox?view=unit");
        await page.GetByRole(AriaRole.Link, new() { Name = CodeOf(dossier.Id), Exact = true }).ClickAsync();
        await page.GetByLabel("Ghi chú").FillAsync("Hồ sơ đủ điều kiện.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển tiếp", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã chuyển hồ sơ sang bước tiếp theo");
        await Expect(page.Locator("#control-slip")).ToBeVisibleAsync();
        Report(await Axe.AssertNoSeriousViolationsAsync(page));
    }, bypassCsp: true);

    private void Report(IReadOnlyList<AxeViolation> minor)
    {
        foreach (var v in minor) output.WriteLine(Axe.Describe(v));
    }

    private string CodeOf(Guid id)
    {
        using var scope = Server.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MotCua.Web.Infrastructure.Persistence.MotCuaDbContext>().Dossiers.Single(d => d.Id == id).Code!;
    }

    private async Task<Dossier> FileOnlineAsync(string applicant)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var unit = (await scope.ServiceProvider.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
        var owner = new Applicant { Kind = ApplicantKind.Citizen, FullName = applicant, IdNumber = "001089012399", Phone = "0912345699" };
        var answers = SeededForms.ValidAnswers(SeededForms.Form("1.001193")).ToJsonString();
        return await scope.ServiceProvider.GetRequiredService<DossierService>().FileOnlineAsync(
            new OnlineFiling("1.001193", unit, owner, null, answers, []), Actor.Applicant(applicant), "browser-" + Guid.NewGuid().ToString("N"), CancellationToken.None);
    }

    private Task SignInAsync(IPage page, string email) => StaffSignIn.AllStepsAsync(page, Server, email);
}
