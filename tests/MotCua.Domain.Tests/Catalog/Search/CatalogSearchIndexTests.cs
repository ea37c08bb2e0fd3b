using MotCua.Domain.Catalog.Search;

namespace MotCua.Domain.Tests.Catalog.Search;

public class CatalogSearchIndexTests
{
    private static SearchDocument Doc(int n, string name, string field = "Hộ tịch", params string[] keywords) =>
        new(RealCatalog.IdFor(n), $"9.{n:D6}", name, field, keywords);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Blank_query_finds_nothing(string? query) =>
        Assert.Empty(RealCatalog.Index.Search(query, 20));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Non_positive_limit_finds_nothing(int limit) =>
        Assert.Empty(RealCatalog.Index.Search("khai sinh", limit));

    [Fact]
    public void Limit_caps_the_hits_and_scores_go_down()
    {
        var hits = RealCatalog.Index.Search("dang ky", 7);
        Assert.Equal(7, hits.Count);
        Assert.Equal(hits.OrderByDescending(hit => hit.Score).Select(hit => hit.Score), hits.Select(hit => hit.Score));
        Assert.Equal(hits.Count, hits.Select(hit => hit.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("dang ky")]
    [InlineData("dang ky khai sinh")]
    [InlineData("cap giay chung nhan")]
    [InlineData("khai sin")]
    [InlineData("d")]
    public void Small_limits_give_the_head_of_the_full_ranking(string query)
    {
        // Only documents that can still reach the top are fully scored; that shortcut must not change the order.
        var full = RealCatalog.Index.Search(query, RealCatalog.Documents.Count);
        foreach (var limit in new[] { 1, 3, 10 })
        {
            Assert.Equal(full.Take(limit), RealCatalog.Index.Search(query, limit));
        }
    }

    [Fact]
    public void Huge_limit_is_fine() =>
        Assert.InRange(RealCatalog.Index.Search("dang ky", int.MaxValue).Count, 50, RealCatalog.Documents.Count);

    [Fact]
    public void Empty_catalogue_finds_nothing()
    {
        var index = CatalogSearchIndex.Build([]);
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search("khai sinh", 10));
    }

    [Fact]
    public void Name_weighs_more_than_field_and_keywords()
    {
        var index = CatalogSearchIndex.Build(
        [
            Doc(1, "Cấp giấy phép", "Khai sinh"),
            Doc(2, "Cấp giấy phép", "Khác", "khai sinh"),
            Doc(3, "Khai sinh", "Khác"),
        ]);
        Assert.Equal([RealCatalog.IdFor(3), RealCatalog.IdFor(1), RealCatalog.IdFor(2)],
            index.Search("khai sinh", 10).Select(hit => hit.Id));
    }

    [Fact]
    public void Equal_scores_keep_the_order_the_documents_were_given_in()
    {
        var documents = Enumerable.Range(1, 6).Select(n => Doc(n, "Đăng ký tạm trú")).ToList();
        var index = CatalogSearchIndex.Build(documents);
        Assert.Equal(documents.Select(d => d.Id), index.Search("tam tru", 10).Select(hit => hit.Id));
    }

    [Fact]
    public void The_index_does_not_change_when_its_source_list_does()
    {
        var documents = new List<SearchDocument> { Doc(1, "Đăng ký khai sinh") };
        var index = CatalogSearchIndex.Build(documents);
        documents.Clear();
        Assert.Single(index.Search("khai sinh", 10));
    }

    [Fact]
    public void Codes_match_whatever_their_case_and_may_be_shared()
    {
        var index = CatalogSearchIndex.Build(
        [
            new SearchDocument(RealCatalog.IdFor(1), "1.001193.000.00.00.H26", "Đăng ký khai sinh", "Hộ tịch", []),
            new SearchDocument(RealCatalog.IdFor(2), "1.001193.000.00.00.h26", "Đăng ký khai sinh lưu động", "Hộ tịch", []),
        ]);
        Assert.Equal(2, index.Search("1.001193.000.00.00.h26", 10).Count);
    }

    [Fact]
    public void Missing_texts_in_a_document_are_tolerated()
    {
        var index = CatalogSearchIndex.Build([new SearchDocument(RealCatalog.IdFor(1), null!, "Khai sinh", null!, null!)]);
        Assert.Single(index.Search("khai sinh", 10));
    }

    public static TheoryData<string> HostileQueries() => new()
    {
        "😀😀😀",
        "\0\u0001\u0002\u001b[31m",
        "\uD800\uDC00\uD800",
        "\uDFFF khai sinh \uD800",
        "\u0301\u0300\u0303",
        "\u202Ekhai sinh\u202C\u200B",
        "' OR 1=1 --; DROP TABLE procedures; <script>alert(1)</script>",
        ".*+?^${}()|[]\\",
        "%00%0A%27",
        "1.",
        "1.0",
        "....................",
        "ก ข ค 漢字 кириллица عربى",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        new string('x', 1_000_000),
        string.Join(' ', Enumerable.Repeat("khai", 100_000)),
        string.Concat(Enumerable.Repeat("đăng ký ", 50_000)),
        string.Concat(Enumerable.Repeat("1.001193 ", 10_000)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public void Hostile_queries_never_throw_and_stay_within_the_limit(string query)
    {
        var hits = RealCatalog.Index.Search(query, 10);
        Assert.InRange(hits.Count, 0, 10);
        Assert.All(hits, hit => Assert.True(double.IsFinite(hit.Score) && hit.Score > 0));
    }

    [Fact]
    public void Words_around_garbage_still_count() =>
        Assert.Equal("1.001193", RealCatalog.TopCodes("\uDFFF😀 khai\0sinh \uD800")[0]);

    [Fact]
    public void Only_the_start_of_a_huge_query_is_read()
    {
        var query = "khai sinh " + new string(' ', CatalogSearchIndex.MaxQueryLength) + "ket hon";
        Assert.Equal("1.001193", RealCatalog.TopCodes(query)[0]);
    }

    [Fact]
    public void Concurrent_searches_agree_with_sequential_ones()
    {
        string[] queries = ["dang ky khai sinh", "ket hon", "khai sin", "1.001193", "giay phep xay dung", "ho kinh doanh"];
        var expected = queries.ToDictionary(q => q, q => RealCatalog.Index.Search(q, 10).ToList());
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var query = queries[i % queries.Length];
            Assert.Equal(expected[query], RealCatalog.Index.Search(query, 10));
        });
    }

    [Fact]
    public void Searching_several_indexes_from_one_thread_keeps_them_apart()
    {
        var small = CatalogSearchIndex.Build([Doc(1, "Đăng ký khai sinh")]);
        var before = RealCatalog.Index.Search("khai sinh", 20);
        Assert.Single(small.Search("khai sinh", 20));
        Assert.Equal(before, RealCatalog.Index.Search("khai sinh", 20));
        Assert.Single(small.Search("khai sinh", 20));
    }
}
