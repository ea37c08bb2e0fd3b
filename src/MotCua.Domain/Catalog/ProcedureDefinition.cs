using System.Text.Json.Nodes;

namespace MotCua.Domain.Catalog;

/// <summary>
/// One version of an administrative procedure (thủ tục hành chính) as the catalogue publishes it.
/// It is also the catalogue's import/export format (camelCase JSON), so a city can move its catalogue
/// between installations. A published version is never edited: a change makes a new version.
/// </summary>
public sealed record ProcedureDefinition
{
    /// <summary>National code from the national database of procedures, e.g. <c>1.001193</c>.</summary>
    public required string NationalCode { get; init; }

    /// <summary>The city's own variant code, e.g. <c>1.001193.000.00.00.H26</c>; optional.</summary>
    public string? LocalCode { get; init; }

    public required string Name { get; init; }

    /// <summary>Field (lĩnh vực), e.g. "Hộ tịch".</summary>
    public required string Field { get; init; }

    /// <summary>Levels that implement it; after 1 July 2025 usually Province and/or Commune.</summary>
    public IReadOnlyList<ImplementingLevel> Levels { get; init; } = [];

    /// <summary>Kinds of unit that may receive it (ward, commune, department…).</summary>
    public IReadOnlyList<string> UnitKinds { get; init; } = [];

    /// <summary>Agencies as the national catalogue names them (free text).</summary>
    public IReadOnlyList<string> ImplementingAgencies { get; init; } = [];

    /// <summary>Who may apply: citizen and/or organisation.</summary>
    public IReadOnlyList<ApplicantKind> Applicants { get; init; } = [];

    /// <summary>Who may apply, as the national catalogue words it.</summary>
    public string? TargetSubjects { get; init; }

    /// <summary>Conditions (yêu cầu, điều kiện).</summary>
    public string? Requirements { get; init; }

    public IReadOnlyList<RequiredDocument> Documents { get; init; } = [];

    /// <summary>The online form: JSON Schema plus UI hints; null when the procedure cannot be filed online.</summary>
    public FormDefinition? Form { get; init; }

    public required ProcessingTime ProcessingTime { get; init; }

    public IReadOnlyList<FeeRule> Fees { get; init; } = [];

    public IReadOnlyList<ResultDocument> Results { get; init; } = [];

    public required OnlineLevel OnlineLevel { get; init; }

    public IReadOnlyList<Channel> ReceiveChannels { get; init; } = [];

    public IReadOnlyList<Channel> ReturnChannels { get; init; } = [];

    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];

    /// <summary>Internal processing steps; required before the version can be published.</summary>
    public WorkflowDefinition? Workflow { get; init; }

    /// <summary>Where the data came from (portal page, crawl), for the record.</summary>
    public string? Source { get; init; }
}

public enum ImplementingLevel { Province, District, Commune }

public enum ApplicantKind { Citizen, Organization }

public enum Channel { Counter, Online, Post }

public sealed record RequiredDocument
{
    /// <summary>Stable key within the version (kebab-case), used by attachments.</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    /// <summary>Case heading, e.g. "Trường hợp ủy quyền"; null when the document applies to every case.</summary>
    public string? Group { get; init; }
    public int Originals { get; init; }
    public int Copies { get; init; }
    public bool Mandatory { get; init; } = true;
    /// <summary>Relative URL or file name of the blank template (mẫu đơn, tờ khai).</summary>
    public string? TemplateFile { get; init; }
}

public sealed record FormDefinition
{
    /// <summary>A JSON Schema (draft 2020-12 subset) describing the answers.</summary>
    public required JsonObject Schema { get; init; }

    /// <summary>One topic per page: each step lists the schema properties it asks.</summary>
    public IReadOnlyList<FormStep> Steps { get; init; } = [];
}

public sealed record FormStep
{
    public required string Title { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
}

public enum TimeUnit { WorkingDays, WorkingHours }

public sealed record ProcessingTime
{
    public required decimal Value { get; init; }
    public TimeUnit Unit { get; init; } = TimeUnit.WorkingDays;
    /// <summary>The legal wording, e.g. "03 ngày làm việc kể từ ngày nhận đủ hồ sơ".</summary>
    public string? Note { get; init; }
}

public enum FeeKind { Fixed, PerCopy, Table }

public sealed record FeeRule
{
    public required string Name { get; init; }
    public FeeKind Kind { get; init; } = FeeKind.Fixed;
    /// <summary>VND. For <see cref="FeeKind.PerCopy"/> the amount per copy.</summary>
    public long Amount { get; init; }
    /// <summary>Form field that gives the number of copies or the table key.</summary>
    public string? Field { get; init; }
    public IReadOnlyList<FeeTableRow> Table { get; init; } = [];
    public string? Note { get; init; }
}

public sealed record FeeTableRow
{
    public required string Value { get; init; }
    public long Amount { get; init; }
}

public sealed record ResultDocument
{
    public required string Name { get; init; }
    public string? Code { get; init; }
    /// <summary>True when the result is a document that can be issued electronically.</summary>
    public bool Electronic { get; init; } = true;
}

/// <summary>
/// Online service level. Decree 43/2011 counted levels 1–4; Decree 42/2022 says full-process (toàn trình)
/// or partial (một phần). Both are kept: level 4 maps to full-process, levels 1–3 to partial.
/// </summary>
public sealed record OnlineLevel
{
    public int Level { get; init; } = 2;
    public bool FullProcess { get; init; }
}

public sealed record LegalBasis
{
    public string? Number { get; init; }
    public required string Title { get; init; }
}
