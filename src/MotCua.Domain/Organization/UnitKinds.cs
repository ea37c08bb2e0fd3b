namespace MotCua.Domain.Organization;

public static class UnitKinds
{
    /// <summary>The catalogue names unit kinds in camelCase ("ward", "peoplesCommittee").</summary>
    public static string ToKey(this UnitKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParseKey(string? key, out UnitKind kind) =>
        Enum.TryParse(key, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    /// <summary>Maps the GSO's legal kind ("quận", "phường", "thị trấn"…) to a unit kind.</summary>
    public static UnitKind FromLegalKind(string legalKind) => legalKind.Trim().ToLowerInvariant() switch
    {
        "quận" or "huyện" or "thị xã" => UnitKind.District,
        "phường" => UnitKind.Ward,
        "xã" => UnitKind.Commune,
        "thị trấn" => UnitKind.Township,
        "thành phố trực thuộc trung ương" => UnitKind.PeoplesCommittee,
        _ => throw new ArgumentOutOfRangeException(nameof(legalKind), legalKind, "Unknown legal kind of unit."),
    };

    /// <summary>Communes, wards and townships form the commune level (cấp xã).</summary>
    public static bool IsCommuneLevel(this UnitKind kind) =>
        kind is UnitKind.Ward or UnitKind.Commune or UnitKind.Township;
}
