using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// The procedure editor as the browser posts it. Everything stays as typed (strings), so a page shown again
/// with errors gives back exactly what the administrator entered, including JSON that does not parse.
/// Property names double as the field names that <see cref="EditorErrors"/> maps validation paths onto.
/// </summary>
public sealed class DefinitionForm
{
    public string? NationalCode { get; set; }
    public string? LocalCode { get; set; }
    public string? Name { get; set; }
    public string? Field { get; set; }
    public List<string> Levels { get; set; } = [];
    public List<string> UnitKinds { get; set; } = [];
    /// <summary>Implementing agencies, one per line.</summary>
    public string? Agencies { get; set; }
    public List<string> Applicants { get; set; } = [];
    public string? TargetSubjects { get; set; }
    public string? Requirements { get; set; }
    public string? ProcessingValue { get; set; }
    public string? ProcessingUnit { get; set; }
    public string? ProcessingNote { get; set; }
    public string? OnlineLevel { get; set; }
    public bool FullProcess { get; set; }
    public List<string> ReceiveChannels { get; set; } = [];
    public List<string> ReturnChannels { get; set; } = [];
    public string? Documents { get; set; }
    public string? Form { get; set; }
    public string? Fees { get; set; }
    public string? Results { get; set; }
    public string? LegalBasis { get; set; }
    public string? Workflow { get; set; }
    public string? Source { get; set; }

    /// <summary>Unit kinds the city's organisation uses; a definition may carry others, which the editor keeps.</summary>
    public static readonly IReadOnlyList<string> KnownUnitKinds =
        ["ward", "commune", "township", "department", "peoplesCommittee", "serviceCenter"];

    /// <summary>The catalogue's own spelling of an enum value (camelCase), used as the form value too.</summary>
    public static string Wire<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A new procedure starts as the most common case: level 2, counted in working days, at the counter.</summary>
    public static DefinitionForm Blank() => new()
    {
        OnlineLevel = "2",
        ProcessingUnit = Wire(TimeUnit.WorkingDays),
        Applicants = [Wire(ApplicantKind.Citizen)],
        ReceiveChannels = [Wire(Channel.Counter)],
        ReturnChannels = [Wire(Channel.Counter)],
    };

    public static DefinitionForm From(ProcedureDefinition d) => new()
    {
        NationalCode = d.NationalCode,
        LocalCode = d.LocalCode,
        Name = d.Name,
        Field = d.Field,
        Levels = [.. d.Levels.Select(Wire)],
        UnitKinds = [.. d.UnitKinds],
        Agencies = string.Join('\n', d.ImplementingAgencies),
        Applicants = [.. d.Applicants.Select(Wire)],
        TargetSubjects = d.TargetSubjects,
        Requirements = d.Requirements,
        ProcessingValue = d.ProcessingTime.Value.ToString(CultureInfo.InvariantCulture),
        ProcessingUnit = Wire(d.ProcessingTime.Unit),
        ProcessingNote = d.ProcessingTime.Note,
        OnlineLevel = d.OnlineLevel.Level.ToString(CultureInfo.InvariantCulture),
        FullProcess = d.OnlineLevel.FullProcess,
        ReceiveChannels = [.. d.ReceiveChannels.Select(Wire)],
        ReturnChannels = [.. d.ReturnChannels.Select(Wire)],
        Documents = JsonText(d.Documents),
        Form = d.Form is null ? null : JsonSerializer.Serialize(d.Form, CatalogJson.Indented),
        Fees = JsonText(d.Fees),
        Results = JsonText(d.Results),
        LegalBasis = JsonText(d.LegalBasis),
        Workflow = d.Workflow is null ? null : JsonSerializer.Serialize(d.Workflow, CatalogJson.Indented),
        Source = d.Source,
    };

