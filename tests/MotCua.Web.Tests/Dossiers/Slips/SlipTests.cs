using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers.Slips;

/// <summary>Forms 01–05 as pages and PDFs: their words, their QR code, and who may open them.</summary>
public sealed class SlipTests(SlipsFactory factory) : IClassFixture<SlipsFactory>
{
    private const string CounterOfficer = "motcua@motcua.demo";

    private static async Task<byte[]> PdfAsync(StaffClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_receipt_pdf_reads_in_Vietnamese_and_its_QR_code_opens_the_dossier_status()
    {
        var dossier = await SlipDossiers.AcceptedAsync(factory, "slip-receipt");
        using var officer = await StaffClient.SignInAsync(factory, CounterOfficer);
        var pdf = await PdfAsync(officer, $"/staff/dossiers/{dossier.Id}/slips/01.pdf");

        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.Contains("Mã hồ sơ: " + dossier.Code, text, StringComparison.Ordinal);
        Assert.Contains("Thời gian trả kết quả giải quyết hồ sơ", text, StringComparison.Ordinal);
        Assert.Contains("Phường Hoàn Kiếm", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Tiếp", text, StringComparison.Ordinal);

        // The QR code opens the slip's verification page (issue 5), which links to the dossier's public status.
        var qr = Assert.Single(await PdfTools.QrCodesAsync(pdf));
        Assert.StartsWith($"{SlipsFactory.PublicUrl}/xac-thuc/", qr, StringComparison.Ordinal);
        using var anyone = StaffClient.Anonymous(factory);
        var verification = await anyone.GetPageAsync(qr[SlipsFactory.PublicUrl.Length..]);
        var link = System.Text.RegularExpressions.Regex.Match(verification, "id=\"dossier-status\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"/lookup/{Uri.EscapeDataString(dossier.Code!)}?t=", System.Net.WebUtility.HtmlDecode(link), StringComparison.Ordinal);
        // Asked again, the same issued slip: the same bytes.
        Assert.Equal(pdf, await PdfAsync(officer, $"/staff/dossiers/{dossier.Id}/slips/01.pdf"));

        var status = await anyone.GetPageAsync(System.Net.WebUtility.HtmlDecode(link));
        Assert.Contains("Đang xử lý", status, StringComparison.Ordinal);
        Assert.Contains(dossier.Code!, status, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printable_page_shows_the_same_slip_without_inline_style_or_script()
    {
        var dossier = await SlipDossiers.AcceptedAsync(factory, "slip-page");
        using var officer = await StaffClient.SignInAsync(factory, CounterOfficer);
        var html = await officer.GetPageAsync($"/staff/dossiers/{dossier.Id}/slips/01");
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", html, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Contains("/css/slips.css", html, StringComparison.Ordinal);
        Assert.Contains($"/staff/dossiers/{dossier.Id}/slips/01.pdf", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        var control = await officer.GetPageAsync($"/staff/dossiers/{dossier.Id}/slips/05");
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", control, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Bên nhận</th>", control, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_slip_exists_only_once_the_dossier_has_reached_it()
    {
        var accepted = await SlipDossiers.AcceptedAsync(factory, "slip-exists");
        var refused = await SlipDossiers.RefusedAsync(factory, "slip-refused", "Hồ sơ không thuộc thẩm quyền của phường");
        var supplement = await SlipDossiers.SupplementRequestedAsync(factory, "slip-supplement", "Bản sao giấy chứng sinh rõ nét", "Giấy đăng ký kết hôn");
        var apology = await SlipDossiers.ApologizedAsync(factory, "slip-apology");
        using var officer = await StaffClient.SignInAsync(factory, CounterOfficer);

        foreach (var number in new[] { "02", "03", "04", "99", "1" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/staff/dossiers/{accepted.Id}/slips/{number}.pdf")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/staff/dossiers/{accepted.Id}/slips/03")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/staff/dossiers/{refused.Id}/slips/01.pdf")).StatusCode);

        var refusal = await PdfTools.TextAsync(await PdfAsync(officer, $"/staff/dossiers/{refused.Id}/slips/03.pdf"));
        Assert.Contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", refusal, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ không thuộc thẩm quyền của phường", refusal, StringComparison.Ordinal);
        Assert.Contains(refused.Reference, refusal, StringComparison.Ordinal);

        var request = await PdfTools.TextAsync(await PdfAsync(officer, $"/staff/dossiers/{supplement.Id}/slips/02.pdf"));
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", request, StringComparison.Ordinal);
        Assert.Contains("Giấy đăng ký kết hôn", request, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh bị mờ", request, StringComparison.Ordinal);

        var sorry = await PdfTools.TextAsync(await PdfAsync(officer, $"/staff/dossiers/{apology.Id}/slips/04.pdf"));
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", sorry, StringComparison.Ordinal);
        Assert.Contains("Chờ xác minh của cơ quan khác", sorry, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Duyệt", sorry, StringComparison.Ordinal);

        var control = await PdfTools.TextAsync(await PdfAsync(officer, $"/staff/dossiers/{apology.Id}/slips/05.pdf"));
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", control, StringComparison.Ordinal);
        Assert.Contains("Bên nhận", control, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_outside_the_dossiers_units_and_anonymous_visitors_get_nothing()
    {
        var dossier = await SlipDossiers.AcceptedAsync(factory, "slip-scope");
        using var other = await StaffClient.SignInAsync(factory, await SlipDossiers.OtherWardOfficerAsync(factory));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/dossiers/{dossier.Id}/slips/01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/dossiers/{dossier.Id}/slips/01.pdf")).StatusCode);

        using var supervisor = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        await PdfAsync(supervisor, $"/staff/dossiers/{dossier.Id}/slips/01.pdf");
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        await specialist.GetPageAsync($"/staff/dossiers/{dossier.Id}/slips/05");
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/staff/dossiers/{Guid.NewGuid()}/slips/01")).StatusCode);

        using var anonymous = StaffClient.Anonymous(factory);
        foreach (var url in new[] { $"/staff/dossiers/{dossier.Id}/slips/01", $"/staff/dossiers/{dossier.Id}/slips/01.pdf" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_citizen_downloads_only_their_own_receipt()
    {
        var dossier = await SlipDossiers.AcceptedAsync(factory, "slip-citizen");
        var url = new Uri($"/my/dossiers/{dossier.Id}/receipt.pdf", UriKind.Relative);

        using var owner = CitizenCookie.Client(factory, BirthFiling.Owner.IdNumber);
        var mine = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ", await PdfTools.TextAsync(await mine.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        using var stranger = CitizenCookie.Client(factory, "001099000111", "Trần Văn Khác");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(new Uri($"/my/dossiers/{Guid.NewGuid()}/receipt.pdf", UriKind.Relative))).StatusCode);

        // A staff sign-in is not a citizen sign-in: it does not open a citizen's papers.
        using var officer = await StaffClient.SignInAsync(factory, CounterOfficer);
        var asStaff = await officer.GetAsync(url.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, asStaff.StatusCode);
        using var anonymous = StaffClient.Anonymous(factory);
        var signIn = await anonymous.GetAsync(url.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/citizen/sign-in", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
