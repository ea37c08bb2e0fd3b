using System.Collections.Frozen;

namespace MotCua.Domain.Catalog.Search;

/// <summary>
/// Full-text search over the catalogue of procedures, tolerant of missing diacritics, case, common
/// misspellings and typos. Built once from the catalogue and never changed afterwards (a new catalogue
/// version builds a new index), so any number of threads may search it at the same time.
/// </summary>
/// <remarks>
/// Ranking: each query word scores by how rare its matching term is, where it matches (name above field
/// above keywords) and how exactly; documents covering more of the query rank higher; then the few that can
/// still reach the top get bonuses for the query's words standing side by side in the name (most when the
/// whole query stands there as typed), for covering most of the name and for matching near its start. Equal scores keep the order the documents were given
/// in, so a caller can pass the catalogue sorted by popularity.
/// </remarks>
public sealed partial class CatalogSearchIndex
{
    /// <summary>Characters of a query read; the rest is ignored (queries are untrusted).</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Words of a query used: bounds the work one untrusted query can cause; no name needs more.</summary>
    public const int MaxQueryTokens = 12;

    private const byte NameField = 0;
    private const byte FieldField = 1;
    private const byte KeywordField = 2;

    private readonly Guid[] ids;
    private readonly TermDictionary dictionary;

    // Postings in one array, each term's run from postingStart[term] to postingStart[term + 1]; a posting is
    // (document << 2) | field. Positions are not kept: word order is checked on the name's terms instead,
    // for the few documents that can still reach the top.
    private readonly int[] postingStart;
    private readonly int[] postings;

    private readonly int[][] nameTerms;
    private readonly int[] nameContentStart;
    private readonly float[] nameLengthNorm;

    private readonly FrozenDictionary<string, int[]> documentsByCode;
    private readonly (string Code, int Document)[] sortedCodes;

    private CatalogSearchIndex(IReadOnlyList<SearchDocument> documents)
    {
        var count = documents.Count;
        ids = new Guid[count];
        nameTerms = new int[count][];
        nameContentStart = new int[count];
        nameLengthNorm = new float[count];
        var builder = new PostingsBuilder();

        for (var d = 0; d < count; d++)
        {
            var document = documents[d] ?? throw new ArgumentException("A document is null.", nameof(documents));
            ids[d] = document.Id;

            var name = VietnameseText.Tokenize(document.Name);
            nameTerms[d] = [.. name.Select(token => builder.Add(token, d, NameField))];
            nameContentStart[d] = StartsWithProcedureWord(name) ? 2 : 0;
            foreach (var token in VietnameseText.Tokenize(document.Field))
            {
                builder.Add(token, d, FieldField);
            }
            foreach (var token in (document.Keywords ?? []).SelectMany(VietnameseText.Tokenize))
            {
                builder.Add(token, d, KeywordField);
            }
        }

        dictionary = new TermDictionary(builder.Terms, builder.DocumentFrequency, count);
        (postingStart, postings) = builder.Flatten();
        ComputeLengthNorms();

        var codes = documents
            .Select((document, d) => (Code: NormalizeCode(document.Code), Document: d))
            .Where(entry => entry.Code.Length > 0)
            .ToArray();
        documentsByCode = codes
            .GroupBy(entry => entry.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(entry => entry.Document).ToArray(), StringComparer.Ordinal);
        sortedCodes = [.. codes.OrderBy(entry => entry.Code, StringComparer.Ordinal)];
    }

    public int Count => ids.Length;

    public static CatalogSearchIndex Build(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new CatalogSearchIndex([.. documents]);
    }

    /// <summary>
    /// The best <paramref name="limit"/> procedures for <paramref name="query"/>, best first. An empty or
    /// blank query finds nothing (the caller lists the whole catalogue instead). Never throws on odd input.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string? query, int limit = 20)
    {
        if (limit <= 0 || ids.Length == 0 || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var parsed = SearchQuery.Parse(query, dictionary);
        if (parsed.IsEmpty)
        {
            return [];
        }
        return Rank(parsed, Math.Min(limit, ids.Length), SearchScratch.For(ids.Length, dictionary.Count));
    }

    /// <summary>
    /// Most national names begin "Thủ tục" (procedure), which says nothing about which one: those two words
    /// stay searchable but do not count as name a query should cover.
    /// </summary>
    private static bool StartsWithProcedureWord(IReadOnlyList<string> name) =>
        name.Count > 2 && name[0] == "thu" && name[1] == "tuc";

    private static string NormalizeCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    private void ComputeLengthNorms()
    {
        var lengths = nameTerms.Select((terms, d) => Math.Max(1, terms.Length - nameContentStart[d])).ToArray();
        var average = lengths.Length == 0 ? 1f : (float)lengths.Average();
        for (var d = 0; d < lengths.Length; d++)
        {
            const float k1 = RankingWeights.LengthK1;
            const float b = RankingWeights.LengthB;
            nameLengthNorm[d] = (k1 + 1f) / (1f + (k1 * (1f - b + (b * lengths[d] / average))));
        }
    }

    /// <summary>Collects terms and postings while documents are read; turned into flat arrays at the end.</summary>
    private sealed class PostingsBuilder
    {
        private readonly Dictionary<string, int> termIds = new(StringComparer.Ordinal);
        private readonly List<List<int>> lists = [];
        private readonly List<int> lastDocument = [];

        public List<string> Terms { get; } = [];

        public List<int> DocumentFrequency { get; } = [];

        public int Add(string token, int document, byte field)
        {
            if (!termIds.TryGetValue(token, out var id))
            {
                id = Terms.Count;
                termIds[token] = id;
                Terms.Add(token);
                lists.Add([]);
                DocumentFrequency.Add(0);
                lastDocument.Add(-1);
            }
            if (lastDocument[id] != document)
            {
                lastDocument[id] = document;
                DocumentFrequency[id]++;
            }
            // A word repeated in one field counts once; postings of a term arrive in document order.
            var posting = (document << 2) | field;
            if (lists[id].Count == 0 || lists[id][^1] != posting)
            {
                lists[id].Add(posting);
            }
            return id;
        }

        public (int[] Start, int[] All) Flatten()
        {
            var start = new int[lists.Count + 1];
            for (var id = 0; id < lists.Count; id++)
            {
                start[id + 1] = start[id] + lists[id].Count;
            }
            var all = new int[start[^1]];
            for (var id = 0; id < lists.Count; id++)
            {
                lists[id].CopyTo(all, start[id]);
            }
            return (start, all);
        }
    }
}
