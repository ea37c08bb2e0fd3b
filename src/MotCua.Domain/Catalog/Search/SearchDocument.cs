namespace MotCua.Domain.Catalog.Search;

/// <summary>
/// What the catalogue search knows of one procedure.
/// </summary>
/// <param name="Code">National code, e.g. <c>1.001193</c>; typing it finds the procedure first.</param>
/// <param name="Name">The official name, which weighs most.</param>
/// <param name="Field">The field (lĩnh vực), e.g. "Hộ tịch".</param>
/// <param name="Keywords">Further text that describes it (agencies, result documents, local code), weighing least.</param>
public sealed record SearchDocument(Guid Id, string Code, string Name, string Field, IReadOnlyList<string> Keywords);

/// <summary>A procedure found, with its score: higher is better; scores only compare within one search.</summary>
public readonly record struct SearchHit(Guid Id, double Score);
