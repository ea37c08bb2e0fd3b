using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Catalog;

/// <summary>Builds the JSON paths of <see cref="ValidationError"/> the same way everywhere.</summary>
internal static partial class ValidationPath
{
    public static string Index(string path, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>
    /// Dot notation for plain names, bracket notation otherwise, so that a schema property called
    /// "so ban" or "a.b" still yields a path that a JSON-path reader resolves to one member.
    /// </summary>
    public static string Member(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
