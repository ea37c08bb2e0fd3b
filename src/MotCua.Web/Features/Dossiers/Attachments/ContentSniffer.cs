using System.Text;

namespace MotCua.Web.Features.Dossiers.Attachments;

/// <summary>
/// Tells what a file is from its first bytes (and, for ZIP-based office files, from the archive's directory).
/// The name and the browser's content type are the sender's claims; only the bytes decide.
/// </summary>
public static class ContentSniffer
{
    private const int HeadLength = 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] ElfMagic = [0x7F, 0x45, 0x4C, 0x46];
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    /// <summary>Identifies a seekable stream's content from its start; the position is left at 0.</summary>
    public static async Task<FileKind> IdentifyAsync(Stream content, int maxZipEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        var buffer = new byte[HeadLength];
        var length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        var head = buffer.AsSpan(0, length);

        var kind = FromMagic(head);
        if (kind == FileKind.Archive)
        {
            kind = await OfficeZip.IdentifyAsync(content, maxZipEntries, cancellationToken);
            content.Position = 0;
        }
        return kind;
    }

    /// <summary>The kind from the first bytes alone; ZIP files come back as <see cref="FileKind.Archive"/> for a closer look.</summary>
    public static FileKind FromMagic(ReadOnlySpan<byte> head)
    {
        // Signatures are matched at offset 0 only: viewers that accept "%PDF-" later in the file are exactly how
        // polyglot files pass one check and run as another type.
        if (head.StartsWith(PdfMagic)) return FileKind.Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return FileKind.Jpeg;
        if (head.StartsWith(PngMagic)) return FileKind.Png;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return FileKind.Tiff;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && HeifBrands.Contains(Encoding.ASCII.GetString(head[8..12]))) return FileKind.Heic;
        if (head.StartsWith(OleMagic)) return FileKind.Doc;
        if (head.StartsWith(ZipMagic)) return FileKind.Archive;
        if (IsExecutable(head)) return FileKind.Executable;
        if (head.StartsWith("#!"u8)) return FileKind.Script;
        return FromText(head);
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)                                      // Windows PE, DOS
        || head.StartsWith(ElfMagic)                                 // Linux
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]); // Mach-O and fat binaries (also Java classes)

    /// <summary>Markup a browser would render and run: named for the refusal message, never accepted.</summary>
    private static FileKind FromText(ReadOnlySpan<byte> head)
    {
        var text = DecodeText(head).TrimStart().ToLowerInvariant();
        if (text.Contains("<svg", StringComparison.Ordinal)) return FileKind.Svg;
        if (text.StartsWith("<!doctype html", StringComparison.Ordinal) || text.Contains("<html", StringComparison.Ordinal)
            || text.Contains("<script", StringComparison.Ordinal) || text.Contains("<body", StringComparison.Ordinal)
            || text.Contains("<iframe", StringComparison.Ordinal)) return FileKind.Html;
        if (text.StartsWith("<?xml", StringComparison.Ordinal)) return FileKind.Xml;
        return FileKind.Unknown;
    }

    private static string DecodeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(head[2..]);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(head[2..]);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        return Encoding.UTF8.GetString(head).Replace("\0", "", StringComparison.Ordinal);
    }
}
