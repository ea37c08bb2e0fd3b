using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace MotCua.Simulators.VNPay;

/// <summary>
/// The simulated gateway's pages, in Vietnamese: plain HTML with their own stylesheet, no script and no inline style
/// (the product's content security policy covers them), usable with the keyboard and a screen reader.
/// </summary>
internal static class VnPayPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IResult Checkout(string prefix, string token, string merchant, long amount, string orderInfo, string txnRef, IpnMode mode)
    {
        var body = new StringBuilder()
            .Append("<h1>Cổng thanh toán (mô phỏng VNPay)</h1>")
            .Append("<p class=\"notice\">Trang mô phỏng của bản trình diễn MotCua: không có tiền thật nào được chuyển.</p>")
            .Append("<dl><dt>Đơn vị chấp nhận thanh toán</dt><dd>").Append(Html.Encode(merchant)).Append("</dd>")
            .Append("<dt>Số tiền</dt><dd id=\"amount\">").Append(amount.ToString("N0", Vietnamese)).Append(" đồng</dd>")
            .Append("<dt>Nội dung</dt><dd>").Append(Html.Encode(orderInfo)).Append("</dd>")
            .Append("<dt>Mã giao dịch của đơn vị</dt><dd>").Append(Html.Encode(txnRef)).Append("</dd></dl>")
            .Append("<form method=\"post\" action=\"").Append(Html.Encode(prefix)).Append("/paymentv2/pay\">")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(token).Append("\">")
            .Append("<label for=\"ipn\">Cách gửi thông báo IPN (dành cho trình diễn và kiểm thử)</label><select id=\"ipn\" name=\"ipn\">");
        foreach (var m in Enum.GetValues<IpnMode>())
            body.Append("<option value=\"").Append(m).Append('"').Append(m == mode ? " selected" : "").Append('>').Append(m).Append("</option>");
        body.Append("</select><div class=\"buttons\">")
            .Append("<button type=\"submit\" name=\"action\" value=\"pay\">Thanh toán</button>")
            .Append("<button type=\"submit\" name=\"action\" value=\"fail\" class=\"secondary\">Thanh toán không thành công</button>")
            .Append("<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\">Hủy thanh toán</button></div></form>");
        return Page(prefix, "Thanh toán", body.ToString(), StatusCodes.Status200OK);
    }

    public static IResult Problem(string prefix, string message) =>
        Page(prefix, "Không thể thanh toán", $"<h1>Không thể thanh toán</h1><p role=\"alert\">{Html.Encode(message)}</p>", StatusCodes.Status400BadRequest);

    private static IResult Page(string prefix, string title, string body, int status) => Results.Content(
        $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Html.Encode(title)} – VNPay (mô phỏng)</title><link rel=\"stylesheet\" href=\"{Html.Encode(prefix)}/style.css\"></head>" +
        $"<body><main>{body}</main></body></html>", "text/html; charset=utf-8", Encoding.UTF8, status);

    public const string Stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; background: #f3f6fa; color: #1b1b1b; }
        main { max-width: 36rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-top: 6px solid #005baa; }
        .notice { background: #fff4ce; padding: .75rem; }
        dt { font-weight: bold; margin-top: .5rem; }
        label { display: block; margin-top: 1rem; font-weight: bold; }
        select { font-size: 1rem; padding: .3rem; }
        .buttons { margin-top: 1.5rem; display: flex; gap: .75rem; flex-wrap: wrap; }
        button { font-size: 1rem; padding: .6rem 1rem; border: 0; background: #005baa; color: #fff; cursor: pointer; }
        button.secondary { background: #e1e6ec; color: #1b1b1b; }
        button:focus, select:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
        """;
}
