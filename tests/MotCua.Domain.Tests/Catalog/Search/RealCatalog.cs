using System.Reflection;
using MotCua.Domain.Catalog.Search;

namespace MotCua.Domain.Tests.Catalog.Search;

/// <summary>The 144 real procedures of the seed catalogue (names, codes, fields, results, agencies).</summary>
internal static class RealCatalog
{
    private static readonly Lazy<IReadOnlyList<SearchDocument>> LazyDocuments = new(Load);
    private static readonly Lazy<CatalogSearchIndex> LazyIndex = new(() => CatalogSearchIndex.Build(Documents));

    public static IReadOnlyList<SearchDocument> Documents => LazyDocuments.Value;

    public static CatalogSearchIndex Index => LazyIndex.Value;

    public static SearchDocument ByCode(string code) => Documents.Single(d => d.Code == code);

    public static IReadOnlyList<string> TopCodes(string query, int limit = 5) =>
        [.. Index.Search(query, limit).Select(hit => Documents.Single(d => d.Id == hit.Id).Code)];

    /// <summary>Deterministic ids so a failing assertion names the same document on every run.</summary>
    public static Guid IdFor(int index) => new(index + 1, 0, 0, new byte[8]);

    private static IReadOnlyList<SearchDocument> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MotCua.Domain.Tests.procedures.tsv")
            ?? throw new InvalidOperationException("procedures.tsv is not embedded.");
        using var reader = new StreamReader(stream);
        var documents = new List<SearchDocument>();
        while (reader.ReadLine() is { } line)
        {
            var columns = line.Split('\t');
            documents.Add(new SearchDocument(IdFor(documents.Count), columns[0], columns[1], columns[2], columns[3..]));
        }
        return documents;
    }
}
