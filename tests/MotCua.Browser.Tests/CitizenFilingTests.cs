using System.Text.RegularExpressions;
using MotCua.Browser.Tests.Infrastructure;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Tests.Dossiers.Forms;

namespace MotCua.Browser.Tests;

/// <summary>A demo citizen signs in through VNeID and files a birth registration online from the procedure page to My dossiers, with axe on every page.</summary>
public sealed class CitizenFilingTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    private const string Code = "1.001193";


    [Fact]
    public Task A_demo_citizen_files_a_birth_registration_with_an_attachment_and_finds_it_in_my_dossiers() => InBrowserAsync(async page =>
    {
        await page.GotoAsync($"/procedures/{Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();

        // Not signed in: VNeID (the bundled stand-in's page), then straight back to the wizard.
        await Expect(page).ToHaveURLAsync(new Regex("/simulators/vneid/authorize"));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Nguyễn Văn An").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/procedures/{Regex.Escape(Code)}/file$"));
        await Expect(page.Locator(".citizen-name")).ToHaveTextAsync("Nguyễn Văn An");

        // The receiving unit: continuing without one is an error linked to the list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#unit");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Cơ quan tiếp nhận").SelectOptionAsync(new SelectOptionValue { Label = "Phường Hoàn Kiếm" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();

        var form = SeededForms.Form(Code);
        var valid = SeededForms.ValidAnswers(form);
        foreach (var step in form.Steps)
        {
            await Expect(page.Locator("main h1")).ToHaveTextAsync(step.Title);
            await Axe.AssertNoSeriousViolationsAsync(page);
            foreach (var field in DossierForm.Leaves(step.Fields).Where(f => valid[f.Name] is not null))
                await WizardInput.FillAsync(page, field, SeededForms.Show(valid[field.Name]!));
            await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        }

        foreach (var document in SeededForms.Procedure(Code).Documents)
        {
            await Expect(page.Locator("main h1")).ToHaveTextAsync(document.Name);
            if (document.Mandatory)
            {
                await page.GetByLabel("Chọn tệp").SetInputFilesAsync(new FilePayload { Name = "ban-chup.png", MimeType = "image/png", Buffer = WizardInput.Png });
                await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = "ban-chup.png" })).ToBeVisibleAsync();
                await Axe.AssertNoSeriousViolationsAsync(page);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        }

        // How the result comes back (the Delivery module's page): at the counter here.
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Nhận kết quả");
        await page.GetByLabel("Nhận trực tiếp tại Bộ phận Một cửa").CheckAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();

        await Expect(page.Locator("main h1")).ToHaveTextAsync("Kiểm tra lại thông tin trước khi nộp");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

        await Expect(page.Locator("main h1")).ToHaveTextAsync("Đã nộp hồ sơ");
        var reference = await page.Locator(".reference").TextContentAsync();
        Assert.Matches(@"^HS-\d{6}-[A-Z0-9]{8}$", reference);
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của tôi" }).First.ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(row).ToContainTextAsync("1 – Mới đăng ký");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "ban-chup.png" }).First).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
    }, bypassCsp: true);
}
