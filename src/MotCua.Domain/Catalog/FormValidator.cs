using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Domain.Catalog;

/// <summary>
/// Checks that the online form can be rendered page by page and that nothing it asks is lost: the
/// renderer shows the steps, so a property outside every step would never be asked, and a step field
/// missing from the schema would have no type to render or validate.
/// </summary>
internal static class FormValidator
{
    /// <summary>Adds the form's errors and returns the schema's property names (empty when it has none).</summary>
    public static IReadOnlySet<string> Validate(FormDefinition form, List<ValidationError> errors)
    {
        var properties = ValidateSchema(form.Schema, errors);
        var firstStepOf = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < form.Steps.Count; i++)
        {
            var step = form.Steps[i];
            var stepPath = ValidationPath.Index("$.form.steps", i);
            ProcedureValidator.RequireText(step.Title, stepPath + ".title", errors);

            for (var j = 0; j < step.Fields.Count; j++)
            {
                var field = step.Fields[j];
                var fieldPath = ValidationPath.Index(stepPath + ".fields", j);
                if (!properties.Contains(field))
                {
                    errors.Add(new(fieldPath, $"Trường \"{field}\" không có trong lược đồ tờ khai."));
                }
                else if (firstStepOf.TryGetValue(field, out var first))
                {
                    errors.Add(new(fieldPath, string.Create(CultureInfo.InvariantCulture,
                        $"Trường \"{field}\" đã có ở bước {first + 1}; mỗi trường chỉ thuộc một bước.")));
                }
                else
                {
                    firstStepOf[field] = i;
                }
            }
        }

        foreach (var property in properties.Where(p => !firstStepOf.ContainsKey(p)))
        {
            errors.Add(new(ValidationPath.Member("$.form.schema.properties", property),
                "Trường chưa được đặt vào bước nào của tờ khai."));
        }

        return properties;
    }

    private static HashSet<string> ValidateSchema(JsonObject schema, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!IsString(schema["type"], "object"))
        {
            errors.Add(new("$.form.schema.type", "Lược đồ tờ khai phải có \"type\": \"object\"."));
        }

        if (schema["properties"] is not JsonObject properties)
        {
            errors.Add(new("$.form.schema.properties", "Lược đồ tờ khai phải có \"properties\" là một đối tượng."));
            return names;
        }

        foreach (var (name, _) in properties)
        {
            names.Add(name);
        }

        switch (schema["required"])
        {
            case null:
                break;
            case JsonArray required:
                for (var k = 0; k < required.Count; k++)
                {
                    var path = ValidationPath.Index("$.form.schema.required", k);
                    if (required[k] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                    {
                        errors.Add(new(path, "Phải là tên một trường."));
                    }
                    else if (!names.Contains(value.GetValue<string>()))
                    {
                        errors.Add(new(path,
                            $"Trường bắt buộc \"{value.GetValue<string>()}\" không có trong lược đồ tờ khai."));
                    }
                }

                break;
            default:
                errors.Add(new("$.form.schema.required", "\"required\" phải là danh sách tên trường."));
                break;
        }

        return names;
    }

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value
        && value.GetValueKind() == JsonValueKind.String
        && value.GetValue<string>() == expected;
}
