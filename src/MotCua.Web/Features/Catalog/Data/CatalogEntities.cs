namespace MotCua.Web.Features.Catalog.Data;

public sealed class Procedure
{
    public Guid Id { get; set; }
    public required string NationalCode { get; set; }
    /// <summary>The version citizens see and file under; null until the first publication or after retirement.</summary>
    public Guid? PublishedVersionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ProcedureVersion> Versions { get; set; } = [];
}

public enum VersionStatus { Draft, Published, Superseded, Retired }

/// <summary>
/// One version of a procedure. The definition is stored whole as JSON (the catalogue's own format) and never
/// changes once published; the columns beside it are copies for listing and filtering.
/// </summary>
public sealed class ProcedureVersion
{
    public Guid Id { get; set; }
    public Guid ProcedureId { get; set; }
    public int Number { get; set; }
    public VersionStatus Status { get; set; }
    public required string Name { get; set; }
    public required string Field { get; set; }
    /// <summary>Levels and unit kinds as "|province|commune|" strings, so a LIKE filter works on both databases.</summary>
    public required string Levels { get; set; }
    public required string UnitKinds { get; set; }
    public int OnlineLevel { get; set; }
    public bool FullProcess { get; set; }
    public bool HasForm { get; set; }
    public required string DefinitionJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

/// <summary>A single row whose revision goes up with every publication, so each instance knows when to rebuild its search index.</summary>
public sealed class CatalogState
{
    public int Id { get; set; } = 1;
    public long Revision { get; set; }
}
