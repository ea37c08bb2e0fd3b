#!/usr/bin/env dotnet
// Builds src/MotCua.Web/Seed/procedures/catalog.json from the national portal data (procedures.json)
// and the city's hand-written enrichment next to the catalogue. Run by hand; the output is committed,
// so the product never reads the source data. Usage:
//   dotnet run tools/seed/BuildProcedureCatalog.cs -- <procedures.json> <out dir>
// where <out dir> holds enrichment/ and receives catalog.json.
#:project ../../src/MotCua.Domain/MotCua.Domain.csproj
// File-based programs default to native AOT, whose analyzers reject the reflection-based JSON
// serialisation the catalogue options use; a by-hand tool has no need for AOT.
#:property PublishAot=false
#:include SourceConversion.cs
#:include SourceDocuments.cs
#:include Slug.cs
#:include Enrichment.cs
#:include FormComposer.cs

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Catalog;

if (args.Length != 2)
{
    Console.Error.WriteLine("Cách dùng: dotnet run tools/seed/BuildProcedureCatalog.cs -- <procedures.json> <thư mục ra>");
    return 2;
}

var (sourcePath, outDir) = (args[0], args[1]);
var source = JsonNode.Parse(File.ReadAllText(sourcePath))!.AsArray().OfType<JsonObject>().ToList();
var enrichment = Enrichment.Load(Path.Combine(outDir, "enrichment"));

var sourceCodes = source.Select(s => (string)s["code"]!).ToHashSet(StringComparer.Ordinal);
var unknown = enrichment.Codes.Where(c => !sourceCodes.Contains(c)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Enrichment nhắc tới mã không có trong nguồn: {string.Join(", ", unknown)}");
    return 1;
}

var catalog = new List<ProcedureDefinition>();
var failed = false;
foreach (var record in source)
{
    var definition = enrichment.Apply(SourceConversion.Convert(record));
    // The catalogue is only useful if every entry can be published as it is.
    foreach (var error in ProcedureValidator.Validate(definition, forPublishing: true))
    {
        Console.Error.WriteLine($"{definition.NationalCode} {error.Path}: {error.Message}");
        failed = true;
    }

    catalog.Add(definition);
}

if (failed)
{
    return 1;
}

var json = JsonSerializer.Serialize(catalog, CatalogJson.Indented);
await File.WriteAllTextAsync(Path.Combine(outDir, "catalog.json"), json + "\n");

var byLevel = catalog
    .GroupBy(d => (d.OnlineLevel.Level, d.OnlineLevel.FullProcess))
    .OrderBy(g => g.Key)
    .Select(g => string.Create(CultureInfo.InvariantCulture, $"mức {g.Key.Level}{(g.Key.FullProcess ? " toàn trình" : "")}: {g.Count()}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{catalog.Count} thủ tục, {catalog.Count(d => d.Form is not null)} có tờ khai trực tuyến; {string.Join(", ", byLevel)}."));
return 0;
