namespace MotCua.Web.Features.Documents;

/// <summary>
/// One printed form (slip) as content only: the HTML page and the PDF are both drawn from it, so the paper a
/// citizen is handed and the page an officer prints can never say different things.
/// </summary>
public sealed record SlipDocument
{
    /// <summary>The form's number in Circular 01/2018/TT-VPCP ("01" … "05").</summary>
    public required string FormNumber { get; init; }
    /// <summary>The issuing unit, printed top left as official letters are.</summary>
    public required string Issuer { get; init; }
    public required string Title { get; init; }
    /// <summary>Printed under the title, e.g. the dossier code.</summary>
    public string? Subtitle { get; init; }
    public required IReadOnlyList<SlipBlock> Blocks { get; init; }
    /// <summary>Who signs, left to right (role, name); empty for a slip without signatures.</summary>
    public IReadOnlyList<SlipSigner> Signers { get; init; } = [];
    /// <summary>The absolute address the QR code opens; none when null.</summary>
    public string? QrUrl { get; init; }
    public string? QrCaption { get; init; }
    /// <summary>For Content-Disposition, ASCII only (e.g. "mau-01-000.01.60.H26-261124-0001.pdf").</summary>
    public required string FileName { get; init; }
}

public sealed record SlipSigner(string Role, string? Name);

/// <summary>A piece of a slip's body, in reading order.</summary>
public abstract record SlipBlock;

/// <summary>"Label: value" on one line (wrapped when long).</summary>
public sealed record SlipField(string Label, string Value) : SlipBlock;

public sealed record SlipParagraph(string Text) : SlipBlock;

public sealed record SlipHeading(string Text) : SlipBlock;

/// <summary>A numbered list (the papers to supplement, for instance).</summary>
public sealed record SlipList(IReadOnlyList<string> Items) : SlipBlock;

/// <summary>A table with relative column widths (form 05's hand-overs).</summary>
public sealed record SlipTable(IReadOnlyList<string> Columns, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<string>> Rows) : SlipBlock;
