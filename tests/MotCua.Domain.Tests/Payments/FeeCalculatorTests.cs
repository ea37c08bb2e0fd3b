using MotCua.Domain.Catalog;
using MotCua.Domain.Payments;

namespace MotCua.Domain.Tests.Payments;

public class FeeCalculatorTests
{
    private static readonly FeeRule Fixed = new() { Name = "Lệ phí", Amount = 50_000 };
    private static readonly FeeRule PerCopy = new() { Name = "Bản sao", Kind = FeeKind.PerCopy, Amount = 8_000, Field = "soBanSao" };
    private static readonly FeeRule Table = new()
    {
        Name = "Phí lý lịch", Kind = FeeKind.Table, Field = "doiTuong",
        Table = [new() { Value = "thong-thuong", Amount = 200_000 }, new() { Value = "sinh-vien", Amount = 100_000 }, new() { Value = "mien-phi", Amount = 0 }],
    };

    private static Func<string, string?> Answers(params (string Field, string Value)[] answers) =>
        field => answers.FirstOrDefault(a => a.Field == field).Value;

    [Fact]
    public void A_fixed_fee_is_its_amount_whatever_the_answers()
    {
        var quote = FeeCalculator.Quote([Fixed], Answers());

        Assert.Equal(50_000, quote.Total);
        Assert.True(quote.Complete);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 8_000)]
    [InlineData("3", 24_000)]
    [InlineData(" 20 ", 160_000)]
    public void A_per_copy_fee_multiplies_the_number_of_copies(string copies, long total)
    {
        var quote = FeeCalculator.Quote([PerCopy], Answers(("soBanSao", copies)));

        Assert.Equal(total, quote.Total);
        Assert.Equal(int.Parse(copies.Trim(), System.Globalization.CultureInfo.InvariantCulture), quote.Lines[0].Quantity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("abc")]
    [InlineData("1001")]
    public void A_missing_or_unusable_number_of_copies_leaves_the_line_unknown(string? copies)
    {
        var quote = FeeCalculator.Quote([Fixed, PerCopy], Answers(("soBanSao", copies!)));

        Assert.False(quote.Complete);
        Assert.False(quote.Lines[1].Known);
        Assert.Equal(50_000, quote.Total); // only what is known is added up
    }

    [Theory]
    [InlineData("thong-thuong", 200_000)]
    [InlineData("sinh-vien", 100_000)]
    [InlineData("mien-phi", 0)]
    public void A_table_fee_takes_the_row_of_the_answer(string key, long total)
    {
        var quote = FeeCalculator.Quote([Table], Answers(("doiTuong", key)));

        Assert.Equal(total, quote.Total);
        Assert.True(quote.Complete);
    }

    [Fact]
    public void A_table_fee_without_a_matching_row_is_unknown()
    {
        var quote = FeeCalculator.Quote([Table], Answers(("doiTuong", "khac")));

        Assert.False(quote.Complete);
        Assert.Equal(0, quote.Total);
    }

    [Fact]
    public void Lines_add_up_across_kinds()
    {
        var quote = FeeCalculator.Quote([Fixed, PerCopy, Table], Answers(("soBanSao", "2"), ("doiTuong", "sinh-vien")));

        Assert.Equal(50_000 + 16_000 + 100_000, quote.Total);
        Assert.Equal(["Lệ phí", "Bản sao", "Phí lý lịch"], quote.Lines.Select(l => l.Name));
    }

    [Fact]
    public void The_catalogue_shows_fixed_fees_and_leaves_the_others_to_the_answers()
    {
        var quote = FeeCalculator.Rules([Fixed, PerCopy]);

        Assert.True(quote.Lines[0].Known);
        Assert.False(quote.Lines[1].Known);
        Assert.Equal(8_000, quote.Lines[1].UnitAmount);
    }

    [Fact]
    public void Only_a_confirmed_exemption_removes_the_fee()
    {
        Assert.Equal(24_000, FeeDue.Of(24_000, ExemptionState.None));
        Assert.Equal(24_000, FeeDue.Of(24_000, ExemptionState.Claimed));
        Assert.Equal(0, FeeDue.Of(24_000, ExemptionState.Confirmed));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("Người có công với cách mạng (Điều 5)", true)]
    public void An_exemption_needs_a_reason(string? reason, bool ok) => Assert.Equal(ok, FeeDue.ReasonProblem(reason) is null);
}
