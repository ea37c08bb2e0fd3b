using System.Globalization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Infrastructure.Localization;

namespace MotCua.Web.Tests.Dossiers.Attachments;

public sealed class AttachmentCheckTests
{
    private static AttachmentCheck Check(AttachmentPolicy? policy = null) => new(Options.Create(policy ?? new AttachmentPolicy()));

    private static async Task<AttachmentCheckResult> Run(byte[] bytes, string name = "giấy tờ.pdf", int dossier = 0, int key = 0, AttachmentPolicy? policy = null)
    {
        using var stream = new MemoryStream(bytes);
        return await Check(policy).CheckAsync(stream, name, "application/pdf", dossier, key);
    }

    private static string[] Keys(AttachmentCheckResult result) => [.. result.Errors.Select(e => e.Key)];

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("png", "image/png")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("doc", "application/msword")]
    [InlineData("odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("ods", "application/vnd.oasis.opendocument.spreadsheet")]
    public async Task Accepted_kinds_pass_with_the_type_from_their_bytes(string sample, string contentType)
    {
        var result = await Run(ContentSnifferTests.Sample(sample));
        Assert.True(result.Ok, string.Join(", ", Keys(result)));
        Assert.Equal(contentType, result.ContentType);
    }

    [Theory]
    [InlineData("exe", "hoá đơn.pdf", FileKind.Executable)]
    [InlineData("elf", "ảnh.png", FileKind.Executable)]
    [InlineData("sh", "đơn.docx", FileKind.Script)]
    [InlineData("html", "ảnh thẻ.jpg", FileKind.Html)]
    [InlineData("svg", "chân dung.png", FileKind.Svg)]
    [InlineData("zip", "hồ sơ.docx", FileKind.Archive)]
    [InlineData("docm", "đơn.docx", FileKind.MacroDocument)]
    [InlineData("tiff-ii", "bản quét.tif", FileKind.Tiff)]
    [InlineData("heic", "ảnh.heic", FileKind.Heic)]
    public async Task Disguised_or_unsupported_files_are_refused_saying_what_they_really_are(string sample, string name, FileKind really)
    {
        var result = await Run(ContentSnifferTests.Sample(sample), name);
        var error = Assert.Single(result.Errors);
        Assert.Equal(AttachmentCheck.TypeNotAllowed, error.Key);
        Assert.Equal(really, error.Args[0]);
    }

    [Fact]
    public async Task Dangerous_kinds_stay_refused_even_if_configured()
    {
        var policy = new AttachmentPolicy { AllowedKinds = [FileKind.Pdf, FileKind.Html, FileKind.Executable] };
        Assert.Equal([FileKind.Pdf], policy.Allowed);
        Assert.False((await Run(Samples.Html, "a.html", policy: policy)).Ok);
    }

    [Fact]
    public async Task Size_exactly_at_the_limit_passes_and_one_byte_over_does_not()
    {
        var policy = new AttachmentPolicy { MaxFileBytes = 4096 };
        byte[] AtLength(int n) => [.. Samples.Pdf, .. new byte[n - Samples.Pdf.Length]];
        Assert.True((await Run(AtLength(4096), policy: policy)).Ok);
        Assert.Equal([AttachmentCheck.TooLarge], Keys(await Run(AtLength(4097), policy: policy)));
    }

    [Fact]
    public async Task The_default_limit_is_10_megabytes()
    {
        var result = await Run([.. Samples.Pdf, .. new byte[10 * 1024 * 1024]]);
        Assert.Equal([AttachmentCheck.TooLarge], Keys(result));
        Assert.Equal("10", result.Errors[0].Args[0]);
    }

    [Fact]
    public async Task An_empty_file_is_refused_as_empty_only()
    {
        Assert.Equal([AttachmentCheck.Empty], Keys(await Run([])));
    }

    [Theory]
    [InlineData(19, 4, new string[0])]
    [InlineData(20, 0, new[] { AttachmentCheck.TooManyForDossier })]
    [InlineData(3, 5, new[] { AttachmentCheck.TooManyForDocument })]
    [InlineData(20, 5, new[] { AttachmentCheck.TooManyForDossier, AttachmentCheck.TooManyForDocument })]
    public async Task Count_limits_per_dossier_and_per_document(int dossier, int key, string[] expected)
    {
        Assert.Equal(expected, Keys(await Run(Samples.Pdf, dossier: dossier, key: key)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../")]
    [InlineData("..\\..\\")]
    [InlineData("\0\u0001")]
    public async Task A_name_with_nothing_usable_left_is_refused(string name)
    {
        Assert.Equal([AttachmentCheck.NameInvalid], Keys(await Run(Samples.Pdf, name)));
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_and_the_stream_is_rewound()
    {
        using var stream = new MemoryStream(Samples.Exe);
        var result = await Check().CheckAsync(stream, "", null, 20, 5);
        Assert.Equal([AttachmentCheck.TypeNotAllowed, AttachmentCheck.NameInvalid, AttachmentCheck.TooManyForDossier, AttachmentCheck.TooManyForDocument], Keys(result));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task The_download_name_gets_the_real_extension_and_the_declared_type_is_only_compared()
    {
        using var stream = new MemoryStream(Samples.Png);
        var result = await Check().CheckAsync(stream, "C:\\Users\\an\\ảnh thẻ.jpg", "image/jpeg", 0, 0);
        Assert.True(result.Ok);
        Assert.Equal("ảnh thẻ.jpg.png", result.FileName);
        Assert.True(result.DeclaredTypeDiffers);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_a_programming_error()
    {
        using var pipe = new NonSeekable(Samples.Pdf);
        await Assert.ThrowsAsync<ArgumentException>(() => Check().CheckAsync(pipe, "a.pdf", null, 0, 0));
    }

    [Fact]
    public void Every_message_and_kind_name_exists_in_vietnamese_and_english()
    {
        var tables = JsonStringLocalizerFactory.Load();
        string[] keys = [AttachmentCheck.Empty, AttachmentCheck.TooLarge, AttachmentCheck.TypeNotAllowed, AttachmentCheck.NameInvalid,
            AttachmentCheck.TooManyForDossier, AttachmentCheck.TooManyForDocument, .. Enum.GetValues<FileKind>().Select(FileKinds.TextKey)];
        foreach (var culture in new[] { "vi", "en" }) Assert.All(keys, k => Assert.True(tables[culture].ContainsKey(k), $"{culture}: {k}"));
    }

    [Fact]
    public async Task The_refusal_reads_in_the_applicants_language()
    {
        var localizer = new JsonStringLocalizer(JsonStringLocalizerFactory.Load());
        var error = (await Run(Samples.Exe, "hoá đơn.pdf")).Errors.Single();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("vi");
            Assert.StartsWith("Tệp này thực chất là chương trình chạy được", error.Text(localizer), StringComparison.Ordinal);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("This file is really a program, which is not accepted. Accepted: PDF, JPEG image, PNG image, Word (.docx), Excel (.xlsx), old Word/Excel (.doc, .xls), OpenDocument text (.odt), OpenDocument spreadsheet (.ods).", error.Text(localizer));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
