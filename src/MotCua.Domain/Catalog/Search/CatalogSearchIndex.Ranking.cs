using System.Numerics;

namespace MotCua.Domain.Catalog.Search;

public sealed partial class CatalogSearchIndex
{
    private static readonly float[] FieldWeights = [RankingWeights.Name, RankingWeights.Field, RankingWeights.Keywords];

    private List<SearchHit> Rank(SearchQuery query, int limit, SearchScratch scratch)
    {
        var generation = scratch.NextQueryGeneration();
        ApplyCodes(query.Codes, scratch, generation);

        var totalImportance = 0f;
        for (var i = 0; i < query.Tokens.Count; i++)
        {
            var token = query.Tokens[i];
            totalImportance += token.Importance;
            ScoreToken(token, scratch, generation);
            MarkTerms(token, i, scratch, generation);
        }

        // A document missing some of the query's words drops fast: covering half the query's weight keeps a quarter.
        var reached = 0;
        for (var t = 0; t < scratch.TouchedCount; t++)
        {
            var d = scratch.Touched[t];
            var coverage = totalImportance > 0f ? Math.Min(1f, scratch.Covered[d] / totalImportance) : 0f;
            scratch.Score[d] *= coverage * coverage;
            scratch.Selection[reached++] = scratch.Score[d];
        }

        // Bonuses at most multiply by MaxBonusFactor, so a document whose base score times that stays below the
        // limit-th best base score cannot enter the results: only the rest are worth scanning name by name.
        var threshold = limit < reached
            ? KthLargest(scratch.Selection.AsSpan(0, reached), limit) / RankingWeights.MaxBonusFactor
            : 0f;

        var ranked = scratch.Ranked;
        var count = 0;
        var bestText = 0f;
        for (var t = 0; t < scratch.TouchedCount; t++)
        {
            var d = scratch.Touched[t];
            var textScore = scratch.Score[d];
            var textCounts = textScore > 0f && textScore >= threshold;
            if (textCounts || scratch.CodeBoost[d] > 0f)
            {
                var text = textCounts ? textScore * NameBonus(d, query.Tokens.Count, scratch, generation) : 0f;
                bestText = Math.Max(bestText, text);
                ranked[count++] = new RankedDocument(d, text, scratch.CodeBoost[d]);
            }
        }

        var minimumText = bestText * RankingWeights.MinShareOfBest;
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (ranked[i].Code > 0f || ranked[i].Text >= minimumText)
            {
                ranked[kept++] = ranked[i];
            }
        }

