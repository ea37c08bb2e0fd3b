namespace MotCua.Domain.Catalog.Search;

/// <summary>
/// Optimal-string-alignment distance (Levenshtein plus swapping two neighbours, the commonest slip of the
/// fingers), with a bound so that candidates far apart stop early.
/// </summary>
internal static class EditDistance
{
    /// <summary>The distance, or <paramref name="bound"/> + 1 when it exceeds the bound.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }
        if (a.Length > VietnameseText.MaxTokenLength || b.Length > VietnameseText.MaxTokenLength)
        {
            return a.SequenceEqual(b) ? 0 : bound + 1;
        }

        // Three rows: the one before the previous is what a transposition looks back to.
        var width = b.Length + 1;
        Span<int> rows = stackalloc int[3 * width];
        var older = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, older[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (rowMinimum > bound)
            {
                return bound + 1;
            }
            var spare = older;
            older = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[b.Length], bound + 1);
    }
}
