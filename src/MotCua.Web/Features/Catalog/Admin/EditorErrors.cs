using MotCua.Domain.Catalog;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// The editor's errors, each placed next to the field it belongs to. Validation paths point into the
/// catalogue's JSON (e.g. <c>$.workflow.steps[1].transitions[0].to</c>); the longest known prefix decides
/// the field, so everything inside the workflow lands next to the workflow text area.
/// </summary>
public sealed class EditorErrors
{
    /// <summary>Path prefix → field of <see cref="DefinitionForm"/>, in the order the fields appear on the page.</summary>
    private static readonly (string Prefix, string Field)[] Map =
    [
        ("$.nationalCode", nameof(DefinitionForm.NationalCode)),
        ("$.localCode", nameof(DefinitionForm.LocalCode)),
        ("$.name", nameof(DefinitionForm.Name)),
        ("$.field", nameof(DefinitionForm.Field)),
        ("$.levels", nameof(DefinitionForm.Levels)),
        ("$.unitKinds", nameof(DefinitionForm.UnitKinds)),
        ("$.implementingAgencies", nameof(DefinitionForm.Agencies)),
        ("$.applicants", nameof(DefinitionForm.Applicants)),
        ("$.targetSubjects", nameof(DefinitionForm.TargetSubjects)),
        ("$.requirements", nameof(DefinitionForm.Requirements)),
        ("$.processingTime", nameof(DefinitionForm.ProcessingValue)),
        ("$.processingTime.value", nameof(DefinitionForm.ProcessingValue)),
        ("$.processingTime.unit", nameof(DefinitionForm.ProcessingUnit)),
        ("$.processingTime.note", nameof(DefinitionForm.ProcessingNote)),
        ("$.onlineLevel", nameof(DefinitionForm.OnlineLevel)),
        ("$.onlineLevel.level", nameof(DefinitionForm.OnlineLevel)),
        ("$.onlineLevel.fullProcess", nameof(DefinitionForm.FullProcess)),
        ("$.receiveChannels", nameof(DefinitionForm.ReceiveChannels)),
        ("$.returnChannels", nameof(DefinitionForm.ReturnChannels)),
        ("$.documents", nameof(DefinitionForm.Documents)),
        ("$.form", nameof(DefinitionForm.Form)),
        ("$.fees", nameof(DefinitionForm.Fees)),
        ("$.results", nameof(DefinitionForm.Results)),
        ("$.legalBasis", nameof(DefinitionForm.LegalBasis)),
        ("$.workflow", nameof(DefinitionForm.Workflow)),
        ("$.source", nameof(DefinitionForm.Source)),
    ];

    /// <summary>Errors that belong to no field (e.g. "version not found") go to the top of the form.</summary>
    public const string General = "";

    private readonly List<(ValidationError Error, string Field)> _all = [];

    public bool Any => _all.Count > 0;

    public int Count => _all.Count;

    /// <summary>All errors in page order, for the error summary; within a field in the order they were found.</summary>
    public IEnumerable<(ValidationError Error, string Field)> InPageOrder =>
        _all.Select((e, i) => (e, i)).OrderBy(x => Order(x.e.Field)).ThenBy(x => x.i).Select(x => x.e);

    public void Add(ValidationError error) => _all.Add((error, FieldOf(error.Path)));

    public IEnumerable<ValidationError> For(string field) => _all.Where(e => e.Field == field).Select(e => e.Error);

    public bool Has(string field) => _all.Exists(e => e.Field == field);

    /// <summary>The element id a field's input (or the first input of a group) carries, for links and aria-describedby.</summary>
    public static string Id(string field) => field.Length == 0 ? "definition-form" : "Input_" + field;

    /// <summary>Localisation key of a field's label (the summary names the field a generic message belongs to).</summary>
    public static string? LabelKey(string field) =>
        field.Length == 0 ? null : "catalogadmin.field." + System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);

    public static string FieldOf(string path)
    {
        var best = (Length: 0, Field: General);
        foreach (var (prefix, field) in Map)
        {
            if (prefix.Length > best.Length && Covers(prefix, path)) best = (prefix.Length, field);
        }
        return best.Field;
    }

    /// <summary>
    /// The path inside the field, worth showing for JSON areas (which element of which list), and
    /// blank when the error is about the field as a whole.
    /// </summary>
    public static bool PointsInside(ValidationError error) =>
        !Map.Any(m => m.Prefix == error.Path) && error.Path.Length > 1;

    private static bool Covers(string prefix, string path) =>
        path.StartsWith(prefix, StringComparison.Ordinal)
        && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');

    private static int Order(string field)
    {
        var index = Array.FindIndex(Map, m => m.Field == field);
        return index < 0 ? -1 : index;
    }
}
