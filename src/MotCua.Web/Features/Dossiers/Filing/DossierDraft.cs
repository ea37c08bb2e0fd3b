namespace MotCua.Web.Features.Dossiers.Filing;

/// <summary>
/// A dossier the citizen is still filling in, saved on every step so it can be resumed after a new sign-in or on
/// another device. It is not a dossier: it has no status, no events and no notices; filing turns it into one and
/// removes it in the same transaction (docs/adr/0012).
/// </summary>
public sealed class DossierDraft
{
    public Guid Id { get; set; }
    /// <summary>The 12-digit personal ID number of the citizen who owns it; nobody else can see it.</summary>
    public required string OwnerIdNumber { get; set; }
    public required string ProcedureCode { get; set; }
    public Guid? ReceivingUnitId { get; set; }
    /// <summary>The form answers so far as a JSON object, also values that did not pass yet (kept as typed).</summary>
    public string Answers { get; set; } = "{}";
    /// <summary>The wizard page the citizen reached last (0 = receiving unit), where "resume" opens.</summary>
    public int Step { get; set; }
    /// <summary>Generated when the draft starts: submitting twice (double click, retried request) files once.</summary>
    public required string IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<DraftAttachment> Attachments { get; set; } = [];
}

/// <summary>A file already checked and stored for one required document of a draft.</summary>
public sealed class DraftAttachment
{
    public Guid FileId { get; set; }
    public Guid DraftId { get; set; }
    public required string DocumentKey { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    public Domain.Dossiers.Attachment ToAttachment() => new(DocumentKey, FileId, FileName, ContentType, Size, Sha256);
}
