using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierCodeTests
{
    [Fact]
    public void Formats_agency_day_and_four_digit_sequence()
    {
        var code = DossierCode.Create("000.00.01.H22", new DateTimeOffset(2024, 3, 15, 9, 30, 0, TimeSpan.FromHours(7)), 12);

        Assert.Equal("000.00.01.H22-240315-0012", code.ToString());
    }

    [Fact]
    public void The_day_is_taken_in_Vietnam_time()
    {
        // 18:00 UTC on the 14th is 01:00 on the 15th in Hanoi.
        var code = DossierCode.Create("000.00.01.H22", new DateTimeOffset(2024, 3, 14, 18, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal(new DateOnly(2024, 3, 15), code.Day);
        Assert.Equal("000.00.01.H22-240315-0001", code.ToString());
    }

    [Fact]
    public void A_sequence_past_9999_widens_instead_of_repeating()
    {
        var code = DossierCode.Create("000.00.01.H22", new DateTimeOffset(2024, 3, 15, 9, 0, 0, TimeSpan.FromHours(7)), 10_000);

        Assert.Equal("000.00.01.H22-240315-10000", code.ToString());
        Assert.Equal(code, DossierCode.Parse(code.ToString()));
    }

    [Theory]
    [InlineData("000.00.01.H22-240315-0012", "000.00.01.H22", 2024, 3, 15, 12)]
    [InlineData("000.00.00.H30-251231-9999", "000.00.00.H30", 2025, 12, 31, 9999)]
    [InlineData("000.00.00.G01-240229-0001", "000.00.00.G01", 2024, 2, 29, 1)]
    public void Parses_valid_codes(string text, string agency, int year, int month, int day, int sequence)
    {
        Assert.True(DossierCode.TryParse(text, out var code));
        Assert.Equal(agency, code.AgencyCode);
        Assert.Equal(new DateOnly(year, month, day), code.Day);
        Assert.Equal(sequence, code.Sequence);
        Assert.Equal(text, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("000.00.01.H22-240315-012")]      // three-digit sequence
    [InlineData("000.00.01.H22-240315-0000")]     // sequences start at 1
    [InlineData("000.00.01.H22-240315-01234")]    // a wide sequence has one spelling, without padding
    [InlineData("000.00.01.H22-230229-0001")]     // 29 February 2023 does not exist
    [InlineData("00.00.01.H22-240315-0001")]      // agency group too short
    [InlineData("000.00.01.h22-240315-0001")]     // province letter is upper case
    [InlineData("000.00.01.H22_240315_0001")]
    [InlineData(" 000.00.01.H22-240315-0001")]
    public void Rejects_malformed_codes(string? text)
    {
        Assert.False(DossierCode.TryParse(text, out _));
    }

    [Fact]
    public void Refuses_to_mint_a_code_for_a_malformed_agency_or_sequence()
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(55);
        Assert.Throws<ArgumentException>(() => DossierCode.Create("H22", at, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCode.Create("000.00.01.H22", at, 0));
    }

    [Fact]
    public void Status_codes_are_the_national_ones_with_their_names()
    {
        Assert.Equal(Enumerable.Range(1, 10), Enum.GetValues<DossierStatus>().Select(s => (int)s));
        Assert.Equal("Mới đăng ký", DossierStatus.New.VietnameseName());
        Assert.Equal("Yêu cầu bổ sung giấy tờ", DossierStatus.SupplementRequested.VietnameseName());
        Assert.Equal("Đã trả kết quả", DossierStatus.ResultReturned.VietnameseName());
    }

    [Fact]
    public void Channel_codes_are_counter_1_online_2_post_3()
    {
        Assert.Equal(1, ChannelCode.Of(Channel.Counter));
        Assert.Equal(2, ChannelCode.Of(Channel.Online));
        Assert.Equal(3, ChannelCode.Of(Channel.Post));
        Assert.Equal(Channel.Post, ChannelCode.FromCode(3));
    }
}
