using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// The legal dossier code (Circular 01/2018/TT-VPCP art. 19): <c>&lt;agency code&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;</c>,
/// e.g. <c>000.00.01.H22-240315-0012</c>. The day is the day of receipt in Vietnam time. The sequence is
/// zero-padded to four digits; an agency that receives more than 9,999 dossiers in a day gets a wider
/// sequence (10000, 10001, …) rather than a wrapped or rejected one, because a code must never repeat.
/// A wide sequence is written without leading zeros so that every number has exactly one spelling.
/// </summary>
public readonly partial record struct DossierCode
{
    private DossierCode(string agencyCode, DateOnly day, int sequence)
    {
        AgencyCode = agencyCode;
        Day = day;
        Sequence = sequence;
    }

    /// <summary>The receiving agency's electronic identifier under QCVN 102:2016, e.g. <c>000.00.01.H22</c>.</summary>
    public string AgencyCode { get; }
    public DateOnly Day { get; }
    public int Sequence { get; }

    /// <summary>Builds the code for a dossier received at <paramref name="receivedAt"/> (any offset; the day is taken in Vietnam).</summary>
    public static DossierCode Create(string agencyCode, DateTimeOffset receivedAt, int sequence)
    {
        ArgumentNullException.ThrowIfNull(agencyCode);
        if (!IsAgencyCode(agencyCode))
        {
            throw new ArgumentException($"'{agencyCode}' is not an agency code such as 000.00.01.H22.", nameof(agencyCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var day = DateOnly.FromDateTime(receivedAt.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        // YYMMDD cannot tell centuries apart; the codes are only ever minted for this one.
        ArgumentOutOfRangeException.ThrowIfLessThan(day.Year, 2000, nameof(receivedAt));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day.Year, 2099, nameof(receivedAt));
        return new DossierCode(agencyCode, day, sequence);
    }

    public static bool IsAgencyCode(string value) => AgencyPattern().IsMatch(value);

    public static DossierCode Parse(string value) =>
        TryParse(value, out var code) ? code : throw new FormatException($"'{value}' is not a dossier code.");

    public static bool TryParse([NotNullWhen(true)] string? value, out DossierCode code)
    {
        code = default;
        if (value is null)
        {
            return false;
        }

        var match = CodePattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var digits = match.Groups["seq"].Value;
        // One spelling per number: four digits with padding, or wider without a leading zero.
        if (digits.Length > 4 && digits[0] == '0')
        {
            return false;
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            return false;
        }

        if (!DateOnly.TryParseExact(match.Groups["day"].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        code = new DossierCode(match.Groups["agency"].Value, day, sequence);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{AgencyCode}-{Day:yyMMdd}-{Sequence:D4}");

    [GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencyPattern();

    [GeneratedRegex(@"^(?<agency>\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(?<day>\d{6})-(?<seq>\d{4,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
