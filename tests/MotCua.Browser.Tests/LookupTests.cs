using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Browser.Tests.Infrastructure;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Browser.Tests;

/// <summary>The public dossier lookup as a citizen uses it: mistakes named next to the fields, then the status.</summary>
public sealed class LookupTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    /// <summary>A dossier filed online and waiting at the counter, stored through the domain as the service would.</summary>
    private async Task<string> FiledDossierAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var ward = (await scope.ServiceProvider.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!;
        var version = await db.Procedures.Where(p => p.NationalCode == "1.001193").Select(p => p.PublishedVersionId!.Value).FirstAsync();
        var owner = new Applicant { Kind = ApplicantKind.Citizen, FullName = "Trần Thị Bình", IdNumber = "001190012345", Phone = "0987654321" };
        var reference = "HS-BROWSER-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var dossier = Dossier.SubmitOnline(Guid.NewGuid(), reference, new DossierFiling
        {
            ProcedureCode = "1.001193", ProcedureVersionId = version, ReceivingUnitId = ward.Id, Owner = owner,
        }, Actor.Applicant(owner.FullName, owner.IdNumber), TimeProvider.System.GetUtcNow());
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return reference;
    }

    [Fact]
    public Task A_citizen_corrects_the_form_and_sees_the_status() => InBrowserAsync(async page =>
    {
        var reference = await FiledDossierAsync();
        await page.GotoAsync("/lookup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToBeVisibleAsync();
        var codeError = summary.GetByRole(AriaRole.Link, new() { Name = "Nhập mã hồ sơ." });
        await Expect(codeError).ToHaveAttributeAsync("href", "#Code");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await codeError.ClickAsync();
        var code = page.GetByLabel("Mã hồ sơ", new() { Exact = true });
        await Expect(code).ToBeFocusedAsync();
        await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");

        await code.FillAsync(reference);
        await page.GetByLabel("Số điện thoại hoặc số định danh cá nhân", new() { Exact = true }).FillAsync("0987654321");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();

        var result = page.GetByRole(AriaRole.Region, new() { Name = "Hồ sơ " + reference });
        await Expect(result).ToBeVisibleAsync();
        await Expect(result).ToContainTextAsync("Mới đăng ký");
        await Expect(result).ToContainTextAsync("Thủ tục đăng ký khai sinh");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(page);
    }, bypassCsp: true);
}
