namespace MotCua.Domain.Catalog.Search;

/// <summary>
/// The knobs of the ranking in one place. Values were set against the real catalogue names
/// (see the tests): change them only with those tests green.
/// </summary>
internal static class RankingWeights
{
    // A citizen names the procedure; the field and the extra keywords only describe it.
    public const float Name = 3.0f;
    public const float Field = 1.0f;
    public const float Keywords = 0.6f;

    /// <summary>Share of the non-best fields added to a token's best field, so agreement counts a little.</summary>
    public const float SecondaryFieldShare = 0.2f;

    // How much a query token is worth when it meets an index term in each way.
    public const float Exact = 1.0f;
    public const float PrefixBase = 0.55f;
    public const float PrefixPerCoveredShare = 0.3f;
    public const float OneEdit = 0.6f;
    public const float TwoEdits = 0.4f;
    public const float PhoneticOfUnknown = 0.7f;

    /// <summary>
    /// A correctly spelt word may still be a regional misspelling of another ("chủ" for "trú"), so its
    /// sound-alikes count, but weakly enough never to beat the word as typed.
    /// </summary>
    public const float PhoneticOfKnown = 0.35f;

    /// <summary>A prefix of one or two letters widens to many terms; past this many it is not expanded.</summary>
    public const int MaxPrefixExpansions = 64;

    // BM25-style length normalisation of names: long names match many words by chance.
    public const float LengthK1 = 1.2f;
    public const float LengthB = 0.4f;

    // Bonuses computed on the few documents that can still reach the top: final = base × (1 + bonuses).
    public const float Adjacency = 1.0f;

    /// <summary>
    /// The whole query, in order, word for word in the name: citizens type the head of the name they know
    /// ("chứng thực bản sao"), and official names often trail long legal qualifiers after it.
    /// </summary>
    public const float WholePhrase = 1.5f;
    public const float NameCoverage = 0.8f;
    public const float EarlyMatch = 0.3f;
    public const float MaxBonusFactor = 1f + Adjacency + WholePhrase + NameCoverage + EarlyMatch;

    /// <summary>
    /// Text hits scoring below this share of the best are dropped: they match a stray word or two, and
    /// a long tail of them only buries the answer.
    /// </summary>
    public const float MinShareOfBest = 0.02f;

    // The national code is an identifier: whoever types it wants that procedure, above any text match.
    public const float ExactCode = 1000f;
    public const float CodePrefix = 100f;
    public const int MinCodePrefixLength = 5;
}
