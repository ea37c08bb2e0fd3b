using System.Text.Json.Nodes;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Tests.Dossiers.Forms;

public sealed class FormAnswersTests
{
    private static readonly DossierForm Birth = SeededForms.Form("1.001193");

    [Theory]
    [InlineData("12", 12)]
    [InlineData("1.000", 1000)]
    [InlineData("1.000.000", 1000000)]
    [InlineData("1 000 000", 1000000)]
    [InlineData("-3", -3)]
    public void Integers_read_plain_or_grouped_the_Vietnamese_way(string text, long expected)
    {
        Assert.True(FormAnswers.TryParseInteger(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.00")]
    [InlineData("mười")]
    [InlineData("1,5")]
    public void Integers_refuse_what_is_not_a_whole_number(string text) => Assert.False(FormAnswers.TryParseInteger(text, out _));

    [Theory]
    [InlineData("120.5", "120.5")]
    [InlineData("120,5", "120.5")]
    [InlineData("1.234,75", "1234.75")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("80", "80")]
    public void Numbers_read_decimal_point_or_decimal_comma(string text, string expected)
    {
        Assert.True(FormAnswers.TryParseNumber(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2007-03-27")]
    [InlineData("27/03/2007")]
    [InlineData("27/3/2007")]
    [InlineData("27-3-2007")]
    public void Dates_read_from_a_date_input_or_typed_day_first(string text)
    {
        var answers = FormAnswers.ReadStep(Birth, 1, new Dictionary<string, string> { ["treNgaySinh"] = text }, null);
        Assert.Equal("2007-03-27", answers["treNgaySinh"]!.GetValue<string>());
    }

    [Fact]
    public void A_step_merges_into_the_answers_so_far_and_keeps_other_steps()
    {
        var first = FormAnswers.ReadStep(Birth, 0, new Dictionary<string, string>
        {
            ["hoTenNguoiYeuCau"] = "  Nguyễn Văn An ",
            ["quanHeVoiNguoiDuocKhaiSinh"] = "cha-me",
        }, null);
        var second = FormAnswers.ReadStep(Birth, 1, new Dictionary<string, string> { ["treHoTen"] = "Nguyễn Bình An", ["treSinhTaiCoSoYTe"] = "true" }, first);

        Assert.Equal("Nguyễn Văn An", second["hoTenNguoiYeuCau"]!.GetValue<string>());
        Assert.Equal("cha-me", second["quanHeVoiNguoiDuocKhaiSinh"]!.GetValue<string>());
        Assert.Equal("Nguyễn Bình An", second["treHoTen"]!.GetValue<string>());
        Assert.True(second["treSinhTaiCoSoYTe"]!.GetValue<bool>());
        Assert.Null(first["treHoTen"]);
    }

    [Fact]
    public void An_emptied_field_is_removed_and_an_unticked_checkbox_is_no()
    {
        var before = new JsonObject { ["treHoTen"] = "Bình", ["treSinhTaiCoSoYTe"] = true };
        var after = FormAnswers.ReadStep(Birth, 1, new Dictionary<string, string> { ["treHoTen"] = " " }, before);
        Assert.False(after.ContainsKey("treHoTen"));
        Assert.False(after["treSinhTaiCoSoYTe"]!.GetValue<bool>());
    }

    [Fact]
    public void What_does_not_read_as_its_type_is_kept_as_typed_for_the_validator_and_the_page()
    {
        var answers = FormAnswers.ReadStep(Birth, 1, new Dictionary<string, string> { ["treNgaySinh"] = "31/02/2020" }, null);
        Assert.Equal("31/02/2020", answers["treNgaySinh"]!.GetValue<string>());
        var error = Assert.Single(FormValidation.ValidateStep(Birth, 1, answers), e => e.Field == "treNgaySinh");
        Assert.Equal("forms.error.date", error.MessageKey);
        Assert.Equal("31/02/2020", FormAnswers.InputValue(Birth.Field("treNgaySinh")!, answers, stepAnswered: true));
    }

    [Fact]
    public void Defaults_show_until_the_step_is_answered()
    {
        var field = Birth.Field("treDanToc")!;
        Assert.Equal("Kinh", FormAnswers.InputValue(field, [], stepAnswered: false));
        Assert.Null(FormAnswers.InputValue(field, [], stepAnswered: true));
    }
}
