using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

public sealed record SplitPart(int Line, string Code, string Name, UnitKind Kind);

/// <summary>
/// Reads the new units of a split, one per line as "code | name | kind". Every bad line is reported with its
/// number, so an administrator pasting a list from a resolution can fix them all at once.
/// </summary>
public static class SplitLines
{
    public const int MaxLines = 50;

    public static IReadOnlyList<SplitPart> Parse(string? text, out List<(int Line, string Key, object[] Args)> errors)
    {
        errors = [];
        var parts = new List<SplitPart>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (lines.Length > MaxLines * 2)
        {
            errors.Add((1, "admin.reorg.split.toomany", [MaxLines]));
            return parts;
        }
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != 3)
            {
                errors.Add((number, "admin.reorg.split.format", []));
                continue;
            }
            var (code, name, kindText) = (cells[0], cells[1], cells[2]);
            if (code.Length is 0 or > 32) errors.Add((number, "admin.reorg.split.code", []));
            if (name.Length is 0 or > 200) errors.Add((number, "admin.reorg.split.name", []));
            if (!TryKind(kindText, out var kind)) errors.Add((number, "admin.reorg.split.kind", [kindText]));
            if (parts.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                errors.Add((number, "admin.reorg.split.samecode", [same.Line]));
            }
            parts.Add(new SplitPart(number, code, name, kind));
        }
        if (parts.Count > MaxLines) errors.Add((1, "admin.reorg.split.toomany", [MaxLines]));
        return parts;
    }

    /// <summary>The kind's key in English ("ward") or its Vietnamese legal name ("phường").</summary>
    private static bool TryKind(string text, out UnitKind kind)
    {
        if (UnitKinds.TryParseKey(text, out kind)) return true;
        var vi = text.Trim().ToLowerInvariant();
        (var found, kind) = vi switch
        {
            "phường" => (true, UnitKind.Ward),
            "xã" => (true, UnitKind.Commune),
            "thị trấn" => (true, UnitKind.Township),
            "sở" => (true, UnitKind.Department),
            "phòng" or "chi cục" => (true, UnitKind.Division),
            _ => (false, default),
        };
        return found;
    }
}
