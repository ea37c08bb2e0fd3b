using MotCua.Domain.Catalog.Search;

namespace MotCua.Domain.Tests.Catalog.Search;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Thủ tục đăng ký khai sinh", "thu tuc dang ky khai sinh")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon")]
    [InlineData("Cấp Phiếu Lý lịch tư pháp", "cap phieu ly lich tu phap")]
    [InlineData("Đường, phố; (phường)/xã…", "duong pho phuong xa")]
    [InlineData("ＤＡＮＧ　ＫＹ", "dang ky")]
    [InlineData("1.001193", "1 001193")]
    [InlineData("  \t\n ", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_removes_case_diacritics_and_punctuation(string? text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Fold_treats_decomposed_and_precomposed_input_alike()
    {
        var precomposed = "Chứng thực bản sao".Normalize(System.Text.NormalizationForm.FormC);
        var decomposed = precomposed.Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(VietnameseText.Fold(precomposed), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Fold_survives_emoji_controls_and_lone_surrogates()
    {
        var hostile = "khai\0sinh 😀 \uD800 ket\uDC00hon \u200B\u202E";
        Assert.Equal("khai sinh ket hon", VietnameseText.Fold(hostile));
    }

    [Fact]
    public void Tokens_longer_than_any_word_are_cut()
    {
        var token = Assert.Single(VietnameseText.Tokenize(new string('a', 10_000)));
        Assert.Equal(VietnameseText.MaxTokenLength, token.Length);
    }

    [Theory]
    [InlineData("ký", "ki")]
    [InlineData("kí", "ki")]
    [InlineData("lý", "li")]
    [InlineData("quy", "qui")]
    [InlineData("tay", "tay")]
    [InlineData("thủy", "thuy")]
    [InlineData("y", "y")]
    public void Tokenize_spells_final_y_after_a_consonant_as_i(string word, string expected) =>
        Assert.Equal(expected, Assert.Single(VietnameseText.Tokenize(word)));

    [Theory]
    [InlineData("trung", "chung")]
    [InlineData("xinh", "sinh")]
    [InlineData("giay", "day")]
    [InlineData("rang", "dang")]
    [InlineData("fep", "phep")]
    [InlineData("nam", "lam")]
    [InlineData("bac", "bat")]
    [InlineData("tin", "tinh")]
    public void Sound_alikes_share_a_phonetic_key(string a, string b) =>
        Assert.Equal(VietnameseText.PhoneticKey(a), VietnameseText.PhoneticKey(b));

    [Theory]
    [InlineData("khai", "hai")]
    [InlineData("sinh", "sanh")]
    [InlineData("ket", "hon")]
    public void Different_sounds_keep_different_keys(string a, string b) =>
        Assert.NotEqual(VietnameseText.PhoneticKey(a), VietnameseText.PhoneticKey(b));
}
