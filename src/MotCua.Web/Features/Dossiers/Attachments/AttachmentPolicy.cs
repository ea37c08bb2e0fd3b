namespace MotCua.Web.Features.Dossiers.Attachments;

/// <summary>
/// Limits on a dossier's attachments, section "MotCua:Attachments". The defaults fit scanned papers and photos of
/// documents; a city changes them in configuration, not in code.
/// </summary>
public sealed class AttachmentPolicy
{
    public const string Section = "MotCua:Attachments";

    /// <summary>
    /// Accepted by default. TIFF and HEIC are recognised but not accepted: browsers cannot show them, so an officer
    /// could not read them in the back office; scanners save PDF and phones hand the browser JPEG. Old binary
    /// Office files (.doc) stay accepted because many offices still produce them; see docs/adr/0009.
    /// </summary>
    public static readonly IReadOnlyList<FileKind> DefaultAllowed =
        [FileKind.Pdf, FileKind.Jpeg, FileKind.Png, FileKind.Docx, FileKind.Xlsx, FileKind.Doc, FileKind.Odt, FileKind.Ods];

    /// <summary>Kinds no setting can allow: each runs code or markup when opened.</summary>
    private static readonly FileKind[] NeverAllowed =
        [FileKind.Unknown, FileKind.MacroDocument, FileKind.Archive, FileKind.Executable, FileKind.Script, FileKind.Html, FileKind.Svg, FileKind.Xml];

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxFilesPerDossier { get; set; } = 20;

    public int MaxFilesPerDocument { get; set; } = 5;

    /// <summary>Office files with more entries are refused before the archive is read (a real .docx has a few dozen).</summary>
    public int MaxZipEntries { get; set; } = 2000;

    /// <summary>
    /// Null means <see cref="DefaultAllowed"/>. Not pre-filled: the configuration binder appends to a list it
    /// finds filled, so a city that sets "Pdf" would get the defaults plus PDF instead of PDF only.
    /// </summary>
    public FileKind[]? AllowedKinds { get; set; }

    public IReadOnlyList<FileKind> Allowed => (AllowedKinds is { Length: > 0 } ? AllowedKinds : DefaultAllowed).Except(NeverAllowed).ToList();

    public bool Allows(FileKind kind) => !NeverAllowed.Contains(kind) && Allowed.Contains(kind);
}
