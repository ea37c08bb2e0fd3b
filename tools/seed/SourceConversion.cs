using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.Domain.Catalog;

/// <summary>What the national portal says about one procedure, in the catalogue's shape.</summary>
/// <param name="Definition">Online level, channels, form and workflow are not in the source: placeholders.</param>
/// <param name="TimeParsed">False when the source gives no usable processing time; the enrichment must.</param>
public sealed record SourceProcedure(ProcedureDefinition Definition, bool TimeParsed);

/// <summary>
/// Converts one record of <c>procedures.json</c> (see its README) faithfully: values are copied, only
/// split into the catalogue's fields; where a value has to be interpreted, the note says how.
/// </summary>
public static partial class SourceConversion
{
    private const string Online = "Trực tuyến";
    private const string Counter = "Trực tiếp";
    private const string Post = "Dịch vụ bưu chính";

    // Online first: the catalogue describes the service as filed online; counter values stay in notes.
    private static readonly string[] ChannelPreference = [Online, Counter, Post];

    public static SourceProcedure Convert(JsonObject src)
    {
        var levels = Levels((string?)src["implementing_level"]);
        var (time, parsed) = Time(src["processing_time"] as JsonArray);
        var definition = new ProcedureDefinition
        {
            NationalCode = Text(src["code"])!,
            Name = Text(src["name"])!,
            Field = Text(src["field"])!,
            Levels = levels,
            UnitKinds = UnitKinds(levels, Text(src["competent_authority"])),
            ImplementingAgencies = [.. Strings(src["implementing_agency"])],
            Applicants = Applicants(Text(src["target_subjects"])),
            TargetSubjects = Text(src["target_subjects"]),
            Requirements = Text(src["requirements"]),
            Documents = SourceDocuments.Convert(src["documents"] as JsonArray),
            ProcessingTime = time,
            Fees = Fees(src["fees"] as JsonArray),
            Results = [.. Objects(src["result"]).Select(r => new ResultDocument
            {
                Name = Text(r["name"])!,
                Code = Text(r["code"]),
                Electronic = !IsPhysical(Text(r["name"])!),
            })],
            OnlineLevel = new(),
            LegalBasis = [.. Objects(src["legal_basis"]).Select(l => new LegalBasis { Title = Text(l["title"])!, Number = Text(l["number"]) })],
            Source = Text(src["source"]?["portal_url"]),
        };
        return new SourceProcedure(definition, parsed);
    }

    private static List<ImplementingLevel> Levels(string? text)
    {
        // "Cấp bộ" (ministry) and "Cơ quan khác" (notaries, missions abroad) are not levels of a city.
        var levels = new List<ImplementingLevel>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            ImplementingLevel? level = part switch
            {
                "Cấp tỉnh" => ImplementingLevel.Province,
                "Cấp huyện" => ImplementingLevel.District,
                "Cấp xã" => ImplementingLevel.Commune,
                _ => null,
            };
            if (level is { } l && !levels.Contains(l))
            {
                levels.Add(l);
            }
        }

