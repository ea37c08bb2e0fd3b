using System.Diagnostics;
using MotCua.Web.Features.Dossiers.Attachments;

namespace MotCua.Web.Tests.Dossiers.Attachments;

public sealed class ContentSnifferTests
{
    public static TheoryData<string, FileKind> Known => new()
    {
        { "pdf", FileKind.Pdf }, { "jpeg", FileKind.Jpeg }, { "png", FileKind.Png }, { "tiff-ii", FileKind.Tiff }, { "tiff-mm", FileKind.Tiff },
        { "heic", FileKind.Heic }, { "doc", FileKind.Doc }, { "docx", FileKind.Docx }, { "xlsx", FileKind.Xlsx }, { "odt", FileKind.Odt },
        { "ods", FileKind.Ods }, { "docm", FileKind.MacroDocument }, { "zip", FileKind.Archive }, { "exe", FileKind.Executable },
        { "elf", FileKind.Executable }, { "sh", FileKind.Script }, { "html", FileKind.Html }, { "svg", FileKind.Svg },
    };

    internal static byte[] Sample(string name) => name switch
    {
        "pdf" => Samples.Pdf, "jpeg" => Samples.Jpeg, "png" => Samples.Png, "tiff-ii" => Samples.TiffLittle, "tiff-mm" => Samples.TiffBig,
        "heic" => Samples.Heic, "doc" => Samples.Doc, "docx" => Samples.Docx, "xlsx" => Samples.Xlsx, "odt" => Samples.Odt,
        "ods" => Samples.Ods, "docm" => Samples.Docm, "zip" => Samples.PlainZip, "exe" => Samples.Exe, "elf" => Samples.Elf,
        "sh" => Samples.Shell, "html" => Samples.Html, "svg" => Samples.Svg,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Known))]
    public async Task Each_kind_is_recognised_from_its_bytes(string sample, FileKind expected)
    {
        using var stream = new MemoryStream(Sample(sample));
        Assert.Equal(expected, await ContentSniffer.IdentifyAsync(stream, 2000));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task A_pdf_signature_later_in_the_file_does_not_make_it_a_pdf()
    {
        using var stream = new MemoryStream([.. "<html><body>"u8, .. Samples.Pdf]);
        Assert.Equal(FileKind.Html, await ContentSniffer.IdentifyAsync(stream, 2000));
    }

    [Fact]
    public async Task Utf16_html_is_still_html()
    {
        using var stream = new MemoryStream([0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("<html><script>x</script>")]);
        Assert.Equal(FileKind.Html, await ContentSniffer.IdentifyAsync(stream, 2000));
    }

    [Fact]
    public async Task A_damaged_zip_is_unknown_not_an_error()
    {
        var docx = Samples.Docx;
        using var stream = new MemoryStream(docx[..(docx.Length - 30)]);
        Assert.Equal(FileKind.Unknown, await ContentSniffer.IdentifyAsync(stream, 2000));
    }

    [Fact]
    public async Task An_archive_with_100_000_entries_is_refused_from_its_end_record_quickly()
    {
        using var stream = new MemoryStream(Samples.ManyEntries(100_000));
        var clock = Stopwatch.StartNew();
        Assert.Equal(FileKind.Archive, await ContentSniffer.IdentifyAsync(stream, 2000));
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Random_bytes_and_plain_text_are_unknown()
    {
        using var random = new MemoryStream([.. Enumerable.Range(0, 256).Select(i => (byte)(i * 7 + 3))]);
        using var text = new MemoryStream("Đơn đề nghị cấp giấy phép"u8.ToArray());
        Assert.Equal(FileKind.Unknown, await ContentSniffer.IdentifyAsync(random, 2000));
        Assert.Equal(FileKind.Unknown, await ContentSniffer.IdentifyAsync(text, 2000));
    }
}
