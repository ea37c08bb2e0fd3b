using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MotCua.Web.Infrastructure.Observability;

internal static class HealthResponse
{
    /// <summary>A small JSON body an operator can read; no exception details (they may hold connection strings).</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
