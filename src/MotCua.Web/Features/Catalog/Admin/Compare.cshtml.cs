using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>One top-level member of the definition that the draft changes; null where a side does not have it.</summary>
public sealed record Difference(string Member, string LabelKey, string? Published, string? Draft);

/// <summary>
/// The draft against what citizens see, member by member, so that a reviewer reads only what changed;
/// the whole of both is there too for anyone who wants to check the rest.
/// </summary>
[Authorize(Policy = CatalogPolicy.Name)]
public sealed class CompareModel(MotCuaDbContext db) : PageModel
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int? PublishedNumber { get; private set; }
    public int? DraftNumber { get; private set; }
    public IReadOnlyList<Difference> Differences { get; private set; } = [];
    public string? PublishedJson { get; private set; }
    public string? DraftJson { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var history = await ProcedureVersions.FindAsync(db, code, ct);
        if (history is null) return NotFound();
        Code = history.Procedure.NationalCode;
        PublishedNumber = history.Published?.Number;
        DraftNumber = history.Draft?.Number;
        var published = await ProcedureVersions.DefinitionAsync(db, history.Published?.Id, ct);
        var draft = await ProcedureVersions.DefinitionAsync(db, history.Draft?.Id, ct);
        Name = (draft ?? published)?.Name ?? Code;
        if (published is null || draft is null) return Page();

        PublishedJson = JsonSerializer.Serialize(published, CatalogJson.Indented);
        DraftJson = JsonSerializer.Serialize(draft, CatalogJson.Indented);
        Differences = Diff(JsonNode.Parse(PublishedJson)!.AsObject(), JsonNode.Parse(DraftJson)!.AsObject());
        return Page();
    }

    internal static IReadOnlyList<Difference> Diff(JsonObject published, JsonObject draft)
    {
        var members = draft.Select(m => m.Key).Concat(published.Select(m => m.Key)).Distinct(StringComparer.Ordinal);
        var differences = new List<Difference>();
        foreach (var member in members)
        {
            var before = published[member];
            var after = draft[member];
            if (JsonNode.DeepEquals(before, after)) continue;
            var labelKey = EditorErrors.LabelKey(EditorErrors.FieldOf("$." + member)) ?? "";
            differences.Add(new Difference(member, labelKey, before?.ToJsonString(CatalogJson.Indented), after?.ToJsonString(CatalogJson.Indented)));
        }
        return differences;
    }
}
