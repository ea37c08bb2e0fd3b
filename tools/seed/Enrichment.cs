using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Catalog;

/// <summary>
/// What the city configures on top of the national data, for a family of procedures or for one of
/// them: online level, channels, which units receive, the workflow, fees the source lacks, and a
/// processing time where the source gives none. <see cref="Note"/> says why, for the people who read
/// the enrichment files; it is not copied to the catalogue.
/// </summary>
public record Overrides
{
    public string? Workflow { get; init; }
    public OnlineLevel? OnlineLevel { get; init; }
    public IReadOnlyList<Channel>? ReceiveChannels { get; init; }
    public IReadOnlyList<Channel>? ReturnChannels { get; init; }
    public IReadOnlyList<string>? UnitKinds { get; init; }
    public ProcessingTime? ProcessingTime { get; init; }
    /// <summary>Replaces the fees converted from the source.</summary>
    public IReadOnlyList<FeeRule>? Fees { get; init; }
    /// <summary>Added after the source's (or replaced) fees, e.g. the per-copy fee for extra extracts.</summary>
    public IReadOnlyList<FeeRule>? ExtraFees { get; init; }
    public string? Note { get; init; }
}

/// <summary>Procedures configured alike; each national code belongs to exactly one family.</summary>
public sealed record Family : Overrides
{
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, Overrides> Procedures { get; init; } = new Dictionary<string, Overrides>();
}

public sealed class Enrichment
{
    private readonly Dictionary<string, (Family Family, Overrides Own)> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkflowDefinition> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FormDefinition> _forms = new(StringComparer.Ordinal);

    public static Enrichment Load(string directory)
    {
        var enrichment = new Enrichment();
        foreach (var file in Files(directory, "workflows"))
        {
            enrichment._workflows[Path.GetFileNameWithoutExtension(file)] = Read<WorkflowDefinition>(file);
        }

        foreach (var file in Files(directory, "families"))
        {
            var family = Read<Family>(file);
            foreach (var (code, own) in family.Procedures)
            {
                if (!enrichment._byCode.TryAdd(code, (family, own)))
                {
                    throw new InvalidDataException($"{code} có trong hai họ thủ tục ({file}).");
                }
            }
        }

        var fieldsets = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "fieldsets.json")))!.AsObject();
        foreach (var file in Files(directory, "forms"))
        {
            var code = Path.GetFileNameWithoutExtension(file);
            var node = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            node["code"] = code;
            enrichment._forms[code] = FormComposer.Compose(node, fieldsets);
        }

        return enrichment;
    }

    public IEnumerable<string> Codes => _byCode.Keys.Concat(_forms.Keys).Distinct();

    public int FormCount => _forms.Count;

    /// <summary>The source definition with the city's configuration applied.</summary>
    public ProcedureDefinition Apply(SourceProcedure source)
    {
        var d = source.Definition;
        if (!_byCode.TryGetValue(d.NationalCode, out var entry))
        {
            throw new InvalidDataException($"{d.NationalCode} chưa thuộc họ thủ tục nào trong enrichment/families.");
        }

        var (family, own) = entry;
        var level = own.OnlineLevel ?? family.OnlineLevel
            ?? throw new InvalidDataException($"{d.NationalCode}: chưa có mức độ dịch vụ công trực tuyến.");
        // Channels written for the family's level do not fit a procedure that changes the level.
        var channelsFrom = own.OnlineLevel is null ? family : null;
        var workflowName = own.Workflow ?? family.Workflow
            ?? throw new InvalidDataException($"{d.NationalCode}: chưa có quy trình.");

        return d with
        {
            UnitKinds = own.UnitKinds ?? family.UnitKinds ?? d.UnitKinds,
            OnlineLevel = level,
            ReceiveChannels = own.ReceiveChannels ?? channelsFrom?.ReceiveChannels ?? DefaultReceive(level.Level),
            ReturnChannels = own.ReturnChannels ?? channelsFrom?.ReturnChannels ?? DefaultReturn(level.Level),
            ProcessingTime = Time(source, own.ProcessingTime ?? family.ProcessingTime),
            Fees = [.. own.Fees ?? family.Fees ?? d.Fees, .. family.ExtraFees ?? [], .. own.ExtraFees ?? []],
            Form = _forms.GetValueOrDefault(d.NationalCode),
            Workflow = _workflows.TryGetValue(workflowName, out var workflow)
                ? workflow
                : throw new InvalidDataException($"{d.NationalCode}: không có quy trình \"{workflowName}\"."),
        };
    }

    private static ProcessingTime Time(SourceProcedure source, ProcessingTime? chosen)
    {
        if (chosen is null)
        {
            return source.TimeParsed
                ? source.Definition.ProcessingTime
                : throw new InvalidDataException($"{source.Definition.NationalCode}: nguồn không có thời hạn, enrichment phải ghi processingTime.");
        }

        // Keep what the source said next to the city's choice, so the choice can be checked.
        var note = string.Join(" ", new[] { chosen.Note, source.Definition.ProcessingTime.Note }.OfType<string>());
        return chosen with { Note = note.Length == 0 ? null : note };
    }

    // Level 4 returns the result online or by post; level 3 files online but returns on paper;
    // levels 1–2 only inform, so dossiers come to the counter or by post.
    private static Channel[] DefaultReceive(int level) => level >= 3
        ? [Channel.Counter, Channel.Online, Channel.Post]
        : [Channel.Counter, Channel.Post];

    private static Channel[] DefaultReturn(int level) => level == 4
        ? [Channel.Counter, Channel.Online, Channel.Post]
        : [Channel.Counter, Channel.Post];

    private static IEnumerable<string> Files(string directory, string folder) =>
        Directory.EnumerateFiles(Path.Combine(directory, folder), "*.json").Order(StringComparer.Ordinal);

    private static T Read<T>(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), CatalogJson.Options)
                ?? throw new InvalidDataException($"{file} rỗng.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }
    }
}
