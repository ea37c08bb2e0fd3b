namespace MotCua.Domain.Catalog.Search;

/// <summary>
/// A query as search uses it: the code-like parts (e.g. "1.001193") apart from the words, and each word
/// with the index terms it may stand for.
/// </summary>
internal sealed class SearchQuery
{
    private SearchQuery(List<string> codes, List<QueryToken> tokens)
    {
        Codes = codes;
        Tokens = tokens;
    }

    public IReadOnlyList<string> Codes { get; }

    /// <summary>Only the words that reach at least one index term; the rest cannot rank anything.</summary>
    public IReadOnlyList<QueryToken> Tokens { get; }

    public bool IsEmpty => Codes.Count == 0 && Tokens.Count == 0;

    public static SearchQuery Parse(string query, TermDictionary dictionary)
    {
        // Untrusted input: only the start of a huge query is read, and only so many words of it.
        var text = query.Length > CatalogSearchIndex.MaxQueryLength
            ? query[..CatalogSearchIndex.MaxQueryLength]
            : query;

        var codes = new List<string>();
        var words = new List<string>();
        foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = chunk.TrimEnd('.', ',', ';');
            if (LooksLikeCode(trimmed))
            {
                codes.Add(trimmed.ToUpperInvariant());
            }
            else
            {
                words.Add(chunk);
            }
        }

        var folded = VietnameseText.Tokenize(string.Join(' ', words), CatalogSearchIndex.MaxQueryTokens, canonical: true);
        var split = SplitRunTogether(folded, dictionary);
        var tokens = new List<QueryToken>(split.Count);
        for (var i = 0; i < split.Count; i++)
        {
            var candidates = new List<TermCandidate>();
            dictionary.Expand(split[i], isLastToken: i == split.Count - 1, candidates);
            if (candidates.Count > 0)
            {
                tokens.Add(new QueryToken(split[i], candidates, Importance(candidates, dictionary)));
            }
        }
        return new SearchQuery(codes, tokens);
    }

    /// <summary>Codes are digits and dots, a local suffix may add letters: "1.001193", "1.001193.000.00.00.H26".</summary>
    private static bool LooksLikeCode(string chunk)
    {
        if (chunk.Length < 3 || !char.IsAsciiDigit(chunk[0]) || !chunk.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in chunk)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Syllables typed without the space ("dangky", "khaisinh") are split when the whole is no word and both
    /// halves are, since Vietnamese words are runs of syllables and some keyboards eat spaces.
    /// </summary>
    private static List<string> SplitRunTogether(List<string> tokens, TermDictionary dictionary)
    {
        var result = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var split = false;
            if (token.Length >= 4 && !dictionary.Contains(token))
            {
                for (var at = 2; at <= token.Length - 2 && !split; at++)
                {
                    var left = VietnameseText.Canonical(token[..at]);
                    var right = token[at..];
                    if (dictionary.Contains(left) && dictionary.Contains(right))
                    {
                        result.Add(left);
                        result.Add(right);
                        split = true;
                    }
                }
            }
            if (!split)
            {
                result.Add(token);
            }
        }
        return result.Count > CatalogSearchIndex.MaxQueryTokens ? result.GetRange(0, CatalogSearchIndex.MaxQueryTokens) : result;
    }

    /// <summary>What finding this word is worth, for the share of the query a document covers.</summary>
    private static float Importance(List<TermCandidate> candidates, TermDictionary dictionary)
    {
        var best = 0f;
        foreach (var candidate in candidates)
        {
            best = Math.Max(best, candidate.Weight * dictionary.Idf[candidate.TermId]);
        }
        return best;
    }
}

internal sealed record QueryToken(string Text, List<TermCandidate> Candidates, float Importance);
