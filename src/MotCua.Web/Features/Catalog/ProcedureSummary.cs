using MotCua.Domain.Catalog;

namespace MotCua.Web.Features.Catalog;

/// <summary>What a list of procedures shows, read once per catalogue revision.</summary>
public sealed record ProcedureSummary(
    Guid VersionId, string Code, string Name, string Field, IReadOnlyList<ImplementingLevel> Levels,
    IReadOnlyList<string> UnitKinds, int OnlineLevel, bool FullProcess, bool HasForm, ProcessingTime ProcessingTime,
    long? Fee, IReadOnlyList<string> Agencies);
