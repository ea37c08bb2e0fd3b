namespace MotCua.Domain.Dossiers;

/// <summary>One request for missing papers (form 02) and its answer; the legal clock stops while it is open.</summary>
public sealed class SupplementRound
{
    // For rehydration by the persistence layer.
    private SupplementRound()
    {
        RequestedBy = "";
        Reason = "";
        Items = [];
    }

    internal SupplementRound(int number, DateTimeOffset requestedAt, string requestedBy, string reason, IReadOnlyList<string> items, DossierStatus resumeTo)
    {
        Number = number;
        RequestedAt = requestedAt;
        RequestedBy = requestedBy;
        Reason = reason;
        Items = [.. items]; // a copy: the caller's list must not change the record
        ResumeTo = resumeTo;
    }

    public int Number { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; }
    public string Reason { get; private set; }
    public IReadOnlyList<string> Items { get; private set; }
    /// <summary>Where the dossier returns when answered: <see cref="DossierStatus.New"/> at reception, else processing.</summary>
    public DossierStatus ResumeTo { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    /// <summary>Working minutes the clock stood still; the due dates moved by exactly this.</summary>
    public decimal PausedWorkingMinutes { get; private set; }

    /// <summary>Asked after acceptance, so it counts for the KPI (reception requests happen before the clock starts).</summary>
    public bool DuringProcessing => ResumeTo != DossierStatus.New;

    internal void Answer(DateTimeOffset at, string by, decimal pausedWorkingMinutes)
    {
        AnsweredAt = at;
        AnsweredBy = by;
        PausedWorkingMinutes = pausedWorkingMinutes;
    }
}

/// <summary>A request to pay fees or taxes (status 6) and its settlement.</summary>
public sealed class PaymentRequest
{
    // For rehydration by the persistence layer.
    private PaymentRequest()
    {
        Reason = "";
    }

    internal PaymentRequest(long amount, string reason, DateTimeOffset requestedAt)
    {
        Amount = amount;
        Reason = reason;
        RequestedAt = requestedAt;
    }

    /// <summary>VND.</summary>
    public long Amount { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public string? PaymentReference { get; private set; }

    internal void Settle(DateTimeOffset at, string reference)
    {
        PaidAt = at;
        PaymentReference = reference;
    }
}
