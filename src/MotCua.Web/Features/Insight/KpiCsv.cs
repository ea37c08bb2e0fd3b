using System.Globalization;
using System.Text;

namespace MotCua.Web.Features.Insight;

/// <summary>
/// CSV exports (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese correctly). A text cell
/// that a spreadsheet would run as a formula (starting with =, +, -, @) is prefixed with an apostrophe.
/// </summary>
public static class KpiCsv
{
    public static IResult File(string name, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var sb = new StringBuilder();
        Line(sb, header);
        foreach (var row in rows) Line(sb, row);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", name + ".csv");
    }

    public static bool Wanted(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private static void Line(StringBuilder sb, IEnumerable<object?> cells)
    {
        sb.AppendJoin(',', cells.Select(Cell));
        sb.Append("\r\n");
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            // Without trailing zeros (0.6250 → 0.625, 10.00 → 10): the value, not the scale it was computed at.
            decimal d => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
