using System.Collections.Frozen;

namespace MotCua.Domain.Catalog.Search;

/// <summary>A term a query token may stand for, and how strongly.</summary>
internal readonly record struct TermCandidate(int TermId, float Weight);

/// <summary>
/// The vocabulary of the index and the ways a query token reaches it: exactly, as a prefix (typing is not
/// finished), within one or two edits (typos), or by sound (regional spelling). Read-only after construction.
/// </summary>
internal sealed class TermDictionary
{
    private const int MinTokenForOneEdit = 3;
    private const int MinTokenForTwoEdits = 7;

    // Deletion neighbourhoods (a term and the strings one or two deletions away) find edit-distance
    // candidates with a few hash look-ups instead of comparing the query with the whole vocabulary.
    private const int MinTermForTwoDeletions = 5;
    private const int MaxTermForTwoDeletions = 12;

    private readonly string[] terms;
    private readonly FrozenDictionary<string, int> ids;
    private readonly int[] sortedIds;
    private readonly FrozenDictionary<string, int[]> deletions;
    private readonly FrozenDictionary<string, int[]> phonetic;

    public TermDictionary(IReadOnlyList<string> terms, IReadOnlyList<int> documentFrequency, int documentCount)
    {
        this.terms = [.. terms];
        ids = this.terms.Select((term, id) => KeyValuePair.Create(term, id)).ToFrozenDictionary(StringComparer.Ordinal);
        sortedIds = [.. Enumerable.Range(0, this.terms.Length).OrderBy(id => this.terms[id], StringComparer.Ordinal)];
        Idf = [.. documentFrequency.Select(df => InverseDocumentFrequency(df, documentCount))];

        var deletionLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var phoneticLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < this.terms.Length; id++)
        {
            var term = this.terms[id];
            foreach (var variant in DeletionVariants(term, term.Length >= MinTermForTwoDeletions
                && term.Length <= MaxTermForTwoDeletions ? 2 : 1))
            {
                AddTo(deletionLists, variant, id);
            }
            AddTo(phoneticLists, VietnameseText.PhoneticKey(term), id);
        }
        deletions = deletionLists.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        phonetic = phoneticLists.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public int Count => terms.Length;

    /// <summary>Rarer terms tell documents apart better (BM25's inverse document frequency, always positive).</summary>
    public float[] Idf { get; }

    public bool Contains(string token) => ids.ContainsKey(token);

    /// <summary>
    /// Adds the terms <paramref name="token"/> may stand for to <paramref name="into"/>. A token the vocabulary
    /// knows is taken as meant, with only weak sound-alikes; an unknown one is likely a typo and is widened.
    /// </summary>
    public void Expand(string token, bool isLastToken, List<TermCandidate> into)
    {
        var known = ids.TryGetValue(token, out var exactId);
        if (known)
        {
            Add(into, exactId, RankingWeights.Exact);
        }
        if (isLastToken || (!known && token.Length >= MinTokenForOneEdit))
        {
            // The last token may be a word still being typed; an earlier one only when it is no word at all.
            AddPrefixMatches(token, into);
        }
        AddPhonetic(token, known ? RankingWeights.PhoneticOfKnown : RankingWeights.PhoneticOfUnknown, into);
        if (!known && token.Length >= MinTokenForOneEdit)
        {
            AddNearby(token, token.Length >= MinTokenForTwoEdits ? 2 : 1, into);
        }
    }

    private void AddPrefixMatches(string prefix, List<TermCandidate> into)
    {
        var first = LowerBound(prefix);
        var end = first;
        while (end < sortedIds.Length && terms[sortedIds[end]].StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
            if (end - first > RankingWeights.MaxPrefixExpansions)
            {
                return;
            }
        }
        for (var i = first; i < end; i++)
        {
            var term = terms[sortedIds[i]];
            if (term.Length > prefix.Length)
            {
                var covered = (float)prefix.Length / term.Length;
                Add(into, sortedIds[i], RankingWeights.PrefixBase + (RankingWeights.PrefixPerCoveredShare * covered));
            }
        }
    }

    private void AddPhonetic(string token, float weight, List<TermCandidate> into)
    {
        if (phonetic.TryGetValue(VietnameseText.PhoneticKey(token), out var alike))
        {
            foreach (var id in alike)
            {
                Add(into, id, weight);
            }
        }
    }

    private void AddNearby(string token, int maxEdits, List<TermCandidate> into)
    {
        foreach (var variant in DeletionVariants(token, maxEdits))
        {
            if (!deletions.TryGetValue(variant, out var near))
            {
                continue;
            }
            foreach (var id in near)
            {
                var distance = EditDistance.Bounded(token, terms[id], maxEdits);
                if (distance is > 0 and <= 2 && distance <= maxEdits)
                {
                    Add(into, id, distance == 1 ? RankingWeights.OneEdit : RankingWeights.TwoEdits);
                }
            }
        }
    }

    private int LowerBound(string prefix)
    {
        int low = 0, high = sortedIds.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(terms[sortedIds[middle]], prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The string itself and every string one (or two) deletions away; single letters only themselves.</summary>
    private static HashSet<string> DeletionVariants(string word, int maxDeletions)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var round = 0; round < maxDeletions; round++)
        {
            var next = new List<string>();
            foreach (var current in frontier)
            {
                if (current.Length < 2)
                {
                    continue;
                }
                for (var i = 0; i < current.Length; i++)
                {
                    var shorter = string.Concat(current.AsSpan(0, i), current.AsSpan(i + 1));
                    if (variants.Add(shorter))
                    {
                        next.Add(shorter);
                    }
                }
            }
            frontier = next;
        }
        return variants;
    }

    private static void Add(List<TermCandidate> into, int termId, float weight)
    {
        for (var i = 0; i < into.Count; i++)
        {
            if (into[i].TermId == termId)
            {
                if (into[i].Weight < weight)
                {
                    into[i] = new TermCandidate(termId, weight);
                }
                return;
            }
        }
        into.Add(new TermCandidate(termId, weight));
    }

    private static void AddTo(Dictionary<string, List<int>> lists, string key, int id)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }
        if (list.Count == 0 || list[^1] != id)
        {
            list.Add(id);
        }
    }

    private static float InverseDocumentFrequency(int df, int n) =>
        (float)Math.Log(1.0 + ((n - df + 0.5) / (df + 0.5)));
}
