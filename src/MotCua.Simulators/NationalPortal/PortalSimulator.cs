using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Simulators.NationalPortal;

/// <summary>How the simulated portal answers: as it should, with 503s, too late, or slowly.</summary>
public enum PortalMode { Normal, Fail, Timeout, Slow }

/// <summary>What the portal holds for one dossier: the newest version received, and every receipt counted.</summary>
public sealed record PortalDossier(string MaHoSo, long PhienBan, JsonElement Record, int Receipts, IReadOnlyList<long> Versions);

/// <summary>
/// The National Public Service Portal's dossier sync as public implementations use it (no official spec is public,
/// see docs/national-portal.md): <c>POST /api/hoso/dongbo</c> with a JSON record and an <c>X-Api-Key</c> header,
/// upserted on <c>MaHoSo</c>; a record older than the one held (<c>PhienBan</c>) is acknowledged and ignored, so
/// retries and reordering are harmless. It keeps what it accepted (<c>GET /api/hoso</c>, <c>/api/hoso/{code}</c>)
/// and can be told to fail, time out or answer slowly (<c>POST /control</c>), for tests and for the operations drill.
/// </summary>
public sealed class PortalSimulator(string apiKey)
{
    private readonly ConcurrentDictionary<string, PortalDossier> _dossiers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PortalMode Mode { get; set; }

    /// <summary>How long a slow answer takes, or how long a timed-out request hangs before failing.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyCollection<PortalDossier> Dossiers => [.. _dossiers.Values];

    public PortalDossier? Find(string code) => _dossiers.GetValueOrDefault(code);

    public void Map(IEndpointRouteBuilder routes, string prefix)
    {
        var group = routes.MapGroup(prefix);
        group.MapPost("/api/hoso/dongbo", async (HttpContext context) =>
        {
            if (!KeyMatches(context.Request.Headers["X-Api-Key"].ToString()))
                return Results.Json(new { maLoi = "401", moTa = "Sai khóa truy cập" }, statusCode: 401);
            switch (Mode)
            {
                case PortalMode.Fail: return Results.Json(new { maLoi = "503", moTa = "Hệ thống đang bảo trì" }, statusCode: 503);
                case PortalMode.Timeout: await Task.Delay(Delay, context.RequestAborted); return Results.StatusCode(504);
                case PortalMode.Slow: await Task.Delay(Delay, context.RequestAborted); break;
            }
            JsonElement record;
            try
            {
                record = (await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted)).Clone();
            }
            catch (JsonException)
            {
                return Results.Json(new { maLoi = "400", moTa = "Dữ liệu không phải JSON" }, statusCode: 400);
            }
            if (Text(record, "MaHoSo") is not { Length: > 0 } code || !record.TryGetProperty("PhienBan", out var v) || !v.TryGetInt64(out var version)
                || Text(record, "MaTTHC") is null || !record.TryGetProperty("TrangThaiHoSo", out var s) || !s.TryGetInt32(out var status) || status is < 1 or > 10)
                return Results.Json(new { maLoi = "400", moTa = "Thiếu MaHoSo, PhienBan, MaTTHC hoặc TrangThaiHoSo (1–10)" }, statusCode: 400);
            lock (_gate)
            {
                var held = _dossiers.GetValueOrDefault(code);
                var newer = held is null || version > held.PhienBan;
                _dossiers[code] = new PortalDossier(code, newer ? version : held!.PhienBan, newer ? record : held!.Record,
                    (held?.Receipts ?? 0) + 1, [.. held?.Versions ?? [], version]);
                return Results.Json(new { maLoi = "0", moTa = newer ? "Đã cập nhật" : "Đã có phiên bản mới hơn" });
            }
        }).AllowAnonymous();
        group.MapGet("/api/hoso", () => Results.Json(Dossiers.Select(d => new { d.MaHoSo, d.PhienBan, d.Receipts }))).AllowAnonymous();
        group.MapGet("/api/hoso/{code}", (string code) => Find(code) is { } d ? Results.Json(d) : Results.NotFound()).AllowAnonymous();
        group.MapPost("/control", (PortalControl control) =>
        {
            if (!Enum.TryParse<PortalMode>(control.Mode, ignoreCase: true, out var mode)) return Results.BadRequest(new { error = "mode: normal, fail, timeout or slow" });
            Mode = mode;
            if (control.DelayMs is { } ms and >= 0 and <= 600_000) Delay = TimeSpan.FromMilliseconds(ms);
            return Results.Json(new { mode = Mode.ToString().ToLowerInvariant(), delayMs = (int)Delay.TotalMilliseconds });
        }).AllowAnonymous();
    }

    private static string? Text(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private bool KeyMatches(string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(apiKey));
}

public sealed record PortalControl(string? Mode, int? DelayMs);
