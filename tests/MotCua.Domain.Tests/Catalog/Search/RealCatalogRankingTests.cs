namespace MotCua.Domain.Tests.Catalog.Search;

/// <summary>Ranking on the 144 real procedure names, for what citizens actually type.</summary>
public class RealCatalogRankingTests
{
    private const string BirthRegistration = "1.001193";

    [Theory]
    [InlineData("dang ky khai sinh")]
    [InlineData("khai sinh")]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("DANG KY KHAI SINH")]
    [InlineData("dang ki khai sinh")]
    [InlineData("đăng kí khai sinh")]
    [InlineData("Thủ tục đăng ký khai sinh")]
    [InlineData("  dang   ky\tkhai, sinh!  ")]
    [InlineData("khai sin")]
    [InlineData("khai xinh")]
    [InlineData("dangky khaisinh")]
    [InlineData("dnag ky khai sinh")]
    public void Birth_registration_comes_first(string query) =>
        Assert.Equal(BirthRegistration, RealCatalog.TopCodes(query)[0]);

    [Theory]
    [InlineData("ly lich tu phap", "3.000333")]
    [InlineData("phieu ly lich tu phap", "3.000333")]
    [InlineData("ket hon", "1.000894")]
    [InlineData("dang ky ket hom", "1.000894")]
    [InlineData("chung thuc ban sao", "2.000815")]
    [InlineData("chung thuc ban xao", "2.000815")]
    [InlineData("giay phep xay dung", "1.013225")]
    [InlineData("giay fep xay dung", "1.013225")]
    // Registration and cessation of a household business score the same; the catalogue's order decides.
    [InlineData("ho kinh doanh", "1.001612")]
    [InlineData("thanh lap ho kinh doanh", "1.001612")]
    [InlineData("giay khai sinh", "2.000635")]
    [InlineData("khai tu", "1.000656")]
    [InlineData("ly hon", "2.000554")]
    [InlineData("xac nhan tinh trang hon nhan", "1.004873")]
    [InlineData("doi giay phep lai xe", "3.000347")]
    [InlineData("cap lai can cuoc", "1.014064")]
    [InlineData("thuong tru", "1.004222")]
    [InlineData("tach thua", "1.012784")]
    [InlineData("di chuc", "2.001019")]
    [InlineData("thai san", "2.000693")]
    [InlineData("cai nghien", "3.000527")]
    [InlineData("sang ten xe", "1.013076")]
    [InlineData("nuoi con nuoi", "2.001263")]
    [InlineData("doanh nghiep tu nhan", "2.001610")]
    [InlineData("nha o xa hoi", "1.014632")]
    [InlineData("quyet toan thue", "2.002233")]
    public void Realistic_queries_find_the_procedure_first(string query, string expectedCode) =>
        Assert.Equal(expectedCode, RealCatalog.TopCodes(query)[0]);

    [Theory]
    [InlineData("ket hon", "kết hôn", 3)]
    [InlineData("giay phep xay dung", "giấy phép xây dựng", 5)]
    [InlineData("ho kinh doanh", "hộ kinh doanh", 5)]
    [InlineData("chung thuc chu ky", "Chứng thực chữ ký", 3)]
    [InlineData("giay phep lai xe", "giấy phép lái xe", 3)]
    [InlineData("tam chu", "tạm trú", 3)] // ch for tr, as many northerners spell it; "chủ" is a word too
    [InlineData("thuong chu", "thường trú", 2)]
    public void First_results_all_are_about_the_query(string query, string phrase, int count)
    {
        var top = RealCatalog.TopCodes(query, count);
        Assert.Equal(count, top.Count);
        Assert.All(top, code => Assert.Contains(phrase, RealCatalog.ByCode(code).Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Shorter_names_that_are_all_query_rank_above_longer_variants()
    {
        var top = RealCatalog.TopCodes("dang ky khai sinh", 20).ToList();
        Assert.True(top.IndexOf("1.001193") < top.IndexOf("1.004884"), "đăng ký khai sinh before đăng ký lại khai sinh");
        Assert.True(top.IndexOf("1.003583") < top.IndexOf("2.000986"), "lưu động before the long joint procedure");
    }

    [Theory]
    [InlineData("1.001193", BirthRegistration)]
    [InlineData(" 2.000815 ", "2.000815")]
    [InlineData("1.001193 ket hon", BirthRegistration)]
    [InlineData("ket hon 1.001193", BirthRegistration)]
    [InlineData("1.001193.", BirthRegistration)]
    public void Exact_code_comes_first(string query, string expectedCode) =>
        Assert.Equal(expectedCode, RealCatalog.TopCodes(query)[0]);

    [Fact]
    public void Exact_code_finds_only_that_procedure_when_nothing_else_matches() =>
        Assert.Equal([BirthRegistration], RealCatalog.TopCodes("1.001193", 20));

    [Fact]
    public void Start_of_a_code_finds_the_procedures_it_begins()
    {
        var top = RealCatalog.TopCodes("1.01406", 20);
        Assert.NotEmpty(top);
        Assert.All(top, code => Assert.StartsWith("1.01406", code, StringComparison.Ordinal));
    }

    [Fact]
    public void Words_in_no_procedure_find_nothing()
    {
        Assert.Empty(RealCatalog.TopCodes("qwxz"));
        Assert.Empty(RealCatalog.TopCodes("9.999999"));
    }

    [Fact]
    public void A_word_that_matches_nothing_does_not_hide_the_rest_of_the_query() =>
        Assert.Equal(BirthRegistration, RealCatalog.TopCodes("khai sinh qwxz")[0]);

    [Fact]
    public void Noise_far_below_the_best_is_left_out() =>
        Assert.Equal(["3.000333"], RealCatalog.TopCodes("ly lich tu phap", 20));
}
