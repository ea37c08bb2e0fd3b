using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Features.Dossiers.Lookup;

/// <summary>One text field of the lookup form with its error, for <c>_LookupField.cshtml</c>.</summary>
public sealed record LookupFieldView(string Name, string LabelKey, string HintKey, string? Value, string? Autocomplete, FieldError? Error);
