using System.Globalization;
using System.Text;

/// <summary>Vietnamese text to ASCII kebab-case, for document keys that stay stable and readable.</summary>
public static class Slug
{
    public static string From(string text, int maxWords = 7, int maxLength = 60)
    {
        // "đ" is a letter of its own, not "d" with a mark, so normalisation alone leaves it.
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            ascii.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = ascii.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = new StringBuilder();
        foreach (var word in words.Take(maxWords))
        {
            if (slug.Length > 0 && slug.Length + word.Length + 1 > maxLength)
            {
                break;
            }

            slug.Append(slug.Length > 0 ? "-" : "").Append(word);
        }

        return slug.ToString();
    }

    /// <summary><paramref name="slug"/>, or slug-2, slug-3… when already taken.</summary>
    public static string Unique(string slug, ISet<string> taken)
    {
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        }

        return candidate;
    }
}
