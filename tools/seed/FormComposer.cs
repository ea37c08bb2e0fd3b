using System.Text.Json.Nodes;
using MotCua.Domain.Catalog;

/// <summary>
/// Builds a <see cref="FormDefinition"/> from a hand-written form file. The file lists pages; each page
/// has its own properties and may reuse shared blocks from <c>fieldsets.json</c> (the requester, the
/// result delivery…) so that the same question reads the same in every form. A block can be used twice
/// with a prefix ("cha", "me") and a label that replaces <c>{ai}</c> in its titles, and marked optional
/// so that none of its fields is required.
/// </summary>
public static class FormComposer
{
    public const string SchemaDialect = "https://json-schema.org/draft/2020-12/schema";

    public static FormDefinition Compose(JsonObject file, JsonObject fieldsets)
    {
        var code = (string?)file["code"] ?? "?";
        var properties = new JsonObject();
        var required = new JsonArray();
        var steps = new List<FormStep>();

        foreach (var page in file["steps"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var fields = new List<string>();
            void Add(string name, JsonNode schema)
            {
                if (properties.ContainsKey(name))
                {
                    throw new InvalidDataException($"{code}: trường \"{name}\" được khai báo hai lần.");
                }

                properties[name] = schema;
                fields.Add(name);
            }

            foreach (var use in page["fieldsets"]?.AsArray() ?? [])
            {
                var (setName, prefix, label, optional) = use is JsonObject o
                    ? ((string)o["use"]!, (string?)o["prefix"], (string?)o["label"], (bool?)o["optional"] ?? false)
                    : ((string)use!, null, null, false);
                var set = fieldsets[setName] as JsonObject
                    ?? throw new InvalidDataException($"{code}: không có nhóm trường \"{setName}\".");
                label ??= (string?)set["label"] ?? "";

                foreach (var (name, schema) in set["properties"]!.AsObject())
                {
                    Add(Prefixed(prefix, name), WithLabel(schema!.DeepClone(), label));
                }

                // "optional" for a person who may be absent, e.g. the father of a child born to a single mother.
                foreach (var name in (optional ? null : set["required"]?.AsArray()) ?? [])
                {
                    required.Add(Prefixed(prefix, (string)name!));
                }
            }

            foreach (var (name, schema) in page["properties"]?.AsObject() ?? [])
            {
                Add(name, schema!.DeepClone());
            }

            foreach (var name in page["required"]?.AsArray() ?? [])
            {
                required.Add((string)name!);
            }

            steps.Add(new FormStep { Title = (string)page["title"]!, Fields = fields });
        }

        var schemaRoot = new JsonObject
        {
            ["$schema"] = SchemaDialect,
            ["type"] = "object",
            ["title"] = file["title"]?.DeepClone(),
            ["description"] = file["description"]?.DeepClone(),
            ["properties"] = properties,
            ["required"] = required,
        };
        if (schemaRoot["description"] is null)
        {
            schemaRoot.Remove("description");
        }

        return new FormDefinition { Schema = schemaRoot, Steps = steps };
    }

    private static string Prefixed(string? prefix, string name) =>
        prefix is null ? name : prefix + char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>Replaces <c>{ai}</c> ("who") in every string of a property's schema.</summary>
    private static JsonNode WithLabel(JsonNode node, string label)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = obj[key] is { } child ? WithLabel(child.DeepClone(), label) : null;
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = array[i] is { } child ? WithLabel(child.DeepClone(), label) : null;
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("{ai}", StringComparison.Ordinal):
                return JsonValue.Create(text.Replace("{ai}", label, StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim());
            default:
                return node;
        }
    }
}
