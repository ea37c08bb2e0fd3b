using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MotCua.Web.Features.Dossiers.Attachments;

/// <summary>
/// Tells a Word or Excel file (OOXML) or an OpenDocument file from any other ZIP by the names in its central
/// directory. Nothing is decompressed except ODF's tiny "mimetype" entry, read with a hard cap, and the entry
/// count is read from the end record before the archive is opened, so a ZIP bomb or a directory of millions of
/// entries costs a few reads, not memory or time.
/// </summary>
internal static class OfficeZip
{
    private const int EndRecordLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;
    private const int MaxCentralDirectoryBytes = 1024 * 1024;
    private const int MaxMimetypeLength = 100;

    public static async Task<FileKind> IdentifyAsync(Stream content, int maxEntries, CancellationToken cancellationToken)
    {
        var entries = await CountEntriesAsync(content, cancellationToken);
        if (entries is null) return FileKind.Unknown;
        // Zip64 or more entries than any office attachment has: refused as an archive without opening it.
        if (entries > maxEntries) return FileKind.Archive;
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("[Content_Types].xml")) return Ooxml(names);
            if (zip.GetEntry("mimetype") is { } mimetype) return await OpenDocumentAsync(mimetype, names, cancellationToken);
            return FileKind.Archive;
        }
        catch (InvalidDataException)
        {
            return FileKind.Unknown;
        }
    }

    private static FileKind Ooxml(HashSet<string> names)
    {
        // Macros (VBA) and ActiveX controls run code when the officer opens the file: refused whatever the extension.
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
            || n.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase)
            || n.Contains("/activeX/", StringComparison.OrdinalIgnoreCase))) return FileKind.MacroDocument;
        if (names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase))) return FileKind.Docx;
        if (names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase))) return FileKind.Xlsx;
        if (names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase))) return FileKind.Pptx;
        return FileKind.Archive;
    }

    private static async Task<FileKind> OpenDocumentAsync(ZipArchiveEntry mimetype, HashSet<string> names, CancellationToken cancellationToken)
    {
        if (mimetype.Length > MaxMimetypeLength) return FileKind.Archive;
        if (names.Any(n => n.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase))) return FileKind.MacroDocument;
        var buffer = new byte[MaxMimetypeLength + 1];
        int read;
        // The declared length can lie; the read is capped by the buffer whatever the entry inflates to.
        await using (var stream = await mimetype.OpenAsync(cancellationToken))
        {
            read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        }
        return Encoding.ASCII.GetString(buffer, 0, read).Trim() switch
        {
            "application/vnd.oasis.opendocument.text" => FileKind.Odt,
            "application/vnd.oasis.opendocument.spreadsheet" => FileKind.Ods,
            _ => FileKind.Archive,
        };
    }

    /// <summary>The entry count from the end-of-central-directory record (int.MaxValue for Zip64), or null if there is none.</summary>
    private static async Task<int?> CountEntriesAsync(Stream content, CancellationToken cancellationToken)
    {
        var tailLength = (int)Math.Min(content.Length, EndRecordLength + MaxCommentLength);
        if (tailLength < EndRecordLength) return null;
        var tail = new byte[tailLength];
        content.Position = content.Length - tailLength;
        await content.ReadExactlyAsync(tail, cancellationToken);
        for (var at = tailLength - EndRecordLength; at >= 0; at--)
        {
            if (!tail.AsSpan(at).StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06])) continue;
            var record = tail.AsSpan(at, EndRecordLength);
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
            var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
            // 0xFFFF / 0xFFFFFFFF mean "see the Zip64 record": no office attachment is that large.
            if (entries == ushort.MaxValue || directoryOffset == uint.MaxValue) return int.MaxValue;
            if (directorySize > MaxCentralDirectoryBytes) return int.MaxValue;
            return entries;
        }
        return null;
    }
}
