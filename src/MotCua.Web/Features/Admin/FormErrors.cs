using System.Collections;

namespace MotCua.Web.Features.Admin;

public sealed record FormError(string Field, string Message);

/// <summary>
/// A form's errors in the order of its fields: the error summary lists them with links, and each field
/// shows its own beside it (GOV.UK's pattern), so the two can never disagree.
/// </summary>
public sealed class FormErrors : IReadOnlyList<FormError>
{
    private readonly List<FormError> _errors = [];

    /// <summary>
    /// The form's fields top to bottom. Checks run in whatever order suits the code; the summary lists
    /// errors in the order the reader meets the fields. Fields not named here follow, as they came.
    /// </summary>
    public IReadOnlyList<string> FieldOrder { get; set; } = [];

    public int Count => _errors.Count;

    public bool Any => _errors.Count > 0;

    public FormError this[int index] => Ordered().ElementAt(index);

    public void Add(string field, string message)
    {
        if (!_errors.Contains(new FormError(field, message))) _errors.Add(new FormError(field, message));
    }

    public IReadOnlyList<string> For(string field) => [.. _errors.Where(e => e.Field == field).Select(e => e.Message)];

    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    public FieldView Field(string id, string label, string? value, string? hint = null, string type = "text") =>
        new(id, label, value, For(id), hint, type);

    public IEnumerator<FormError> GetEnumerator() => Ordered().GetEnumerator();

    private IEnumerable<FormError> Ordered() => _errors.OrderBy(e => Position(e.Field));

    private int Position(string field)
    {
        for (var i = 0; i < FieldOrder.Count; i++)
        {
            if (FieldOrder[i] == field) return i;
        }
        return int.MaxValue;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One labelled input with its hint and errors, rendered by Shared/_Field.cshtml.</summary>
public sealed record FieldView(string Id, string Label, string? Value, IReadOnlyList<string> Errors, string? Hint = null, string Type = "text")
{
    public string? Autocomplete { get; init; }
    public string? List { get; init; }
    public string? InputMode { get; init; }
    public string? Class { get; init; }
    public bool Spellcheck { get; init; } = true;
}
