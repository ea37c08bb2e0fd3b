namespace MotCua.Web.Features.Dossiers.Data;

/// <summary>
/// The idempotency key of a submission: a double click or a retried request carries the same key, finds
/// this row, and gets the dossier already filed instead of a second one. Written in the filing transaction.
/// </summary>
public sealed class DossierSubmission
{
    public required string IdempotencyKey { get; set; }
    public Guid DossierId { get; set; }
}
