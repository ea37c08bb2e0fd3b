namespace MotCua.Domain.Catalog.Search;

internal readonly record struct RankedDocument(int Document, float Text, float Code)
{
    public float Score => Text + Code;
}

/// <summary>
/// Working arrays of one search, kept per thread so that searching allocates little and threads never
/// share state. Entries are valid only where their stamp equals the current generation, so nothing needs
/// clearing between searches, and a search that failed half-way leaves nothing behind for the next.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? current;

    private int tokenGeneration;
    private int queryGeneration;

    private SearchScratch(int documents, int terms)
    {
        FieldBest = new float[documents * 3];
        TokenStamp = new int[documents];
        TokenTouched = new int[documents];
        QueryStamp = new int[documents];
        Touched = new int[documents];
        Score = new float[documents];
        Covered = new float[documents];
        CodeBoost = new float[documents];
        Selection = new float[documents];
        Ranked = new RankedDocument[documents];
        TermStamp = new int[terms];
        TermMask = new ulong[terms];
        TermWeight = new float[terms];
    }

    // Per document, for the query token being scored: its best contribution in name, field, keywords.
    public float[] FieldBest { get; }
    public int[] TokenStamp { get; }
    public int[] TokenTouched { get; }

    // Per document, for the whole query.
    public int[] QueryStamp { get; }
    public int[] Touched { get; }
    public float[] Score { get; }
    public float[] Covered { get; }
    public float[] CodeBoost { get; }
    public float[] Selection { get; }
    public RankedDocument[] Ranked { get; }

    // Per term, for the whole query: which query tokens it stands for and how strongly at best.
    public int[] TermStamp { get; }
    public ulong[] TermMask { get; }
    public float[] TermWeight { get; }

    public int TokenTouchedCount { get; set; }
    public int TouchedCount { get; set; }

    public static SearchScratch For(int documents, int terms)
    {
        var scratch = current;
        if (scratch is null || scratch.TokenStamp.Length < documents || scratch.TermStamp.Length < terms)
        {
            // Grows, never shrinks, so a thread alternating between index versions does not reallocate each time.
            scratch = new SearchScratch(Math.Max(documents, scratch?.TokenStamp.Length ?? 0),
                Math.Max(terms, scratch?.TermStamp.Length ?? 0));
            current = scratch;
        }
        return scratch;
    }

    public int NextTokenGeneration()
    {
        TokenTouchedCount = 0;
        if (++tokenGeneration == int.MaxValue)
        {
            Array.Clear(TokenStamp);
            tokenGeneration = 1;
        }
        return tokenGeneration;
    }

    public int NextQueryGeneration()
    {
        TouchedCount = 0;
        if (++queryGeneration == int.MaxValue)
        {
            Array.Clear(QueryStamp);
            Array.Clear(TermStamp);
            queryGeneration = 1;
        }
        return queryGeneration;
    }

    /// <summary>Marks a document as reached by this query, resetting its per-query values on first touch.</summary>
    public void Touch(int document, int generation)
    {
        if (QueryStamp[document] == generation)
        {
            return;
        }
        QueryStamp[document] = generation;
        Score[document] = 0f;
        Covered[document] = 0f;
        CodeBoost[document] = 0f;
        Touched[TouchedCount++] = document;
    }
}
