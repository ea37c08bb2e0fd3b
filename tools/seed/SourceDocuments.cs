using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.Domain.Catalog;

/// <summary>
/// The documents (thành phần hồ sơ) of one source record, repaired where the flattened page text was
/// split in the wrong place (see the source README's caveats) and without the note rows.
/// </summary>
public static partial class SourceDocuments
{
    public static IReadOnlyList<RequiredDocument> Convert(JsonArray? rows)
    {
        var parsed = new List<Row>();
        foreach (var node in rows ?? [])
        {
            var row = Parse(node!.AsObject());
            // A row whose text ends inside a parenthesis or on "hoặc" continues in the next row: the
            // quantity cell ("01 bản chính") was part of the sentence, e.g. "Giấy phép xây dựng (01 bản
            // chính hoặc 01 bản sao có chứng thực)". Only 1.011441 does this.
            if (parsed.Count > 0 && parsed[^1].IsOpen && IsContinuation(row.Name))
            {
                var open = parsed[^1];
                var glue = open.Name.EndsWith('(') ? "" : " ";
                var after = row.Name.StartsWith(')') ? "" : " ";
                parsed[^1] = open with { Name = open.Name + glue + open.Quantity + after + row.Name, Quantity = row.Quantity };
                continue;
            }

            parsed.Add(row);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        return
        [
            .. parsed
                // "0 bản chính" rows without copies are notes and sub-headings, not documents to submit.
                .Where(r => r.Originals > 0 || r.Copies > 0)
                .Select(r => new RequiredDocument
                {
                    Key = Slug.Unique(KeyBase(r.Name), keys),
                    Name = r.Name,
                    Group = r.Group,
                    Originals = r.Originals,
                    Copies = r.Copies,
                    Mandatory = !IsConditional(r.Group) && !IsConditional(r.Name),
                }),
        ];
    }

    private sealed record Row(string Name, string? Group, string Quantity, int Originals, int Copies)
    {
        public bool IsOpen => Name.EndsWith('(') || Name.EndsWith("hoặc", StringComparison.Ordinal);
    }

    private static Row Parse(JsonObject doc)
    {
        var name = Clean((string?)doc["name"] ?? "");
        var quantity = ((string?)doc["quantity"] ?? "").Trim();
        var (originals, originalsSpill) = Count(quantity, OriginalsPattern());
        var (copies, copiesSpill) = Count(quantity, CopiesPattern());
        // The page ran the form number into the quantity ("theo Mẫu số" + "18" + "1 bản chính" became
        // "181 bản chính"): the spilled digits go back to the name.
        var spill = originalsSpill ?? copiesSpill;
        if (spill is not null)
        {
            name = $"{name} {spill}";
        }

        return new Row(name, CleanGroup((string?)doc["group"]), quantity, originals, copies);
    }

    /// <summary>The count before "bản chính"/"bản sao", and any digits that belong to the text before it.</summary>
    private static (int Count, string? Spill) Count(string quantity, Regex pattern)
    {
        var match = pattern.Match(quantity);
        if (!match.Success)
        {
            return (0, null);
        }

        var digits = match.Groups[1].Value;
        // "1", "01", "02" are counts as printed; anything longer ends with the count.
        if (digits.Length == 1 || (digits.Length == 2 && digits[0] == '0'))
        {
            return (int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), null);
        }

        return (digits[^1] - '0', digits[..^1]);
    }

    private static string Clean(string name)
    {
        var trimmed = name.Trim();
        // Bullets of the page ("- ", "+ ") are layout, not part of the document's name.
        while (trimmed.Length > 1 && trimmed[0] is '-' or '+' or '•' && trimmed[1] == ' ')
        {
            trimmed = trimmed[2..].TrimStart();
        }

        return trimmed;
    }

    private static string? CleanGroup(string? group)
    {
        var cleaned = group?.Trim().TrimStart('*').Trim().TrimEnd(':').Trim();
        return string.IsNullOrEmpty(cleaned) || cleaned == "--" ? null : cleaned;
    }

    private static bool IsContinuation(string name) =>
        name.Length > 0 && (char.IsLower(name[0]) || name[0] == ')');

    // Mandatory only tells the online form to insist on an attachment. When in doubt a document is
    // optional: the counter officer checks completeness anyway, and a citizen must never be blocked.
    private static bool IsConditional(string? text) =>
        text is not null
        && (ConditionalPattern().IsMatch(text)
            || text.Contains("trong trường hợp", StringComparison.OrdinalIgnoreCase)
            || text.Contains("(nếu", StringComparison.OrdinalIgnoreCase));

    /// <summary>The name without its list marker ("(i)", "a)", "1.") so that keys start with words.</summary>
    private static string KeyBase(string name)
    {
        var slug = Slug.From(ListMarker().Replace(name, ""));
        return slug.Length > 0 ? slug : "giay-to";
    }

    [GeneratedRegex(@"(\d+)\s*bản chính")]
    private static partial Regex OriginalsPattern();

    [GeneratedRegex(@"(\d+)\s*bản sao")]
    private static partial Regex CopiesPattern();

    [GeneratedRegex(@"^\s*(\(?[0-9ivx]+(\.[0-9]+)*[).]|[a-zđ]\)|\(\d+\))\s*")]
    private static partial Regex ListMarker();

    // "Trường hợp …", "a) Đối với trường hợp …", "(ii) Trường hợp …": the document depends on the case.
    [GeneratedRegex(@"^\s*(\(?[0-9ivx]+[).]\s*|[a-zđ]\)\s*)?(-\s*)?(đối với\s+)?trường hợp", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionalPattern();
}
