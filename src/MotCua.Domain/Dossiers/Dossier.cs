using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

/// <summary>What the applicant filed: the web layer checks the form and stores the files first.</summary>
public sealed record DossierFiling
{
    public required string ProcedureCode { get; init; }
    public required Guid ProcedureVersionId { get; init; }
    public required Guid ReceivingUnitId { get; init; }
    public required Applicant Owner { get; init; }
    /// <summary>Who filed; the owner when null (a person filing for themself).</summary>
    public Applicant? FiledBy { get; init; }
    /// <summary>The form answers as JSON; the domain keeps them opaque.</summary>
    public string Answers { get; init; } = "{}";
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}

/// <summary>
/// A dossier (hồ sơ) from filing to result. It changes only through its methods, each of which checks
/// the rule, changes the state, appends an event and raises <see cref="Version"/> by one. The status is
/// the national code; the open tasks say who has it inside. Split by phase over the Dossier.*.cs files.
/// </summary>
public sealed partial class Dossier
{
    private readonly List<Attachment> _attachments = [];
    private readonly List<DossierTask> _tasks = [];
    private readonly List<DossierEvent> _events = [];
    private readonly List<SupplementRound> _supplements = [];
    private readonly List<ApologySlip> _apologies = [];
    private readonly List<PaymentRequest> _payments = [];
    private readonly List<ResultDocumentRef> _results = [];

    // For rehydration by the persistence layer: properties and the backing lists are set from storage.
    private Dossier()
    {
        Reference = "";
        ProcedureCode = "";
        Answers = "{}";
        Owner = null!;
        FiledBy = null!;
    }

