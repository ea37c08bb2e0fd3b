using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Browser.Tests.Infrastructure;
using MotCua.Web.Features.Documents.Data;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Dossiers.Forms;

namespace MotCua.Browser.Tests;

/// <summary>
/// Issue 5 end to end in Chromium: a citizen files a fee-bearing procedure, pays on the gateway simulator's page, the
/// ward processes it (over the staff API, in the officers' own browsers), and the citizen downloads the signed result
/// and checks it on its public verification page.
/// </summary>
public sealed class PaidSignedResultTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    private const string Code = "1.001193";

    [Fact]
    public Task A_citizen_files_pays_online_gets_the_signed_result_and_verifies_it() => InBrowserAsync(async page =>
    {
        await FileAsync(page);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Đã nộp hồ sơ");

        // Pay: the dossier's fee page, then the gateway's payer page (the bundled VNPay stand-in), and back.
        await page.GetByRole(AriaRole.Link, new() { Name = "Thanh toán phí, lệ phí" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Thanh toán trực tuyến qua VNPay") }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/simulators/vnpay/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Thanh toán", Exact = true }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync(new Regex("^(Thanh toán thành công|Cổng thanh toán báo giao dịch thành công)$"));
        var dossierId = await DossierIdAsync(page);
        await page.GotoAsync($"/my/dossiers/{dossierId}");
        await Expect(page.Locator("#paid-online")).ToHaveTextAsync("Đã thanh toán trực tuyến.");

        // The ward processes it: the counter accepts, the specialist forwards, the leader approves, the counter issues the result.
        var version = await ActAsync("motcua@motcua.demo", dossierId, "accept", null);
        version = await ActAsync("chuyenvien@motcua.demo", dossierId, "claim", version);
        version = await ActAsync("chuyenvien@motcua.demo", dossierId, "forward", version);
        version = await ActAsync("lanhdao@motcua.demo", dossierId, "approve", version);
        await ActAsync("motcua@motcua.demo", dossierId, "result", version);

        // The citizen downloads the result from their dossier page: a PDF signed by the leader.
        await page.ReloadAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Thông báo kết quả giải quyết hồ sơ" });
        await Expect(link).ToBeVisibleAsync();
        var download = await page.Context.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.True(download.Ok, $"download: {download.Status}");
        var pdf = await download.BodyAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);

        // Its QR code's page (the registry's id) checks the very file the citizen holds, and a changed copy fails.
        var documentId = await Server.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<MotCuaDbContext>()
            .Set<IssuedDocument>().Where(d => d.DossierId == dossierId && d.Kind == DocumentKinds.ResultNotice).Select(d => d.Id).SingleAsync();
        await page.GotoAsync($"/xac-thuc/{documentId}");
        await Expect(page.GetByText("Hoàng Văn Duyệt").First).ToBeVisibleAsync();
        await CheckAsync(page, pdf);
        await Expect(page.GetByText("Tệp này đúng là văn bản đã đăng ký: không sai khác một byte nào.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Chữ ký số hợp lệ và bao trùm toàn bộ tệp.")).ToBeVisibleAsync();
        var changed = (byte[])pdf.Clone();
        changed[pdf.Length / 3] ^= 0x20;
        await CheckAsync(page, changed);
        await Expect(page.GetByText("Tệp này KHÔNG phải văn bản đã đăng ký: nội dung đã khác.")).ToBeVisibleAsync();
    });

    private static async Task CheckAsync(IPage page, byte[] pdf)
    {
        await page.GetByLabel("Tệp PDF cần kiểm tra").SetInputFilesAsync(new FilePayload { Name = "ket-qua.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra", Exact = true }).ClickAsync();
    }

    /// <summary>The dossier of the fee page the citizen came back to (/my/dossiers/{id}/payment).</summary>
    private static async Task<Guid> DossierIdAsync(IPage page)
    {
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Xem phí, lệ phí của hồ sơ" }).GetAttributeAsync("href") ?? "";
        return Guid.Parse(Regex.Match(href, "/my/dossiers/([0-9a-f-]{36})/payment").Groups[1].Value);
    }

    /// <summary>An officer, signed in in their own browser, acts over the staff API; returns the dossier's new version.</summary>
    private async Task<int> ActAsync(string email, Guid dossierId, string action, int? version)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await StaffSignIn.AllStepsAsync(page, Server, email);
        if (version is null)
        {
            var current = await context.APIRequest.GetAsync($"/api/v1/dossiers/{dossierId}");
            version = JsonDocument.Parse(await current.TextAsync()).RootElement.GetProperty("summary").GetProperty("version").GetInt32();
        }
        var response = await context.APIRequest.PostAsync($"/api/v1/dossiers/{dossierId}/{action}", new() { DataObject = new { version } });
        var body = await response.TextAsync();
        Assert.True(response.Ok, $"{action} by {email}: {response.Status} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>Files the birth registration (one extract copy: a fee) as the demo citizen Nguyễn Văn An.</summary>
    private static async Task FileAsync(IPage page)
    {
        await page.GotoAsync($"/procedures/{Code}/file");
        await page.GetByLabel("Nguyễn Văn An").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.GetByLabel("Cơ quan tiếp nhận").SelectOptionAsync(new SelectOptionValue { Label = "Phường Hoàn Kiếm" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        var form = SeededForms.Form(Code);
        var valid = SeededForms.ValidAnswers(form);
        foreach (var step in form.Steps)
        {
            await Expect(page.Locator("main h1")).ToHaveTextAsync(step.Title);
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
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        }
        await page.GetByLabel("Nhận trực tiếp tại Bộ phận Một cửa").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Kiểm tra lại thông tin trước khi nộp");
        await Expect(page.GetByText("8.000 đồng").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
    }
}
