namespace MotCua.Web.Features.Insight;

/// <summary>One bar of a chart: its label, value, the value as shown, and whether it is the one being compared.</summary>
public sealed record KpiBar(string Label, decimal Value, string Shown, bool Highlight = false);

/// <summary>A bar chart drawn by _KpiBars.cshtml; <see cref="Max"/> fixes the scale (100 for points out of 100).</summary>
public sealed record KpiBars(string Id, string Title, IReadOnlyList<KpiBar> Rows, decimal? Max = null);
