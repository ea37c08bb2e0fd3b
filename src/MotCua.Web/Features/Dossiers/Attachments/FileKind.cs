namespace MotCua.Web.Features.Dossiers.Attachments;

/// <summary>
/// What a file really is, from its bytes. The kinds after <see cref="Ods"/> are only named so that a refusal can
/// tell the applicant what the file turned out to be; they are never accepted.
/// </summary>
public enum FileKind
{
    Unknown,
    Pdf,
    Jpeg,
    Png,
    Tiff,
    Heic,
    Docx,
    Xlsx,
    Pptx,
    Doc,
    Odt,
    Ods,
    MacroDocument,
    Archive,
    Executable,
    Script,
    Html,
    Svg,
    Xml,
}

public static class FileKinds
{
    /// <summary>The content type we serve the file with: ours, from the bytes, never the one the browser declared.</summary>
    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Tiff => "image/tiff",
        FileKind.Heic => "image/heic",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        FileKind.Doc => "application/msword",
        FileKind.Odt => "application/vnd.oasis.opendocument.text",
        FileKind.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "application/octet-stream",
    };

    /// <summary>Extensions a file of this kind may carry; the first is added to a download name that has none of them.</summary>
    public static IReadOnlyList<string> Extensions(FileKind kind) => kind switch
    {
        FileKind.Pdf => [".pdf"],
        FileKind.Jpeg => [".jpg", ".jpeg", ".jpe", ".jfif"],
        FileKind.Png => [".png"],
        FileKind.Tiff => [".tif", ".tiff"],
        FileKind.Heic => [".heic", ".heif"],
        FileKind.Docx => [".docx"],
        FileKind.Xlsx => [".xlsx"],
        FileKind.Pptx => [".pptx"],
        // OLE compound files are Word, Excel or PowerPoint 97-2003; the sniffer does not walk the container to tell which.
        FileKind.Doc => [".doc", ".xls", ".ppt"],
        FileKind.Odt => [".odt"],
        FileKind.Ods => [".ods"],
        _ => [".bin"],
    };

    /// <summary>UI string key of the kind's name, e.g. files.kind.pdf.</summary>
    public static string TextKey(FileKind kind) => "files.kind." + kind.ToString().ToLowerInvariant();
}
