using MotCua.Domain.Payments;

namespace MotCua.Web.Features.Payments.Data;

/// <summary>
/// The fee fixed when the dossier was filed (from the rules of the procedure version it was filed under and its
/// answers), with its lines as JSON, and the exemption if any. One row per dossier, keyed by its id.
/// </summary>
public sealed class DossierFee
{
    public Guid DossierId { get; set; }
    public long Total { get; set; }
    /// <summary>The <see cref="FeeLine"/>s, as JSON (shown on the receipt and the dossier's payment page).</summary>
    public string Lines { get; set; } = "[]";
    public bool Complete { get; set; }
    public DateTimeOffset FixedAt { get; set; }
    public ExemptionState Exemption { get; set; }
    public string? ExemptionReason { get; set; }
    /// <summary>Who recorded or confirmed the exemption (staff id and name); null while only claimed.</summary>
    public string? ExemptedBy { get; set; }
    public DateTimeOffset? ExemptedAt { get; set; }
}

public enum PaymentOrderStatus { Due = 0, Paid = 1, Exempt = 2, Refunded = 3 }

public enum PaymentMethod { None = 0, Online = 1, Counter = 2 }

/// <summary>
/// Something the applicant must pay on one dossier: the filing fee (<see cref="RequestIndex"/> -1) or an officer's
/// status-6 request (its index among the dossier's payment requests). Paid once: only an update from
/// <see cref="PaymentOrderStatus.Due"/> counts, so a second confirmation finds nothing to change.
/// </summary>
public sealed class PaymentOrder
{
    public const int FilingFee = -1;

    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public int RequestIndex { get; set; }
    public long Amount { get; set; }
    public required string Description { get; set; }
    public PaymentOrderStatus Status { get; set; }
    public PaymentMethod Method { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    /// <summary>The gateway's transaction reference (vnp_TxnRef) or the counter receipt's number.</summary>
    public string? Reference { get; set; }
}

public enum AttemptStatus { Pending = 0, Succeeded = 1, Failed = 2 }

/// <summary>One trip to the gateway for an order, with its own vnp_TxnRef and what the gateway said about it.</summary>
public sealed class PaymentAttempt
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public required string TxnRef { get; set; }
    public long Amount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public AttemptStatus Status { get; set; }
    public string? ResponseCode { get; set; }
    public string? TransactionStatus { get; set; }
    public string? GatewayTransactionNo { get; set; }
    public string? BankCode { get; set; }
    /// <summary>vnp_PayDate as the gateway sent it (yyyyMMddHHmmss, GMT+7).</summary>
    public string? PayDate { get; set; }
    public DateTimeOffset? SettledAt { get; set; }
    /// <summary>How the outcome arrived: "ipn" or "querydr" (the reconciliation).</summary>
    public string? SettledBy { get; set; }
    public DateTimeOffset? LastQueriedAt { get; set; }
    public int Queries { get; set; }
}

/// <summary>A receipt for a paid order: numbered in a yearly sequence, one per order.</summary>
public sealed class PaymentReceipt
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid DossierId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public required string Number { get; set; }
    public long Amount { get; set; }
    public PaymentMethod Method { get; set; }
    public required string PayerName { get; set; }
    public required string Description { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
}

public enum RefundStatus { Recorded = 0, Sent = 1, Refunded = 2, Failed = 3 }

/// <summary>Money to give back for a paid order of a dossier that was refused or rejected; one per order.</summary>
public sealed class PaymentRefund
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid DossierId { get; set; }
    public long Amount { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public RefundStatus Status { get; set; }
    /// <summary>The gateway's answer to the refund command (online payments), or null for cash.</summary>
    public string? GatewayResponseCode { get; set; }
}
