using System.Globalization;

namespace MotCua.Web.Features.Organization.Seeding;

/// <summary>
/// Electronic identifiers (QCVN 102:2016, AAA.BB.CC.H26) for the demo city's districts and communes. The
/// official list is not in our data, so the seed assigns them by the fixed scheme of Seed/units/README.md,
/// which an operator replaces: agencies CC 01–29 (from hanoi-agencies.csv); districts 000.00.(30–59).H26 in
/// GSO code order; a ward 000.WW.CC.H26 under its district's CC, WW its position in GSO order; the 126
/// units of July 2025 000.BB.(60–61).H26 by the official list order, apart from every earlier code.
/// </summary>
public static class UnitCodes
{
    public const string Province = "H26";
    public const string CityPeoplesCommittee = "000.00.00.H26";

    public static string District(int position) => Code(0, 29 + position);

    public static string Ward(int districtPosition, int wardPosition) => Code(wardPosition, 29 + districtPosition);

    public static string Commune2025(int listOrder) => Code((listOrder - 1) % 99 + 1, 60 + (listOrder - 1) / 99);

    private static string Code(int bb, int cc)
    {
        if (bb is < 0 or > 99 || cc is < 0 or > 99) throw new ArgumentOutOfRangeException(nameof(bb), "Identifier groups have two digits.");
        return string.Create(CultureInfo.InvariantCulture, $"000.{bb:00}.{cc:00}.{Province}");
    }
}
