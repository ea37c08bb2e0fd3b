using System.Text.RegularExpressions;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>
/// Plain-language wording for the catalogue's patterns. A regular expression means nothing to an
/// applicant, so the common shapes (a fixed number of digits, a phone number starting with 0) get their
/// own message; any other pattern falls back to "is not in the right format" plus the field's hint.
/// </summary>
public sealed partial record PatternRule(string MessageKey, object[] Arguments, bool Digits)
{
    public static PatternRule? Describe(string? pattern)
    {
        if (pattern is null) return null;
        if (DigitsPattern().Match(pattern) is { Success: true } d)
        {
            var phone = d.Groups["zero"].Success;
            // "^0[0-9]{9}$" is ten digits in all: count the leading zero in what the applicant reads.
            var extra = phone ? 1 : 0;
            var min = int.Parse(d.Groups["min"].Value, System.Globalization.CultureInfo.InvariantCulture) + extra;
            if (!d.Groups["max"].Success)
            {
                return new(phone ? "forms.error.phone" : "forms.error.digits", [min], true);
            }
            var max = int.Parse(d.Groups["max"].Value, System.Globalization.CultureInfo.InvariantCulture) + extra;
            return new(phone ? "forms.error.phoneRange" : "forms.error.digitsRange", [min, max], true);
        }
        if (EitherDigitsPattern().Match(pattern) is { Success: true } e)
        {
            return new("forms.error.digitsEither", [int.Parse(e.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(e.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)], true);
        }
        if (pattern == "^([01][0-9]|2[0-3]):[0-5][0-9]$") return new("forms.error.time", [], false);
        return new("forms.error.pattern", [], false);
    }

    [GeneratedRegex(@"^\^(?<zero>0)?\[0-9\]\{(?<min>\d+)(,(?<max>\d+))?\}\$$")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^\^\(\[0-9\]\{(\d+)\}\|\[0-9\]\{(\d+)\}\)\$$")]
    private static partial Regex EitherDigitsPattern();
}