    private Dossier(Guid id, string reference, DossierFiling filing, Channel channel, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(filing);
        foreach (var applicant in new[] { filing.Owner, filing.FiledBy }.OfType<Applicant>())
        {
            if (applicant.Problems() is { Count: > 0 } problems)
            {
                throw new DossierRuleException(DossierErrors.ApplicantInvalid, $"Thông tin người nộp không hợp lệ: {string.Join(", ", problems)}.");
            }
        }

        Id = id;
        Reference = reference;
        ProcedureCode = filing.ProcedureCode;
        ProcedureVersionId = filing.ProcedureVersionId;
        ReceivingUnitId = filing.ReceivingUnitId;
        Channel = channel;
        Owner = filing.Owner;
        FiledBy = filing.FiledBy ?? filing.Owner;
        Answers = filing.Answers;
        _attachments.AddRange(filing.Attachments);
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>Given before acceptance (an online dossier has no legal code yet); kept afterwards.</summary>
    public string Reference { get; private set; }
    /// <summary>The legal <see cref="DossierCode"/>, null until accepted.</summary>
    public string? Code { get; private set; }
    public string ProcedureCode { get; private set; }
    /// <summary>The catalogue version the dossier was filed under; its workflow drives processing.</summary>
    public Guid ProcedureVersionId { get; private set; }
    public Guid ReceivingUnitId { get; private set; }
    public Channel Channel { get; private set; }
    public Applicant Owner { get; private set; }
    public Applicant FiledBy { get; private set; }
    public string Answers { get; private set; }
    public IReadOnlyList<Attachment> Attachments => _attachments;

    public DossierStatus Status { get; private set; }
    /// <summary>Raised by one for every applied change; the web layer compares it to detect a conflict.</summary>
    public int Version { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    /// <summary>When the legal clock started, after the afternoon cut-off rule.</summary>
    public DateTimeOffset? CountsFrom { get; private set; }
    /// <summary>The original due date: never moved, the KPI judges against it (plus supplement pauses).</summary>
    public DateTimeOffset? DueAt { get; private set; }
    /// <summary>The due date moved by every supplement pause; what the handlers work towards.</summary>
    public DateTimeOffset? DueAtAdjusted { get; private set; }
    /// <summary>The date promised to the applicant: moved by supplement pauses and by apology slips.</summary>
    public DateTimeOffset? AppointmentAt { get; private set; }
    /// <summary>The legal time in working minutes, from <see cref="CountsFrom"/> to <see cref="DueAt"/>; steps take shares of it.</summary>
    public decimal LegalWorkingMinutes { get; private set; }
    public DateTimeOffset? RefusedAt { get; private set; }
    public DateTimeOffset? StoppedAt { get; private set; }
    public DateTimeOffset? ProcessingFinishedAt { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public Channel? ReturnChannel { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public Decision Decision { get; private set; }
    public string? DecisionReason { get; private set; }
    public IReadOnlyList<ResultDocumentRef> ResultDocuments => _results;
    public Rating? Rating { get; private set; }

    public IReadOnlyList<DossierTask> Tasks => _tasks;
    public IReadOnlyList<DossierEvent> Events => _events;
    public IReadOnlyList<SupplementRound> SupplementRounds => _supplements;
    public IReadOnlyList<ApologySlip> ApologySlips => _apologies;
    public IReadOnlyList<PaymentRequest> Payments => _payments;

    /// <summary>The open task of the current workflow step, if processing.</summary>
    public DossierTask? MainTask => _tasks.LastOrDefault(t => t.Kind == TaskKind.Main && t.IsOpen);

    public IEnumerable<DossierTask> OpenConsultations => _tasks.Where(t => t.Kind == TaskKind.Consultation && t.IsOpen);

    /// <summary>Filed online by the applicant: status 1 until the counter accepts, refuses or asks for more.</summary>
    public static Dossier SubmitOnline(Guid id, string reference, DossierFiling filing, Actor applicant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var dossier = new Dossier(id, reference, filing, Channel.Online, now);
        dossier.BeginChange();
        dossier.Record(DossierEventType.Submitted, applicant, now, DossierStatus.New,
            publicText: "Hồ sơ đã được nộp trực tuyến, đang chờ tiếp nhận.");
        return dossier;
    }

    /// <summary>
    /// Received at the counter or by post: the officer has checked it is complete, so it is accepted at
    /// once (statuses 2 then 4), with its code and due date.
    /// </summary>
    public static Dossier Receive(
        Guid id, string reference, DossierFiling filing, Channel channel, DossierCode code, Calendar.DeadlineResult deadline,
        ProcessingContext context, Actor officer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (channel == Channel.Online)
        {
            throw new ArgumentException("Online dossiers are submitted, then accepted.", nameof(channel));
        }

        var dossier = new Dossier(id, reference, filing, channel, now);
        dossier.AcceptCore(code, deadline, context, officer, now, DossierEventType.Received);
        return dossier;
    }

    /// <summary>Refuses the change when someone else changed the dossier since the caller read it.</summary>
    public void EnsureVersion(int expected)
    {
        if (expected != Version)
        {
            throw new DossierRuleException(DossierErrors.VersionConflict,
                "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.");
        }
    }

    private void BeginChange() => Version++;

    private DossierEvent Record(
        DossierEventType type, Actor actor, DateTimeOffset at, DossierStatus to,
        string? reason = null, string? publicText = null, Guid? taskId = null, string? details = null, Handover? handover = null)
    {
        var entry = new DossierEvent
        {
            Sequence = _events.Count + 1,
            At = at,
            Type = type,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Reason = reason,
            PublicText = publicText,
            FromStatus = _events.Count == 0 ? null : Status,
            ToStatus = to,
            TaskId = taskId,
            Details = details,
            Handover = handover,
        };
        _events.Add(entry);
        Status = to;
        return entry;
    }

    private void RequireStatus(string action, params DossierStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw DossierErrors.Status(Status, action);
        }
    }

    private static string RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DossierRuleException(DossierErrors.ReasonRequired, "Cần ghi rõ lý do.");
        }

        return reason.Trim();
    }

    private static string Day(DateTimeOffset at) =>
        at.ToOffset(Calendar.WorkingCalendar.VietnamOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
