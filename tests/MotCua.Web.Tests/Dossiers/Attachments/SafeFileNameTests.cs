using System.Text;
using MotCua.Web.Features.Dossiers.Attachments;

namespace MotCua.Web.Tests.Dossiers.Attachments;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\win.ini", "win.ini")]
    [InlineData("/var/www/../../x.pdf", "x.pdf")]
    [InlineData("CON", "_CON")]
    [InlineData("con.pdf", "_con.pdf")]
    [InlineData("LPT1 .txt", "_LPT1.txt")]
    [InlineData("a\0b.pdf", "ab.pdf")]
    [InlineData("line\r\nbreak.pdf", "line break.pdf")]
    [InlineData("báo\u202Egpj.exe", "báogpj.exe")]
    [InlineData("  .hidden.pdf. ", "hidden.pdf")]
    [InlineData("a<b>c:d\"e|f?g*.pdf", "a_b_c_d_e_f_g_.pdf")]
    [InlineData("Giấy   khai\tsinh – Nguyễn Văn Đức.pdf", "Giấy khai sinh – Nguyễn Văn Đức.pdf")]
    public void Names_are_cleaned(string name, string expected)
    {
        Assert.Equal(expected, SafeFileName.Clean(name));
    }

    [Fact]
    public void Decomposed_vietnamese_from_a_mac_is_composed()
    {
        var decomposed = "Đơn đề nghị.pdf".Normalize(NormalizationForm.FormD);
        Assert.Equal("Đơn đề nghị.pdf", SafeFileName.Clean(decomposed));
    }

    [Fact]
    public void A_500_character_name_is_cut_keeping_its_extension_and_whole_letters()
    {
        var name = string.Concat(Enumerable.Repeat("ệ", 250)).Normalize(NormalizationForm.FormD) + string.Concat(Enumerable.Repeat("x", 250)) + ".pdf";
        var clean = SafeFileName.Clean(name)!;
        Assert.Equal(SafeFileName.MaxLength, clean.Length);
        Assert.EndsWith("ệ.pdf", clean, StringComparison.Ordinal);
        Assert.True(clean.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void A_lone_surrogate_is_dropped()
    {
        Assert.Equal("ab.pdf", SafeFileName.Clean("a\uD800b.pdf"));
    }

    [Theory]
    [InlineData("scan.pdf", FileKind.Pdf, "scan.pdf")]
    [InlineData("scan.PDF", FileKind.Pdf, "scan.PDF")]
    [InlineData("scan", FileKind.Pdf, "scan.pdf")]
    [InlineData("bảng.xls", FileKind.Doc, "bảng.xls")]
    [InlineData("photo.pdf", FileKind.Jpeg, "photo.pdf.jpg")]
    public void Downloads_carry_the_extension_of_what_the_file_is(string name, FileKind kind, string expected)
    {
        Assert.Equal(expected, SafeFileName.ForDownload(name, kind));
    }

    [Fact]
    public void Content_disposition_has_an_ascii_fallback_and_the_exact_utf8_name()
    {
        var header = SafeFileName.ContentDisposition("Giấy khai sinh Đức (1).pdf");
        Assert.Equal("attachment; filename=\"Giay khai sinh Duc (1).pdf\"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh%20%C4%90%E1%BB%A9c%20%281%29.pdf", header);
    }

    [Fact]
    public void Content_disposition_cannot_be_broken_out_of()
    {
        var header = SafeFileName.ContentDisposition("a\";b\\c%41.pdf", inline: true);
        Assert.StartsWith("inline; filename=\"a__b_c_41.pdf\"; filename*=UTF-8''a%22%3Bb%5Cc%2541.pdf", header, StringComparison.Ordinal);
    }
}
