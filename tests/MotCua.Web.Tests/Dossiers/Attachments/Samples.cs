using System.IO.Compression;
using System.Text;

namespace MotCua.Web.Tests.Dossiers.Attachments;

/// <summary>Minimal files of each kind, built here so the tests carry no binary fixtures.</summary>
internal static class Samples
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    public static byte[] TiffLittle => [.. "II*\0"u8, 8, 0, 0, 0, 0, 0];
    public static byte[] TiffBig => [.. "MM\0*"u8, 0, 0, 0, 8, 0, 0];
    public static byte[] Heic => [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];
    public static byte[] Doc => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
    public static byte[] Exe => [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[60], .. "PE\0\0"u8];
    public static byte[] Elf => [0x7F, .. "ELF"u8, 2, 1, 1, 0, .. new byte[8]];
    public static byte[] Shell => "#!/bin/sh\nrm -rf /\n"u8.ToArray();
    public static byte[] Html => "\n  <!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();
    public static byte[] Svg => "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    public static byte[] Docx => Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), ("word/document.xml", "<w:document/>"));
    public static byte[] Xlsx => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));
    public static byte[] Docm => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "macro"));
    public static byte[] Odt => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));
    public static byte[] Ods => Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));
    public static byte[] PlainZip => Zip(("readme.txt", "hello"), ("evil.exe", "MZ"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                // ODF requires "mimetype" first and stored; other entries as Office writes them.
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>An archive whose directory alone is large: 100,000 empty entries.</summary>
    public static byte[] ManyEntries(int count)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml", CompressionLevel.NoCompression);
            zip.CreateEntry("word/document.xml", CompressionLevel.NoCompression);
            for (var i = 0; i < count; i++) zip.CreateEntry(i.ToString("x", System.Globalization.CultureInfo.InvariantCulture), CompressionLevel.NoCompression);
        }
        return buffer.ToArray();
    }
}
