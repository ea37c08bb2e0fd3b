using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Reporting;

/// <summary>
/// The citizen side's settings (section <c>MotCua:Feedback</c>). No tile server by default: the map then draws the
/// units' outlines alone, which is enough to place a pin and needs no third party (docs/adr/0026).
/// </summary>
public sealed class ReportingOptions
{
    public const string Section = "MotCua:Feedback";

    /// <summary>A tile URL template such as <c>https://tile.example.vn/{z}/{x}/{y}.png</c>; its origin is added to img-src.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile server's licence asks for (plain text).</summary>
    public string? TileAttribution { get; set; }

    /// <summary>
    /// Staff moderate a report (take out personal data or abuse, or hide it) before it is published: a new report stays off
    /// the public map, list, Open311 and nearby suggestions until its first moderation. Off: published on arrival and
    /// moderated afterwards.
    /// </summary>
    public bool ModerateBeforePublishing { get; set; } = true;

    /// <summary>How long after the answer the reporter may reopen the report.</summary>
    public int ReopenWindowDays { get; set; } = 7;

    /// <summary>
    /// The tile server's origin for the CSP (a "{s}." subdomain template becomes "*."), or null when there is none or
    /// the setting is not an absolute http(s) URL with a plain host.
    /// </summary>
    public static string? TileOrigin(string? tileUrl)
    {
        var m = System.Text.RegularExpressions.Regex.Match(tileUrl ?? "", "^(https?)://([^/]+)/");
        if (!m.Success) return null;
        var host = m.Groups[2].Value.Replace("{s}.", "*.", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.IsMatch(host, @"^(\*\.)?[A-Za-z0-9.-]+(:[0-9]+)?$") ? $"{m.Groups[1].Value}://{host}" : null;
    }
}

/// <summary>The names of units, closed ones included (a report keeps the unit it was routed to): each unit's latest name.</summary>
public static class UnitNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> ForAsync(MotCuaDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, string>();
        var versions = await db.UnitVersions.AsNoTracking().Where(v => wanted.Contains(v.UnitId))
            .Select(v => new { v.UnitId, v.ValidFrom, v.Name }).ToListAsync(ct);
        return versions.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.ValidFrom)!.Name);
    }
}
