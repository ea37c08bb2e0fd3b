using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace MotCua.Domain.Catalog;

/// <summary>
/// The one JSON shape of the catalogue, used for storage of versions, import/export and the seed files,
/// so that what an administrator exports can be imported anywhere unchanged.
/// </summary>
public static class CatalogJson
{
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>Same as <see cref="Options"/>, indented, for files people read (exports, seeds).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(writeIndented: true);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Vietnamese text stays readable in exported files instead of \uXXXX escapes.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
