using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace MotCua.Simulators.VNeId;

/// <summary>
/// The stand-in's own pages, in Vietnamese: the picker of demo citizens, an error page and "signed out". Plain HTML
/// with a stylesheet of their own and no script or inline style, because the product's content security policy
/// (which also covers these pages) forbids both; they work with the keyboard and a screen reader.
/// </summary>
internal static class VNeIdPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Picker(string prefix, string requestId, string acr, bool missing)
    {
        var body = new StringBuilder();
        body.Append("<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>");
        body.Append("<p class=\"notice\">Trang mô phỏng VNeID của bản trình diễn MotCua: chọn một công dân mẫu để đăng nhập. ")
            .Append("Khi hệ thống chạy thật, công dân đăng nhập tại VNeID bằng tài khoản của mình.</p>");
        var first = "citizen-" + DemoCitizens.All[0].IdNumber;
        if (missing)
        {
            body.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\">")
                .Append("<h2 id=\"error-summary-title\">Có lỗi cần sửa</h2>")
                .Append("<ul><li><a href=\"#").Append(first).Append("\">Chọn một công dân để đăng nhập.</a></li></ul></div>");
        }
        body.Append("<form method=\"post\" action=\"").Append(Html.Encode(prefix)).Append("/authorize\">")
            .Append("<input type=\"hidden\" name=\"request\" value=\"").Append(Html.Encode(requestId)).Append("\">")
            .Append("<fieldset").Append(missing ? " class=\"field-error\" aria-describedby=\"citizen-error\"" : "").Append('>')
            .Append("<legend>Đăng nhập với tư cách</legend>");
        if (missing) body.Append("<p class=\"error-message\" id=\"citizen-error\">Chọn một công dân để đăng nhập.</p>");
        foreach (var c in DemoCitizens.All)
        {
            var id = "citizen-" + c.IdNumber;
            body.Append("<div class=\"radio\"><input type=\"radio\" name=\"citizen\" id=\"").Append(id).Append("\" value=\"").Append(c.IdNumber).Append("\">")
                .Append("<label for=\"").Append(id).Append("\"><strong>").Append(Html.Encode(c.FullName)).Append("</strong><br>")
                .Append("<span class=\"hint\">Số định danh ").Append(c.IdNumber).Append(" · sinh ngày ").Append(c.BornText)
                .Append(" · điện thoại ").Append(Html.Encode(c.Phone)).Append(" · tài khoản mức ").Append(c.Level).Append("</span></label></div>");
        }
        body.Append("</fieldset>")
            .Append("<p class=\"hint\">Dịch vụ công yêu cầu mức xác thực ").Append(Html.Encode(acr)).Append(".</p>")
            .Append("<div class=\"buttons\"><button type=\"submit\" name=\"action\" value=\"login\">Đăng nhập</button>")
            .Append("<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\">Hủy</button></div></form>");
        return Page(prefix, "Đăng nhập VNeID", body.ToString(), missing ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    public static IResult Problem(string prefix, int status, string message) =>
        Page(prefix, "Không thể đăng nhập", $"<h1>Không thể đăng nhập</h1><p>{Html.Encode(message)}</p>", status);

    public static IResult SignedOut(string prefix) =>
        Page(prefix, "Đã đăng xuất", "<h1>Đã đăng xuất khỏi VNeID</h1><p>Bạn có thể đóng trang này.</p>", StatusCodes.Status200OK);

    private static IResult Page(string prefix, string title, string body, int status)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.Encode(title)} – VNeID (mô phỏng)</title>
            <link rel="stylesheet" href="{Html.Encode(prefix)}/style.css">
            </head>
            <body>
            <header class="banner"><p><span class="brand">VNeID</span> <span class="tag">mô phỏng cho bản trình diễn</span></p></header>
            <main id="main">{body}</main>
            </body>
            </html>
            """;
        return new PageResult(html, status);
    }

    /// <summary>An HTML page that is never cached: it carries a one-time request id.</summary>
    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.WriteAsync(html, Encoding.UTF8);
        }
    }

    public const string Stylesheet = """
        body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, sans-serif; font-size: 1.1875rem; line-height: 1.4; color: #0b0c0c; background: #fff; }
        .banner { background: #b01c1c; color: #fff; padding: 12px 24px; }
        .banner p { margin: 0; }
        .brand { font-weight: 700; font-size: 1.5rem; }
        .tag { font-size: 1rem; }
        main { max-width: 720px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 2rem; margin-top: 0; }
        .notice { border-left: 8px solid #1d70b8; padding: 8px 16px; background: #f3f2f1; }
        fieldset { border: 0; padding: 0; margin: 0 0 16px; }
        legend { font-weight: 700; margin-bottom: 8px; }
        .radio { display: flex; gap: 8px; align-items: flex-start; margin-bottom: 12px; }
        .radio input { width: 28px; height: 28px; margin: 0; flex: none; accent-color: #0b0c0c; }
        .hint { color: #484949; }
        .field-error { border-left: 5px solid #d4351c; padding-left: 12px; }
        .error-message, .error-summary a { color: #d4351c; font-weight: 700; }
        .error-summary { border: 4px solid #d4351c; padding: 16px; margin-bottom: 24px; }
        .buttons { display: flex; gap: 16px; flex-wrap: wrap; }
        button { font: inherit; background: #00703c; color: #fff; border: 0; padding: 8px 16px; cursor: pointer; box-shadow: 0 2px 0 #002d18; }
        button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
        :focus-visible { outline: 3px solid #fd0; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
        """;
}
