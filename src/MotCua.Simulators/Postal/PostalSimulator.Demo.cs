using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Simulators.Postal;

// The demo page: every order with buttons to move it (also failure and return) and the callback mode.
// Plain HTML forms, no script and no inline style (the product's CSP forbids them).
public sealed partial class PostalSimulator
{
    private static readonly string[] Moves = [PostalStatus.InTransit, PostalStatus.Delivered, PostalStatus.Failed, PostalStatus.Returned];

    private void MapDemo(RouteGroupBuilder group)
    {
        group.MapGet("/", () => Results.Content(Page(), "text/html; charset=utf-8")).AllowAnonymous();
        group.MapPost("/orders/{orderNumber}/advance", async (HttpContext context, string orderNumber, CancellationToken ct) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : null;
            var status = form?["status"].ToString() ?? context.Request.Query["status"].ToString();
            var reason = form?["reason"].ToString() ?? context.Request.Query["reason"].ToString();
            if (!Moves.Contains(status)) return Error("bad_status", "status must be in_transit, delivered, failed or returned", 400);
            var order = await AdvanceAsync(orderNumber, status, string.IsNullOrWhiteSpace(reason) ? null : reason, ct);
            if (order is null) return Error("not_found", "No such order", 404);
            return form is null ? Results.Json(Answer(order)) : Results.Redirect(context.Request.PathBase + _prefix + "/");
        }).AllowAnonymous().DisableAntiforgery();
        group.MapPost("/mode", async (HttpContext context, CancellationToken ct) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : null;
            var value = form?["mode"].ToString() ?? context.Request.Query["mode"].ToString();
            if (!Enum.TryParse<CallbackMode>(value, ignoreCase: true, out var mode)) return Error("bad_mode", "mode must be normal, duplicate, outoforder or none", 400);
            Mode = mode;
            return Results.Json(new { mode = Mode.ToString() });
        }).AllowAnonymous().DisableAntiforgery();
    }

    private string Page()
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Bưu chính (mô phỏng)</title></head><body>");
        html.Append("<h1>Bưu chính — trình mô phỏng</h1><p>Chế độ gọi lại: ").Append(E(Mode.ToString())).Append("</p>");
        html.Append("<table><caption>Đơn hàng</caption><thead><tr><th scope=\"col\">Số đơn</th><th scope=\"col\">Mã vận đơn</th><th scope=\"col\">Người nhận</th><th scope=\"col\">Trạng thái</th><th scope=\"col\">Chuyển</th></tr></thead><tbody>");
        foreach (var o in Orders)
        {
            html.Append("<tr><td>").Append(E(o.OrderNumber)).Append("</td><td>").Append(E(o.ItemCode)).Append("</td><td>")
                .Append(E(o.Request.ReceiverFullname)).Append(", ").Append(E(o.Request.ReceiverCommune)).Append("</td><td>")
                .Append(E(o.Status)).Append(o.Reason is null ? "" : " — " + E(o.Reason)).Append("</td><td>");
            foreach (var move in Moves)
            {
                html.Append("<form method=\"post\" action=\"").Append(E(_prefix)).Append("/orders/").Append(Uri.EscapeDataString(o.OrderNumber)).Append("/advance\">")
                    .Append("<input type=\"hidden\" name=\"status\" value=\"").Append(move).Append("\"><button type=\"submit\">")
                    .Append(move).Append("</button></form>");
            }
            html.Append("</td></tr>");
        }
        return html.Append("</tbody></table></body></html>").ToString();
    }
}
