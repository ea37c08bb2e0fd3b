namespace MotCua.Domain.Dossiers;

/// <summary>A stored file for one required document; the web layer checks and stores the bytes.</summary>
public sealed record Attachment(string DocumentKey, Guid FileId, string FileName, string ContentType, long Size, string Sha256);

/// <summary>A result document (decision, certificate, refusal letter) produced at the end of processing.</summary>
public sealed record ResultDocumentRef(string Name, Guid FileId);

/// <summary>The apology and new appointment (form 04).</summary>
public sealed record ApologySlip(string Reason, DateTimeOffset OldAppointment, DateTimeOffset NewAppointment, DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>The applicant's rating of the service after the result was returned.</summary>
public sealed record Rating(int Score, string? Comment, DateTimeOffset At);

/// <summary>The decision of the examination; a refusal still ends with a written result (see <see cref="Dossier.Reject"/>).</summary>
public enum Decision
{
    None,
    Approved,
    Rejected,
}

/// <summary>Trước hạn, đúng hạn, quá hạn.</summary>
public enum OutcomeClass
{
    Early,
    OnTime,
    Late,
}
