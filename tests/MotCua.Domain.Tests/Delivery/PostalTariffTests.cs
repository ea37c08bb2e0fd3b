using MotCua.Domain.Delivery;

namespace MotCua.Domain.Tests.Delivery;

public sealed class PostalTariffTests
{
    private static readonly PostalTariff Tariff = new(
        [new ProvinceRate("Thành phố Hà Nội", 22_000, 32_000, ["Hoàn Kiếm", "Ba Đình"]), new ProvinceRate("Tỉnh Bắc Ninh", 30_000, 35_000, [])],
        45_000);

    [Theory]
    [InlineData("Thành phố Hà Nội", "Phường Hoàn Kiếm", 22_000, TariffArea.Inner)]
    [InlineData("ha noi", "phuong ba dinh", 22_000, TariffArea.Inner)]
    [InlineData("Hà Nội", "Xã Sóc Sơn", 32_000, TariffArea.Outer)]
    [InlineData("TP. Hà Nội", "Phường Hoàn  Kiếm", 22_000, TariffArea.Inner)]
    [InlineData("Tỉnh Bắc Ninh", "Phường Kinh Bắc", 35_000, TariffArea.Outer)]
    [InlineData("Tỉnh Thanh Hóa", "Phường Hạc Thành", 45_000, TariffArea.OtherProvince)]
    public void The_fee_follows_the_province_and_its_inner_area_whatever_the_accents_and_prefixes(string province, string commune, long fee, TariffArea area) =>
        Assert.Equal(new PostalQuote(fee, area), Tariff.Quote(province, commune));

    [Fact]
    public void The_fee_for_other_provinces_cannot_be_negative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostalTariff([], -1));

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("024.3825.1234", "02438251234")]
    [InlineData("12345", null)]
    [InlineData("09123456ab", null)]
    public void Phones_are_vietnamese_and_normalised(string given, string? expected) =>
        Assert.Equal(expected, PostalAddress.NormalisePhone(given));

    [Fact]
    public void Each_missing_or_bad_field_is_named_and_phones_are_masked()
    {
        var problems = PostalAddress.Problems(" ", "abc", "12 Hàng Bạc", null, new string('x', 101));
        Assert.Equal([("receiverName", "required"), ("phone", "invalid"), ("commune", "required"), ("province", "toolong")], problems);
        Assert.Empty(PostalAddress.Problems("An", "0912345678", "12 Hàng Bạc", "Hoàn Kiếm", "Hà Nội"));
        Assert.Equal("****5678", PostalAddress.MaskPhone("0912345678"));
    }
}
