using System.Globalization;
using System.Text;

namespace MotCua.Domain.Catalog.Search;

/// <summary>
/// Folds Vietnamese text to the form search compares: citizens often type without diacritics, in capitals,
/// or with the spelling variants the language tolerates, and all of those must meet the official names.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// Longer runs are cut: no Vietnamese word comes close, and it keeps edit distance on a hostile
    /// "word" of thousands of letters cheap.
    /// </summary>
    public const int MaxTokenLength = 32;

    /// <summary>
    /// Lower-case, diacritics removed (đ→d), compatibility forms (full-width letters from some input
    /// methods) made plain, and every run of other characters replaced by one space.
    /// </summary>
    public static string Fold(string? text)
    {
        var builder = new StringBuilder();
        foreach (var token in Tokenize(text, int.MaxValue, canonical: false))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(token);
        }
        return builder.ToString();
    }

    /// <summary>The tokens search matches on: folded, then spelt canonically (<see cref="Canonical"/>).</summary>
    public static IReadOnlyList<string> Tokenize(string? text) => Tokenize(text, int.MaxValue, canonical: true);

    internal static List<string> Tokenize(string? text, int maxTokens, bool canonical)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text) || maxTokens <= 0)
        {
            return tokens;
        }

        var decomposed = Decompose(text);
        Span<char> current = stackalloc char[MaxTokenLength];
        var length = 0;
        var inToken = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)
            {
                // Tone and vowel marks split off by the decomposition: dropping them is the folding.
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                inToken = true;
                if (length < MaxTokenLength)
                {
                    current[length++] = FoldLetter(c);
                }
                continue;
            }
            if (inToken && !Emit(tokens, current[..length], canonical, maxTokens))
            {
                return tokens;
            }
            inToken = false;
            length = 0;
        }
        if (inToken)
        {
            Emit(tokens, current[..length], canonical, maxTokens);
        }
        return tokens;
    }

    /// <summary>
    /// Spelling that Vietnamese accepts both ways is written one way: a final <c>y</c> after a consonant is
    /// <c>i</c> ("ký"/"kí", "lý"/"lí", "quy"/"qui"). After a vowel it is left alone, because there the two
    /// letters are different words ("tay"/"tai", "thủy"/"thui").
    /// </summary>
    public static string Canonical(string foldedToken)
    {
        ArgumentNullException.ThrowIfNull(foldedToken);
        var n = foldedToken.Length;
        if (n < 2 || foldedToken[n - 1] != 'y')
        {
            return foldedToken;
        }
        var previous = foldedToken[n - 2];
        var afterConsonant = previous is >= 'a' and <= 'z' && !IsVowel(previous);
        var afterQu = previous == 'u' && n >= 3 && foldedToken[n - 3] == 'q';
        return afterConsonant || afterQu ? string.Concat(foldedToken.AsSpan(0, n - 1), "i") : foldedToken;
    }

    /// <summary>
    /// A lossy key under which tokens that sound alike in some region meet: tr/ch, gi/d/r, s/x, l/n at the
    /// start; ng/n, nh/n, c/t, ch/t at the end; and the letters of chat spelling, f for ph and z for d. Many real pairs collide under it ("trú"/"chủ", "giảm"/"đảm"),
    /// so search uses it only as a weak fallback, never as the token itself.
    /// </summary>
    public static string PhoneticKey(string canonicalToken)
    {
        ArgumentNullException.ThrowIfNull(canonicalToken);
        var token = canonicalToken;
        if (token.Length < 2 || !IsAsciiWord(token))
        {
            return token;
        }

        var onset = token switch
        {
            _ when token.StartsWith("ngh", StringComparison.Ordinal) => ("ngh", "ng"),
            _ when token.StartsWith("gh", StringComparison.Ordinal) => ("gh", "g"),
            _ when token.StartsWith("tr", StringComparison.Ordinal) => ("tr", "ch"),
            _ when token.Length > 2 && token.StartsWith("gi", StringComparison.Ordinal) && IsVowel(token[2]) => ("gi", "d"),
            _ when token.StartsWith("ph", StringComparison.Ordinal) => ("ph", "f"),
            _ when token[0] is 'r' or 'z' => (token[..1], "d"),
            _ when token[0] == 'x' => ("x", "s"),
            _ when token[0] == 'l' => ("l", "n"),
            _ => ("", ""),
        };
        var rest = token[onset.Item1.Length..];
        var coda = rest switch
        {
            _ when rest.Length > 2 && rest.EndsWith("ng", StringComparison.Ordinal) => ("ng", "n"),
            _ when rest.Length > 2 && rest.EndsWith("nh", StringComparison.Ordinal) => ("nh", "n"),
            _ when rest.Length > 2 && rest.EndsWith("ch", StringComparison.Ordinal) => ("ch", "t"),
            _ when rest.Length > 1 && rest[^1] == 'c' => ("c", "t"),
            _ => ("", ""),
        };
        return string.Concat(onset.Item2, rest.AsSpan(0, rest.Length - coda.Item1.Length), coda.Item2);
    }

    private static bool Emit(List<string> tokens, ReadOnlySpan<char> token, bool canonical, int maxTokens)
    {
        var text = token.ToString();
        tokens.Add(canonical ? Canonical(text) : text);
        return tokens.Count < maxTokens;
    }

    /// <summary>
    /// Compatibility decomposition after removing what would make normalisation throw (lone surrogates) or
    /// carries no words (controls, emoji): untrusted input must never make search fail.
    /// </summary>
    private static string Decompose(string text)
    {
        var clean = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsSurrogate(c) || char.IsControl(c) ? ' ' : c;
            }
        });
        return clean.IsNormalized(NormalizationForm.FormKD) ? clean : clean.Normalize(NormalizationForm.FormKD);
    }

    private static char FoldLetter(char c) => c switch
    {
        // Đ has no decomposition; Ð (Icelandic eth) is what some fonts and keyboards produce in its place.
        'đ' or 'Đ' or 'ð' or 'Ð' => 'd',
        _ => char.ToLowerInvariant(c),
    };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsAsciiWord(string token)
    {
        foreach (var c in token)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }
        return true;
    }
}