        var head = ranked.AsSpan(0, kept);
        head.Sort(static (a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            return byScore != 0 ? byScore : a.Document.CompareTo(b.Document);
        });
        var hits = new List<SearchHit>(Math.Min(limit, kept));
        for (var i = 0; i < kept && i < limit; i++)
        {
            hits.Add(new SearchHit(ids[head[i].Document], head[i].Score));
        }
        return hits;
    }

    private void ApplyCodes(IReadOnlyList<string> codes, SearchScratch scratch, int generation)
    {
        foreach (var code in codes)
        {
            if (documentsByCode.TryGetValue(code, out var exact))
            {
                foreach (var d in exact)
                {
                    scratch.Touch(d, generation);
                    scratch.CodeBoost[d] = Math.Max(scratch.CodeBoost[d], RankingWeights.ExactCode);
                }
            }
            if (code.Length < RankingWeights.MinCodePrefixLength)
            {
                continue;
            }
            for (var i = LowerBoundCode(code); i < sortedCodes.Length; i++)
            {
                var (candidate, d) = sortedCodes[i];
                if (!candidate.StartsWith(code, StringComparison.Ordinal))
                {
                    break;
                }
                scratch.Touch(d, generation);
                scratch.CodeBoost[d] = Math.Max(scratch.CodeBoost[d], RankingWeights.CodePrefix);
            }
        }
    }

    /// <summary>
    /// Adds one query token's contribution to every document it reaches: its best match in each field,
    /// the best field counting fully and the others a little.
    /// </summary>
    private void ScoreToken(QueryToken token, SearchScratch scratch, int queryGeneration)
    {
        var generation = scratch.NextTokenGeneration();
        var best = scratch.FieldBest;
        foreach (var candidate in token.Candidates)
        {
            var strength = candidate.Weight * dictionary.Idf[candidate.TermId];
            var end = postingStart[candidate.TermId + 1];
            for (var p = postingStart[candidate.TermId]; p < end; p++)
            {
                var posting = postings[p];
                var d = posting >> 2;
                var field = posting & 3;
                if (scratch.TokenStamp[d] != generation)
                {
                    scratch.TokenStamp[d] = generation;
                    best[3 * d] = best[(3 * d) + 1] = best[(3 * d) + 2] = 0f;
                    scratch.TokenTouched[scratch.TokenTouchedCount++] = d;
                }
                var value = strength * FieldWeights[field] * (field == NameField ? nameLengthNorm[d] : 1f);
                ref var slot = ref best[(3 * d) + field];
                slot = Math.Max(slot, value);
            }
        }

        for (var t = 0; t < scratch.TokenTouchedCount; t++)
        {
            var d = scratch.TokenTouched[t];
            float name = best[3 * d], field = best[(3 * d) + 1], keywords = best[(3 * d) + 2];
            var top = Math.Max(name, Math.Max(field, keywords));
            scratch.Touch(d, queryGeneration);
            scratch.Score[d] += top + (RankingWeights.SecondaryFieldShare * (name + field + keywords - top));
            scratch.Covered[d] += token.Importance;
        }
    }

    private static void MarkTerms(QueryToken token, int index, SearchScratch scratch, int generation)
    {
        foreach (var candidate in token.Candidates)
        {
            var id = candidate.TermId;
            if (scratch.TermStamp[id] != generation)
            {
                scratch.TermStamp[id] = generation;
                scratch.TermMask[id] = 0;
                scratch.TermWeight[id] = 0f;
            }
            scratch.TermMask[id] |= 1UL << index;
            scratch.TermWeight[id] = Math.Max(scratch.TermWeight[id], candidate.Weight);
        }
    }

    /// <summary>
    /// 1 + bonuses for query words side by side in the name in the query's order, for the share of the name
    /// the query accounts for (a short name that is all query is the procedure meant) and for matching early.
    /// </summary>
    private float NameBonus(int d, int tokenCount, SearchScratch scratch, int generation)
    {
        var terms = nameTerms[d];
        var start = nameContentStart[d];
        ulong adjacentPairs = 0, previousMask = 0, phrase = 0;
        var wholePhrase = false;
        var lastToken = 1UL << (tokenCount - 1);
        var covered = 0f;
        var first = -1;
        for (var p = 0; p < terms.Length; p++)
        {
            var id = terms[p];
            var mask = scratch.TermStamp[id] == generation ? scratch.TermMask[id] : 0UL;
            adjacentPairs |= previousMask & (mask >> 1);
            previousMask = mask;

            // Bit i: query tokens 0..i stand at positions p-i..p.
            phrase = ((phrase << 1) | 1UL) & mask;
            wholePhrase |= (phrase & lastToken) != 0;
            if (mask != 0 && p >= start)
            {
                covered += scratch.TermWeight[id];
                if (first < 0)
                {
                    first = p - start;
                }
            }
        }

        var adjacency = tokenCount > 1
            ? (float)BitOperations.PopCount(adjacentPairs & ((1UL << (tokenCount - 1)) - 1)) / (tokenCount - 1)
            : 0f;
        var nameCoverage = covered / Math.Max(1, terms.Length - start);
        var early = first >= 0 ? 1f / (1 + first) : 0f;
        return 1f + (RankingWeights.Adjacency * adjacency) + (wholePhrase ? RankingWeights.WholePhrase : 0f)
            + (RankingWeights.NameCoverage * nameCoverage) + (RankingWeights.EarlyMatch * early);
    }

    private int LowerBoundCode(string code)
    {
        int low = 0, high = sortedCodes.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(sortedCodes[middle].Code, code) < 0)
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

    /// <summary>Quickselect: the k-th largest value (1-based); reorders <paramref name="values"/>.</summary>
    private static float KthLargest(Span<float> values, int k)
    {
        int low = 0, high = values.Length - 1, target = k - 1;
        while (low < high)
        {
            var pivot = values[(low + high) >>> 1];
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] > pivot)
                {
                    i++;
                }
                while (values[j] < pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (target <= j)
            {
                high = j;
            }
            else if (target >= i)
            {
                low = i;
            }
            else
            {
                return values[target];
            }
        }
        return values[target];
    }
}
