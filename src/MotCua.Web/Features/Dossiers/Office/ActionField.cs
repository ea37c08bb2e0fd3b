namespace MotCua.Web.Features.Dossiers.Office;

/// <summary>One input of an action form (rendered by _ActionField.cshtml); its id carries the action, as one page holds many forms.</summary>
public sealed record ActionField(string Action, string Name, string Label, string? Value, IReadOnlyList<string> Errors, string? Hint = null, string Type = "text")
{
    public string Id => DossierPageModel.FieldId(Action, Name);

    public IReadOnlyList<(string Value, string Text)> Options { get; init; } = [];
}

public sealed partial class DossierPageModel
{
    public ActionField Field(string action, string name, string labelKey, string? value, string? hintKey = null, string type = "text") =>
        new(action, name, L[labelKey].Value, Posted(action, value), Errors.For(FieldId(action, name)), hintKey is null ? null : L[hintKey].Value, type);
}