        return levels;
    }

    private static List<string> UnitKinds(List<ImplementingLevel> levels, string? competentAuthority)
    {
        var kinds = new List<string>();
        if (levels.Contains(ImplementingLevel.Commune))
        {
            kinds.AddRange(["ward", "commune"]);
        }

        if (levels.Contains(ImplementingLevel.Province))
        {
            // The department that handles it, unless the provincial People's Committee itself decides.
            kinds.Add(competentAuthority is not null && ProvincialCommittee().IsMatch(competentAuthority)
                ? "peoplesCommittee"
                : "department");
        }

        return kinds;
    }

    private static List<ApplicantKind> Applicants(string? subjects)
    {
        var kinds = new List<ApplicantKind>();
        if (subjects is null || PersonSubject().IsMatch(subjects))
        {
            kinds.Add(ApplicantKind.Citizen);
        }

        if (subjects is not null && OrganizationSubject().IsMatch(subjects))
        {
            kinds.Add(ApplicantKind.Organization);
        }

        return kinds;
    }

    private static (ProcessingTime Time, bool Parsed) Time(JsonArray? entries)
    {
        var all = Objects(entries).Select(e => (Channel: Text(e["channel"]) ?? "", Value: Text(e["value"]), Note: Text(e["note"]))).ToList();
        var verbatim = string.Join("; ", all
            .Where(e => e.Value is not null)
            .GroupBy(e => e.Value)
            .Select(g => $"{string.Join(", ", g.Select(e => e.Channel).Distinct())}: {g.Key}"));
        var notes = all.Select(e => e.Note).OfType<string>().Distinct().ToList();

        foreach (var channel in ChannelPreference)
        {
            foreach (var (_, value, _) in all.Where(e => e.Channel == channel))
            {
                var match = value is null ? Match.Empty : TimeValue().Match(value);
                if (!match.Success)
                {
                    continue;
                }

                var unitText = match.Groups["unit"].Value;
                var remark = unitText switch
                {
                    "" => "Nguồn chỉ ghi số, không ghi đơn vị; tạm tính là ngày làm việc.",
                    "Ngày" => "Nguồn ghi \"Ngày\", không rõ ngày làm việc hay ngày theo lịch; tạm tính là ngày làm việc.",
                    _ => null,
                };
                var time = new ProcessingTime
                {
                    Value = decimal.Parse(match.Groups["value"].Value.Replace(',', '.'), CultureInfo.InvariantCulture),
                    Unit = unitText == "Giờ" ? TimeUnit.WorkingHours : TimeUnit.WorkingDays,
                    Note = JoinNote([$"Theo nguồn: {verbatim}.", remark, .. notes]),
                };
                return (time, true);
            }
        }

        return (new ProcessingTime { Value = 0, Note = JoinNote(["Nguồn không ghi thời hạn giải quyết.", .. notes]) }, false);
    }

    private static List<FeeRule> Fees(JsonArray? entries)
    {
        var all = Objects(entries)
            .Select(e => (Channel: Text(e["channel"]) ?? "", Fee: Text(e["fee"]), Amount: (long?)e["amount"],
                Currency: Text(e["currency"]), Description: Text(e["description"])))
            .Where(e => e.Fee is not null && e.Amount is not null)
            .ToList();
        var primary = ChannelPreference.Select(c => all.Where(e => e.Channel == c).ToList()).FirstOrDefault(l => l.Count > 0);
        if (primary is null)
        {
            return [];
        }

        var primaryChannel = primary[0].Channel;
        // Fees in other currencies are charged by missions abroad, which a city does not run.
        // A free entry without a word of explanation adds nothing to an empty fee list.
        var rules = primary
            .Where(e => e.Currency is null or "VND")
            .Where(e => e.Amount > 0 || e.Description is not null)
            .DistinctBy(e => (e.Amount, e.Description))
            .Select(e => new FeeRule
            {
                Name = e.Amount == 0 ? "Miễn phí" : FeeName(e.Description),
                Amount = e.Amount!.Value,
                Note = JoinNote([$"Theo nguồn ({e.Channel}): {e.Fee}{Suffix(e.Description)}"]),
            })
            .ToList();

        var others = all
            .Where(e => e.Channel != primaryChannel && !primary.Any(p => p.Amount == e.Amount && p.Currency == e.Currency))
            .Select(e => $"{e.Channel}: {e.Fee}{Suffix(e.Description)}")
            .Distinct()
            .ToList();
        if (others.Count > 0 && rules.Count > 0)
        {
            rules[0] = rules[0] with { Note = JoinNote([rules[0].Note, "Mức theo kênh khác — " + string.Join("; ", others)]) };
        }

        return rules;
    }

    private static string FeeName(string? description)
    {
        // "Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần" names itself before the colon.
        var match = description is null ? Match.Empty : FeeTitle().Match(description);
        return match.Success ? match.Groups[1].Value.Trim() : "Phí, lệ phí";
    }

    private static string Suffix(string? description) =>
        description is null ? "" : description.StartsWith('/') ? description : ". " + description;

    // Results handed over as cards, plates or certificate blanks cannot be issued as an electronic
    // document, which matters for the online-result indicators. Only names that start with the object
    // count: "Thông báo … thẻ căn cước" is an electronic notice about a card.
    private static readonly string[] PhysicalResults =
    [
        "Thẻ căn cước", "Hộ chiếu", "Biển số", "Giấy phép lái xe", "Giấy chứng nhận đăng ký xe",
        "Giấy chứng nhận quyền sử dụng đất", "Sổ bảo hiểm xã hội", "Sổ BHXH",
    ];

    private static bool IsPhysical(string name) =>
        PhysicalResults.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static string? JoinNote(IEnumerable<string?> parts)
    {
        var text = string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return text.Length == 0 ? null : text;
    }

    private static string? Text(JsonNode? node)
    {
        var text = node is JsonValue ? node.GetValue<string>().Trim() : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>() : [];

    private static IEnumerable<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonObject>() : [];

    [GeneratedRegex(@"^\s*(?<value>\d+(?:[.,]\d+)?)\s*(?<unit>Ngày làm việc|Ngày|Giờ)?\s*$")]
    private static partial Regex TimeValue();

    [GeneratedRegex(@"^[-\s]*((?:Lệ phí|Phí)[^:(]{0,100}?)\s*:")]
    private static partial Regex FeeTitle();

    [GeneratedRegex(@"^(Chủ tịch\s+)?(Ủy ban nhân dân|UBND)\s+(cấp\s+)?tỉnh", RegexOptions.IgnoreCase)]
    private static partial Regex ProvincialCommittee();

    [GeneratedRegex("Công dân|Người|Cán bộ|Đảng viên")]
    private static partial Regex PersonSubject();

    [GeneratedRegex("Tổ chức|Doanh nghiệp|Hợp tác xã")]
    private static partial Regex OrganizationSubject();
}
