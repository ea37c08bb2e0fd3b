using System.Diagnostics;
using System.Globalization;
using MotCua.Domain.Catalog.Search;

namespace MotCua.Bench;

/// <summary>
/// Catalogue search latency: a 2,000-procedure index and a mix of what citizens type (whole names, no
/// diacritics, typos, words being typed letter by letter, codes) plus some hostile input.
/// </summary>
internal sealed class SearchScenario : IScenario
{
    private const int Documents = 2_000;
    private const int WarmUpSearches = 5_000;
    private const int MeasuredSearches = 20_000;
    private const int Limit = 20;

    public string Name => "search";

    public string Description => $"catalogue search over {Documents:N0} procedures";

    public void Run(TextWriter output)
    {
        var documents = SyntheticCatalog.Build(Documents);
        var started = Stopwatch.GetTimestamp();
        var index = CatalogSearchIndex.Build(documents);
        var buildTime = Stopwatch.GetElapsedTime(started);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"index of {index.Count:N0} procedures built in {buildTime.TotalMilliseconds:F1} ms"));

        var queries = Queries(documents);
        output.WriteLine($"{queries.Length} distinct queries; top hit of a few:");
        foreach (var sample in new[] { "dang ki khai sinh", "chung thuc ban sao", "giay phep xay dung", "khai sin" })
        {
            var top = index.Search(sample, 1);
            var name = top.Count == 0 ? "(none)" : documents.First(d => d.Id == top[0].Id).Name;
            output.WriteLine($"  {sample,-22} → {name[..Math.Min(70, name.Length)]}");
        }

        Measure(index, queries, threads: 1, WarmUpSearches, new Latencies(WarmUpSearches));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var single = new Latencies(MeasuredSearches);
        var wall = Measure(index, queries, threads: 1, MeasuredSearches, single);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"1 thread   {Latencies.Summary([single], wall)}  ~{allocated / MeasuredSearches:N0} B/search");

        var perThread = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Latencies(MeasuredSearches)).ToArray();
        wall = Measure(index, queries, perThread.Length, MeasuredSearches, perThread);
        output.WriteLine($"{perThread.Length} threads  {Latencies.Summary(perThread, wall)}");
    }

    private static TimeSpan Measure(CatalogSearchIndex index, string[] queries, int threads, int searches, params Latencies[] sinks)
    {
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            // A fixed, different order per thread so that threads are not in lockstep on the same query.
            var random = new Random(1234 + thread);
            var sink = sinks[thread % sinks.Length];
            for (var i = 0; i < searches; i++)
            {
                var query = queries[random.Next(queries.Length)];
                var before = Stopwatch.GetTimestamp();
                var hits = index.Search(query, Limit);
                var after = Stopwatch.GetTimestamp();
                if (hits.Count > Limit)
                {
                    throw new InvalidOperationException("limit not respected");
                }
                sink.Add(before, after);
            }
        });
        return Stopwatch.GetElapsedTime(started);
    }

    private static string[] Queries(IReadOnlyList<SearchDocument> documents)
    {
        List<string> queries =
        [
            "dang ky khai sinh", "khai sinh", "Đăng ký khai sinh", "DANG KY KHAI SINH", "dang ki khai sinh",
            "ly lich tu phap", "ket hon", "chung thuc ban sao", "giay phep xay dung", "ho kinh doanh", "khai sin",
            "dangky khaisinh", "giay khai sinh", "tam tru", "thuong tru", "can cuoc", "cap lai can cuoc",
            "ho chieu", "giay phep lai xe", "doi giay phep lai xe", "tach thua", "khai tu", "ly hon",
            "nuoi con nuoi", "chung thuc chu ky", "di chuc", "bao hiem y te", "bhyt", "thai san",
            "thanh lap cong ty", "doanh nghiep tu nhan", "ho ngheo", "cai nghien", "dang ky xe", "sang ten xe",
            "xac nhan tinh trang hon nhan", "chung thuc ban xao", "dang ky ket hom", "giay fep xay dung",
            "khai xinh", "nha o xa hoi", "quyet toan thue", "dang ky tam tru phuong cau giay",
            "giay chung nhan quyen su dung dat", "dang ky bien dong dat dai", "cap doi giay chung nhan",
            "1.001193", "2.000815", "1.0011", "1.001193.003.00.00.H26", "phuong hoan kiem", "nguoi nuoc ngoai",
            "😀", "\u0000\u0001", new string('x', 10_000), "a b c d e f g h i j k l m n o p q r s t u",
        ];

        // Letter by letter, as a search box that searches while the citizen types.
        foreach (var target in new[] { "dang ky khai sinh", "chung thuc ban sao", "giay phep xay dung" })
        {
            for (var length = 1; length <= target.Length; length++)
            {
                queries.Add(target[..length]);
            }
        }

        // Whole official names, some long enough to hit the length cap.
        for (var i = 0; i < documents.Count; i += 97)
        {
            queries.Add(documents[i].Name);
        }
        return [.. queries];
    }
}
