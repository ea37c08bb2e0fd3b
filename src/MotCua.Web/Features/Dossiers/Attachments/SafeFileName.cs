using System.Globalization;
using System.Text;

namespace MotCua.Web.Features.Dossiers.Attachments;

/// <summary>
/// The client's file name made safe to show and to offer as a download name. It is never used in a storage path
/// (files are stored by id); this guards the officer's computer and the page: no folders, no control or
/// direction-override characters (which disguise "gpj.exe" as "exe.jpg"), no Windows device names, a bounded length,
/// and Vietnamese letters kept in their composed form.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 120;
    private const int MaxExtensionLength = 10;
    private const string Forbidden = "<>:\"/\\|?*";

    private static readonly HashSet<string> DeviceNames = new(
        ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
         .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"COM{i}", $"LPT{i}" }),
         "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The cleaned name, or null when nothing usable is left.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var lastSegment = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(lastSegment.Length);
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar) continue; // lone surrogates
            // Tabs and other spacing controls become a space before controls are dropped, so words stay apart.
            if (Rune.IsWhiteSpace(rune))
            {
                kept.Append(' ');
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) continue;
            if (rune.IsAscii && Forbidden.Contains((char)rune.Value, StringComparison.Ordinal)) kept.Append('_');
            else kept.Append(rune.ToString());
        }
        // macOS sends Vietnamese decomposed (a + combining marks); compose so names compare and display alike.
        var cleaned = CollapseSpaces(kept.ToString().Normalize(NormalizationForm.FormC)).Trim(' ', '.');
        if (cleaned.Length == 0 || cleaned.All(c => c == '_')) return null;

        var (stem, extension) = Split(cleaned);
        if (DeviceNames.Contains(stem.TrimEnd(' ', '.'))) stem = "_" + stem;
        stem = Truncate(stem, MaxLength - extension.Length).TrimEnd(' ', '.');
        return stem.Length == 0 ? null : stem + extension;
    }

    /// <summary>Makes the extension match what the file really is, so the officer's computer opens it with the right program.</summary>
    public static string ForDownload(string cleanName, FileKind kind)
    {
        ArgumentNullException.ThrowIfNull(cleanName);
        var extensions = FileKinds.Extensions(kind);
        var (_, extension) = Split(cleanName);
        if (extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return cleanName;
        return Truncate(cleanName, MaxLength - extensions[0].Length) + extensions[0];
    }

    /// <summary>
    /// A Content-Disposition value with an ASCII fallback (Vietnamese marks removed) and the exact UTF-8 name in
    /// RFC 5987's filename*, which every current browser prefers.
    /// </summary>
    public static string ContentDisposition(string fileName, bool inline = false)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var disposition = inline ? "inline" : "attachment";
        return $"{disposition}; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{Rfc5987(fileName)}";
    }

    internal static string AsciiFallback(string name)
    {
        var decomposed = name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            ascii.Append(c is >= ' ' and < (char)0x7F and not '"' and not '\\' and not '%' and not ';' ? c : '_');
        }
        return ascii.ToString();
    }

    private static string Rfc5987(string name)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal)) encoded.Append(c);
            else encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || name.Length - dot > MaxExtensionLength || name.Length - dot < 2) return (name, "");
        return (name[..dot], name[dot..]);
    }

    /// <summary>Cuts at a whole text element so a Vietnamese letter never loses its tone mark or a surrogate pair its half.</summary>
    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (length + element.Length > maxLength) break;
            length += element.Length;
        }
        return text[..length];
    }

    private static string CollapseSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && result.Length > 0 && result[^1] == ' ') continue;
            result.Append(c);
        }
        return result.ToString();
    }
}
