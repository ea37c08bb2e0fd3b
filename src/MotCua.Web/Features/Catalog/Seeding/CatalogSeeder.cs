using System.Text.Json;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Organization.Seeding;

namespace MotCua.Web.Features.Catalog.Seeding;

/// <summary>Publishes the bundled catalogue (Seed/procedures/catalog.json) into an empty database.</summary>
public sealed class CatalogSeeder(CatalogService catalog)
{
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        await using var file = File.OpenRead(SeedFiles.Procedures("catalog.json"));
        var definitions = await JsonSerializer.DeserializeAsync<List<ProcedureDefinition>>(file, CatalogJson.Options, ct) ?? [];
        var result = await catalog.ImportAsync(definitions, "seed", publish: true, ct);
        if (!result.Succeeded)
        {
            throw new InvalidDataException("The bundled catalogue does not validate: " +
                string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Path} {e.Message}")));
        }
        return result.VersionIds.Count;
    }
}
