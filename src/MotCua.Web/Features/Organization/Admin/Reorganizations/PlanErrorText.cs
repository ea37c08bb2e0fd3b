using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>
/// Puts the domain's plan errors into the reader's language. The domain writes one Vietnamese sentence per
/// rule; each known sentence is matched here, its details kept, and told again from admin.*.json. A sentence
/// this table does not know yet is shown as the domain wrote it rather than lost.
/// </summary>
public static partial class PlanErrorText
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (Empty(), "admin.plan.empty"),
        (Key(), "admin.plan.key"),
        (CodeRequired(), "admin.plan.coderequired"),
        (NameRequired(), "admin.plan.namerequired"),
        (NothingNew(), "admin.plan.nothingnew"),
        (NotOpen(), "admin.plan.notopen"),
        (Once(), "admin.plan.once"),
        (Parent(), "admin.plan.parent"),
        (SuccessorGone(), "admin.plan.successor"),
        (Children(), "admin.plan.children"),
        (DuplicateCode(), "admin.plan.duplicatecode"),
        (Cycle(), "admin.plan.cycle"),
        (Title(), "admin.plan.title"),
        (Later(), "admin.plan.later"),
    ];

    public static string Localize(PlanError error, IStringLocalizer localizer)
    {
        foreach (var (pattern, key) in Known)
        {
            var match = pattern.Match(error.Message);
            if (match.Success) return localizer[key, [.. match.Groups.Values.Skip(1).Select(g => (object)g.Value)]];
        }
        return error.Message;
    }

    /// <summary>The code a duplicate-code error names, so the form can point at the field that holds it.</summary>
    public static string? DuplicatedCode(PlanError error) => DuplicateCode().Match(error.Message) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>"$.changes[3].parent" → (3, "parent"); "$.title" → (null, "title").</summary>
    public static (int? Index, string? Member) Parse(string path)
    {
        var m = PathPattern().Match(path);
        if (!m.Success) return (null, path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path);
        int? index = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return (index, m.Groups[2].Success ? m.Groups[2].Value : null);
    }

    [GeneratedRegex(@"^\$\.changes\[(\d+)\](?:\.(\w+))?")] private static partial Regex PathPattern();
    [GeneratedRegex(@"^Kế hoạch sắp xếp không có thay đổi nào\.$")] private static partial Regex Empty();
    [GeneratedRegex(@"^Khóa của đơn vị mới bị trống hoặc trùng\.$")] private static partial Regex Key();
    [GeneratedRegex(@"^Mã định danh không được để trống\.$")] private static partial Regex CodeRequired();
    [GeneratedRegex(@"^Tên đơn vị không được để trống\.$")] private static partial Regex NameRequired();
    [GeneratedRegex(@"^Thay đổi không nêu điều gì mới")] private static partial Regex NothingNew();
    [GeneratedRegex(@"^Đơn vị không tồn tại hoặc không còn hiệu lực vào ngày sắp xếp\.$")] private static partial Regex NotOpen();
    [GeneratedRegex(@"^Một đơn vị chỉ được thay đổi một lần")] private static partial Regex Once();
    [GeneratedRegex(@"^Đơn vị cấp trên không tồn tại sau khi sắp xếp\.$")] private static partial Regex Parent();
    [GeneratedRegex(@"^Đơn vị kế thừa phải còn hiệu lực sau khi sắp xếp\.$")] private static partial Regex SuccessorGone();
    [GeneratedRegex(@"^Đơn vị trực thuộc ""(.+)"" \((.+)\) phải được chuyển")] private static partial Regex Children();
    [GeneratedRegex(@"^Mã định danh (.+) bị trùng giữa các đơn vị: (.+)\.$")] private static partial Regex DuplicateCode();
    [GeneratedRegex(@"^Đơn vị ""(.+)"" sẽ nằm dưới chính nó")] private static partial Regex Cycle();
    [GeneratedRegex(@"^Tên lần sắp xếp không được để trống\.$")] private static partial Regex Title();
    [GeneratedRegex(@"^Đơn vị đã có thay đổi sau ngày hiệu lực này")] private static partial Regex Later();
}
