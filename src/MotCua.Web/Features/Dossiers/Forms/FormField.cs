using System.Text.Json.Nodes;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>How a field is asked and how its answer is typed.</summary>
public enum FieldKind
{
    Text,
    Integer,
    Number,
    Boolean,
    Date,
    Email,
    Choice,
    /// <summary>A nested object: rendered as a fieldset around its own fields.</summary>
    Group,
    /// <summary>
    /// A construct the online form cannot ask (arrays, or an unknown type). No seeded form has one; such a
    /// field is shown as a note and never validated, so the rest of the form still works and the counter
    /// officer collects that part on paper.
    /// </summary>
    Unsupported,
}

public sealed record FormOption(string Value, string Title, JsonNode Const);

/// <summary>One question of the form, parsed once from its JSON Schema property.</summary>
public sealed record FormField
{
    /// <summary>Dotted path in the answers, e.g. <c>hoTen</c> or <c>cha.hoTen</c>; also the input's name.</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required FieldKind Kind { get; init; }

    /// <summary>The JSON type of a choice's values (string, integer…), so a posted choice is stored typed.</summary>
    public string ValueType { get; init; } = "string";

    public bool Required { get; init; }

    public IReadOnlyList<FormOption> Options { get; init; } = [];

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public decimal? ExclusiveMinimum { get; init; }

    public decimal? ExclusiveMaximum { get; init; }

    /// <summary>A fixed value the answer must equal; on a boolean it is a declaration that must be ticked.</summary>
    public JsonNode? Const { get; init; }

    /// <summary>The schema's default, shown until the applicant answers.</summary>
    public JsonNode? Default { get; init; }

    /// <summary>Sub-fields of a <see cref="FieldKind.Group"/>.</summary>
    public IReadOnlyList<FormField> Children { get; init; } = [];

    /// <summary>HTML id: letters, digits and hyphens only, stable as long as the schema's names are.</summary>
    public string Id => "f-" + Name.Replace('.', '-');

    public bool IsDeclaration => Kind == FieldKind.Boolean && Const is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>GOV.UK: radios while the options fit on a screen, a select beyond five.</summary>
    public bool UseRadios => Options.Count <= 5;

    /// <summary>The title with a lower-case first letter, to sit inside a Vietnamese sentence ("Nhập họ và tên").</summary>
    public string TitleInSentence =>
        Title.Length > 1 && char.IsUpper(Title[0]) && !char.IsUpper(Title[1])
            ? char.ToLowerInvariant(Title[0]) + Title[1..]
            : Title;

    /// <summary>
    /// WCAG 1.3.5 asks for autocomplete on the user's own details only; the applicant's name, phone, e-mail
    /// and address are recognised by the catalogue's field names, and a relative's name is left alone.
    /// </summary>
    public string? Autocomplete => Kind == FieldKind.Email || LeafName == "email"
        ? "email"
        : LeafName switch
        {
            "soDienThoai" or "dienThoai" => "tel",
            "hoTen" or "hoTenNguoiYeuCau" => "name",
            "diaChi" or "diaChiNguoiYeuCau" or "noiCuTruNguoiYeuCau" or "diaChiLienHe" => "street-address",
            _ => null,
        };

    /// <summary>Numeric keyboard on phones for numbers and for digit-only patterns (ID numbers, phone numbers).</summary>
    public string? InputMode => Kind switch
    {
        FieldKind.Integer => "numeric",
        FieldKind.Number => "decimal",
        _ when PatternRule.Describe(Pattern) is { Digits: true } => "numeric",
        _ => null,
    };

    private string LeafName => Name[(Name.LastIndexOf('.') + 1)..];
}
