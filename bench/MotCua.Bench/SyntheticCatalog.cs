using System.Reflection;
using MotCua.Domain.Catalog.Search;

namespace MotCua.Bench;

/// <summary>
/// A catalogue of the size a large city publishes, grown from the 144 real procedures: each copy is a local
/// variant (ward, subject, channel) with its own local code, so vocabulary and posting lists look real.
/// </summary>
internal static class SyntheticCatalog
{
    private static readonly string[] Wards =
    [
        "Hoàn Kiếm", "Cửa Nam", "Ba Đình", "Ngọc Hà", "Giảng Võ", "Hai Bà Trưng", "Vĩnh Tuy", "Bạch Mai",
        "Đống Đa", "Kim Liên", "Văn Miếu - Quốc Tử Giám", "Láng", "Ô Chợ Dừa", "Hồng Hà", "Lĩnh Nam",
        "Hoàng Mai", "Tương Mai", "Định Công", "Hoàng Liệt", "Yên Sở", "Thanh Xuân", "Khương Đình",
        "Phương Liệt", "Cầu Giấy", "Nghĩa Đô", "Yên Hòa", "Tây Hồ", "Phú Thượng", "Long Biên", "Bồ Đề",
        "Việt Hưng", "Phúc Lợi",
    ];

    private static readonly string[] Subjects =
    [
        "người nước ngoài", "trẻ em", "người cao tuổi", "hộ gia đình", "cá nhân", "tổ chức",
        "doanh nghiệp nhỏ và vừa", "người khuyết tật", "người lao động", "học sinh, sinh viên",
    ];

    public static IReadOnlyList<SearchDocument> Real { get; } = LoadReal();

    public static IReadOnlyList<SearchDocument> Build(int size)
    {
        var documents = new List<SearchDocument>(size);
        for (var i = 0; i < size; i++)
        {
            var source = Real[i % Real.Count];
            var copy = i / Real.Count;
            if (copy == 0)
            {
                documents.Add(source with { Id = IdFor(i) });
                continue;
            }
            var ward = Wards[(i * 7) % Wards.Length];
            var subject = Subjects[(i * 3) % Subjects.Length];
            var name = (copy % 4) switch
            {
                0 => $"{source.Name} (thực hiện tại phường {ward})",
                1 => $"{source.Name} đối với {subject}",
                2 => $"{source.Name} – trường hợp {subject} tại {ward}",
                _ => $"{source.Name} theo hình thức trực tuyến toàn trình",
            };
            var code = $"{source.Code}.{copy:D3}.00.00.H26";
            documents.Add(new SearchDocument(IdFor(i), code, name, source.Field, [.. source.Keywords, $"UBND phường {ward}"]));
        }
        return documents;
    }

    private static Guid IdFor(int index) => new(index + 1, 0, 0, new byte[8]);

    private static List<SearchDocument> LoadReal()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MotCua.Bench.procedures.tsv")
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
