using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// Imports a catalogue file (the export's format). All or nothing: with any error nothing is imported, and
/// every error is listed with its JSON path and the procedure it belongs to, so the file can be fixed in one go.
/// </summary>
[Authorize(Policy = CatalogPolicy.Name)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed partial class ImportModel(CatalogService catalog, IStringLocalizer<MotCuaOptions> t) : PageModel
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    // Room above the file limit for the multipart framing and the other field, so a file just over the limit
    // still gets a readable message instead of a bare 413.
    private const int MaxRequestBytes = MaxFileBytes + (1024 * 1024);

    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>Off unless chosen: an import as drafts can be reviewed before citizens see anything.</summary>
    [BindProperty] public bool Publish { get; set; }

    /// <summary>Problems with the upload itself (no file, too big, not JSON), shown next to the file field.</summary>
    public string? FileProblem { get; private set; }

    /// <summary>Errors in the file's content, each with its path, and the code of the procedure when known.</summary>
    public IReadOnlyList<(ValidationError Error, string? Code)> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var definitions = await ReadAsync(ct);
        if (definitions is null) return Page();
        var result = await catalog.ImportAsync(definitions, User.Identity?.Name ?? "admin", Publish, ct);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.OrderBy(e => ItemOf(e.Path)).Select(e => (e, CodeOf(e.Path, definitions)))];
            FileProblem = t["catalogadmin.import.error.content", Errors.Count];
            return Page();
        }
        return Redirect(AdminLinks.List + QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("imported", result.VersionIds.Count.ToString(CultureInfo.InvariantCulture)),
            new("published", Publish ? "true" : "false"),
        }).ToUriComponent());
    }

    /// <summary>The file's procedures, or null with <see cref="FileProblem"/> (and <see cref="Errors"/>) set.</summary>
    private async Task<List<ProcedureDefinition>?> ReadAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            FileProblem = t["catalogadmin.import.error.nofile"];
            return null;
        }
        if (Upload.Length > MaxFileBytes)
        {
            FileProblem = t["catalogadmin.import.error.toolarge", MaxFileBytes / (1024 * 1024)];
            return null;
        }
        using var buffer = new MemoryStream((int)Upload.Length);
        await using (var upload = Upload.OpenReadStream()) await upload.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // Editors on Windows often save UTF-8 with a byte-order mark, which the JSON reader rejects.
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];

        if (DefinitionForm.SyntaxError(bytes, "$", t) is { } syntax)
        {
            Errors = [(syntax, null)];
            FileProblem = t["catalogadmin.import.error.json"];
            return null;
        }
        List<ProcedureDefinition>? definitions;
        try
        {
            definitions = JsonSerializer.Deserialize<List<ProcedureDefinition>>(bytes.Span, CatalogJson.Options);
        }
        catch (JsonException e)
        {
            // The reader stops at the first value of the wrong shape, so this is one error; the catalogue's
            // own rules (all of them) are only checked once the file reads.
            Errors = [(DefinitionForm.JsonError("$", e, t), null)];
            FileProblem = t["catalogadmin.import.error.json"];
            return null;
        }
        if (definitions is null || definitions.Count == 0)
        {
            FileProblem = t["catalogadmin.import.error.empty"];
            return null;
        }
        return definitions;
    }

    private static string? CodeOf(string path, List<ProcedureDefinition> definitions) =>
        ItemOf(path) is var i && i >= 0 && i < definitions.Count ? definitions[i].NationalCode : null;

    /// <summary>The procedure's index in the file, from a path such as <c>$[3].name</c>; -1 for the file as a whole.</summary>
    private static int ItemOf(string path)
    {
        var match = ItemIndex().Match(path);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
    }

    [GeneratedRegex(@"^\$\[([0-9]+)\]")]
    private static partial Regex ItemIndex();
}
