namespace MotCua.Web.Features.Insight;

/// <summary>One bar of a chart: its label, value, the value as shown, and whether it is the one being compared.</summary>
public sealed record KpiBar(string Label, decimal Value, string Shown, bool Highlight = false);

/// <summary>A bar chart drawn by _KpiBars.cshtml; <see cref="Max"/> fixes the scale (100 for points out of 100).</summary>
public sealed record KpiBars(string Id, string Title, IReadOnlyList<KpiBar> Rows, decimal? Max = null);

/// <summary>One line of a line chart: its name and one value per point of the x axis (null: no figure, a gap in the line).</summary>
public sealed record KpiLine(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// A line chart drawn by _KpiLines.cshtml on a 0–100 scale (points out of 100 and percentages share it): the x labels,
/// the lines, and a description for assistive technology; the same figures are also given as a table below it.
/// </summary>
public sealed record KpiLines(string Id, string Title, string Description, IReadOnlyList<string> Labels, IReadOnlyList<KpiLine> Lines)
{
    public const int Width = 640, Height = 240, Left = 40, Right = 12, Top = 12, Bottom = 28;

    /// <summary>The x coordinate of point <paramref name="i"/>: spread evenly across the plot.</summary>
    public int X(int i) => Labels.Count <= 1 ? Left + (Width - Left - Right) / 2 : Left + (int)Math.Round((decimal)i * (Width - Left - Right) / (Labels.Count - 1));

    /// <summary>The y coordinate of a value on the 0–100 scale (values outside it are clamped).</summary>
    public static int Y(decimal value) => Top + (int)Math.Round((100m - Math.Clamp(value, 0m, 100m)) * (Height - Top - Bottom) / 100m);

    /// <summary>The line's runs of consecutive figures, each as SVG "x,y x,y" points (a month without figures breaks the line).</summary>
    public IEnumerable<string> Segments(KpiLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var run = new List<string>();
        for (var i = 0; i < line.Values.Count; i++)
        {
            if (line.Values[i] is { } v) run.Add(FormattableString.Invariant($"{X(i)},{Y(v)}"));
            else if (run.Count > 0)
            {
                yield return string.Join(' ', run);
                run.Clear();
            }
        }
        if (run.Count > 0) yield return string.Join(' ', run);
    }
}