    /// <summary>
    /// Builds the definition. What cannot be read at all (JSON that does not parse, a number that is not one,
    /// a value no option has) is added to <paramref name="errors"/> with the path of its field and left empty,
    /// so the domain validator can still report everything else in the same round.
    /// </summary>
    public ProcedureDefinition ToDefinition(string nationalCode, IStringLocalizer t, List<ValidationError> errors) => new()
    {
        NationalCode = nationalCode.Trim(),
        LocalCode = Clean(LocalCode),
        Name = Clean(Name) ?? "",
        Field = Clean(Field) ?? "",
        Levels = Options<ImplementingLevel>(Levels, "$.levels", t, errors),
        UnitKinds = [.. UnitKinds.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)],
        ImplementingAgencies = [.. (Agencies ?? "").Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0)],
        Applicants = Options<ApplicantKind>(Applicants, "$.applicants", t, errors),
        TargetSubjects = Clean(TargetSubjects),
        Requirements = Clean(Requirements),
        Documents = JsonList<RequiredDocument>(Documents, "$.documents", t, errors),
        Form = JsonObject<FormDefinition>(Form, "$.form", t, errors),
        ProcessingTime = new ProcessingTime
        {
            Value = Number(ProcessingValue, "$.processingTime.value", t, errors),
            Unit = Options<TimeUnit>([ProcessingUnit ?? Wire(TimeUnit.WorkingDays)], "$.processingTime.unit", t, errors).FirstOrDefault(),
            Note = Clean(ProcessingNote),
        },
        Fees = JsonList<FeeRule>(Fees, "$.fees", t, errors),
        Results = JsonList<ResultDocument>(Results, "$.results", t, errors),
        // A missing choice reads as 0, which the domain validator reports in its own words.
        OnlineLevel = new OnlineLevel
        {
            Level = int.TryParse(OnlineLevel, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : 0,
            FullProcess = FullProcess,
        },
        ReceiveChannels = Options<Channel>(ReceiveChannels, "$.receiveChannels", t, errors),
        ReturnChannels = Options<Channel>(ReturnChannels, "$.returnChannels", t, errors),
        LegalBasis = JsonList<LegalBasis>(LegalBasis, "$.legalBasis", t, errors),
        Workflow = JsonObject<WorkflowDefinition>(Workflow, "$.workflow", t, errors),
        Source = Clean(Source),
    };

    /// <summary>Trimmed, with the browser's CRLF line ends made plain, and null when blank (optional members are left out of the JSON).</summary>
    private static string? Clean(string? text)
    {
        var value = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? JsonText<T>(IReadOnlyList<T> items) =>
        items.Count == 0 ? null : JsonSerializer.Serialize(items, CatalogJson.Indented);

    private static List<T> Options<T>(IEnumerable<string> values, string path, IStringLocalizer t, List<ValidationError> errors)
        where T : struct, Enum
    {
        var chosen = new List<T>();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            var match = Enum.GetValues<T>().Where(v => Wire(v) == value).Select(v => (T?)v).FirstOrDefault();
            if (match is { } found) chosen.Add(found);
            else errors.Add(new(path, t["catalogadmin.error.option", value]));
        }
        return chosen;
    }

    private static decimal Number(string? text, string path, IStringLocalizer t, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        // Vietnamese writes a decimal comma (0,5); both spellings mean the same number here.
        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(new(path, t["catalogadmin.error.number"]));
        return 0;
    }

    private static List<T> JsonList<T>(string? text, string path, IStringLocalizer t, List<ValidationError> errors) =>
        string.IsNullOrWhiteSpace(text) ? [] : Parse<List<T>>(text, path, t, errors) ?? [];

    private static T? JsonObject<T>(string? text, string path, IStringLocalizer t, List<ValidationError> errors) where T : class =>
        string.IsNullOrWhiteSpace(text) ? null : Parse<T>(text, path, t, errors);

    private static T? Parse<T>(string text, string path, IStringLocalizer t, List<ValidationError> errors) where T : class
    {
        if (SyntaxError(text, path, t) is { } syntax)
        {
            errors.Add(syntax);
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(text, CatalogJson.Options);
        }
        catch (JsonException e)
        {
            errors.Add(JsonError(path, e, t));
            return null;
        }
    }

    /// <summary>
    /// Broken JSON (a missing bracket, a stray comma) reported at the text area itself with its line and
    /// column: the reader's path at that point names the element it was in, which misleads more than it helps.
    /// </summary>
    internal static ValidationError? SyntaxError(string text, string areaPath, IStringLocalizer t) =>
        SyntaxError(() => JsonDocument.Parse(text), areaPath, t);

    internal static ValidationError? SyntaxError(ReadOnlyMemory<byte> utf8, string areaPath, IStringLocalizer t) =>
        SyntaxError(() => JsonDocument.Parse(utf8), areaPath, t);

    private static ValidationError? SyntaxError(Func<JsonDocument> parse, string areaPath, IStringLocalizer t)
    {
        try
        {
            parse().Dispose();
            return null;
        }
        catch (JsonException e)
        {
            return JsonError(areaPath, e, t) with { Path = areaPath };
        }
    }

    /// <summary>
    /// A value of the wrong shape (a word where a number belongs, a missing name): the parser's path is
    /// relative to the text area, so it is prefixed with the area's path; line and column help in long texts.
    /// </summary>
    internal static ValidationError JsonError(string areaPath, JsonException e, IStringLocalizer t)
    {
        var inner = e.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..] : "";
        var detail = e.Message;
        var cut = detail.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) detail = detail[..cut];
        var message = e.LineNumber is { } line
            ? t["catalogadmin.error.json", line + 1, (e.BytePositionInLine ?? 0) + 1, detail].Value
            : t["catalogadmin.error.jsonnoline", detail].Value;
        return new ValidationError(areaPath + inner, message);
    }
}
