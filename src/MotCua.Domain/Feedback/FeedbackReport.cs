namespace MotCua.Domain.Feedback;

/// <summary>A point on the map, WGS 84 degrees.</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180 && double.IsFinite(Latitude) && double.IsFinite(Longitude);
}

/// <summary>Who reported, when not anonymous: a citizen signed in with VNeID (their ID number) or a named Open311 client user.</summary>
public sealed record Reporter
{
    /// <summary>The personal ID number when signed in with VNeID; null for an Open311 account or e-mail only.</summary>
    public string? CitizenId { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

/// <summary>An official answer: what was done, with photos of the result.</summary>
public sealed record FeedbackResponse(string Text, IReadOnlyList<Guid> PhotoIds, string ByName, DateTimeOffset At);

public sealed record FeedbackRating(int Score, string? Comment, DateTimeOffset At);

/// <summary>
/// A citizen's report (phản ánh, kiến nghị): routed to the unit that must answer it, answered on time, visibly, with
/// evidence, and rated. Changes only through the methods below, each recording an event (ADR 0010's pattern).
/// </summary>
public sealed partial class FeedbackReport
{
    private readonly List<FeedbackEvent> _events = [];
    private readonly List<FeedbackResponse> _responses = [];
    private readonly List<Guid> _photoIds = [];

    private FeedbackReport()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>The public number (Open311 service_request_id).</summary>
    public string Number { get; private set; } = "";
    public string CategoryCode { get; private set; } = "";
    public GeoPoint? Location { get; private set; }
    public string? Address { get; private set; }
    /// <summary>The unit the pin falls in (most precise level with a boundary), if any.</summary>
    public Guid? LocatedUnitId { get; private set; }
    public Guid HandlingUnitId { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>What the public sees of the description after moderation (null: not yet moderated, the original is shown).</summary>
    public string? PublishedDescription { get; private set; }
    /// <summary>
    /// Not public: taken off the map and list by a moderator (abuse, personal data that cannot be redacted), or, where the
    /// city moderates before publishing, not yet moderated (<see cref="ModeratedAt"/> null).
    /// </summary>
    public bool Hidden { get; private set; }
    /// <summary>When staff last moderated it; null: never.</summary>
    public DateTimeOffset? ModeratedAt { get; private set; }
    /// <summary>Received and waiting for its first moderation before it is published.</summary>
    public bool AwaitsModeration => Hidden && ModeratedAt is null;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<Guid> PhotoIds => _photoIds;
    /// <summary>Null: reported anonymously.</summary>
    public Reporter? Reporter { get; private set; }
    public FeedbackStatus Status { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When the current round must be answered (received, or reopened, plus the category's time limit).</summary>
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>The first due date, kept for the on-time KPI when a reopened report gets a new one.</summary>
    public DateTimeOffset OriginalDueAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? DuplicateOfId { get; private set; }
    public FeedbackRating? Rating { get; private set; }
    public int ReopenCount { get; private set; }
    /// <summary>Passed its due date open: the supervisor of the handling unit was told.</summary>
    public bool Escalated { get; private set; }
    /// <summary>The due date the handling unit was last reminded of (null: never): one reminder per due date.</summary>
    public DateTimeOffset? RemindedFor { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<FeedbackEvent> Events => _events;
    public IReadOnlyList<FeedbackResponse> Responses => _responses;

    public bool IsAnonymous => Reporter is null;

    public static FeedbackReport Receive(
        Guid id, string number, FeedbackCategory category, GeoPoint? location, string? address, Guid? locatedUnit, Guid handlingUnit,
        string description, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, IReadOnlyList<Guid> photos, Reporter? reporter,
        DateTimeOffset now, DateTimeOffset dueAt, bool moderateBeforePublishing = false)
    {
        if (location is null && string.IsNullOrWhiteSpace(address))
            throw new FeedbackRuleException(FeedbackErrors.Invalid, "Cần vị trí trên bản đồ hoặc địa chỉ.");
        if (location is { IsValid: false }) throw new FeedbackRuleException(FeedbackErrors.Invalid, "Vị trí không hợp lệ.");
        if (string.IsNullOrWhiteSpace(description)) throw new FeedbackRuleException(FeedbackErrors.Invalid, "Cần mô tả vấn đề.");
        var problems = CategoryAnswers.Problems(category, answers);
        if (problems.Count > 0) throw new FeedbackRuleException(FeedbackErrors.Invalid, problems[0].Problem);
        var report = new FeedbackReport
        {
            Id = id, Number = number, CategoryCode = category.Code, Location = location, Address = address?.Trim(),
            LocatedUnitId = locatedUnit, HandlingUnitId = handlingUnit, Description = description.Trim(), Answers = answers,
            Reporter = reporter, Status = FeedbackStatus.New, ReceivedAt = now, DueAt = dueAt, OriginalDueAt = dueAt,
            // Where the city moderates first, a report is published by its first moderation, not on arrival.
            Hidden = moderateBeforePublishing,
        };
        report._photoIds.AddRange(photos);
        report.Record(FeedbackEventType.Received, reporter?.CitizenId ?? "anonymous", reporter?.Name ?? "Người dân", now, FeedbackStatus.New,
            publicText: "Phản ánh đã được tiếp nhận.", toUnit: handlingUnit);
        return report;
    }

    public void Acknowledge(string actorId, string actorName, DateTimeOffset now)
    {
        RequireStatus("tiếp nhận xử lý", FeedbackStatus.New);
        Record(FeedbackEventType.Acknowledged, actorId, actorName, now, FeedbackStatus.Acknowledged, publicText: "Đơn vị đã tiếp nhận xử lý.");
    }

    public void Start(string actorId, string actorName, DateTimeOffset now)
    {
        RequireStatus("bắt đầu xử lý", FeedbackStatus.New, FeedbackStatus.Acknowledged);
        Record(FeedbackEventType.Started, actorId, actorName, now, FeedbackStatus.InProgress, publicText: "Đang xử lý.");
    }

    /// <summary>
    /// Not ours: sent to the unit that must answer, with the reason, and the clock keeps running (the citizen waited
    /// all along). The report starts as new at its new unit.
    /// </summary>
    public void Reroute(Guid toUnit, string reason, string actorId, string actorName, DateTimeOffset now)
    {
        RequireOpen("chuyển đơn vị xử lý");
        var why = RequireReason(reason);
        if (toUnit == HandlingUnitId) throw new FeedbackRuleException(FeedbackErrors.SameUnit, "Phản ánh đã thuộc đơn vị này.");
        var from = HandlingUnitId;
        HandlingUnitId = toUnit;
        Escalated = false;
        Record(FeedbackEventType.Rerouted, actorId, actorName, now, FeedbackStatus.New, reason: why,
            publicText: "Phản ánh được chuyển đến đơn vị có thẩm quyền xử lý.", fromUnit: from, toUnit: toUnit);
    }

    /// <summary>Closing as resolved needs a real answer and at least one photo of the result (iHanoi's users asked for both).</summary>
    public void Resolve(string answer, IReadOnlyList<Guid> photos, string actorId, string actorName, DateTimeOffset now)
    {
        RequireOpen("trả lời phản ánh");
        if (string.IsNullOrWhiteSpace(answer) || answer.Trim().Length < 20)
            throw new FeedbackRuleException(FeedbackErrors.AnswerRequired, "Câu trả lời cần nói rõ đã làm gì (ít nhất 20 ký tự).");
        if (photos.Count == 0) throw new FeedbackRuleException(FeedbackErrors.PhotoRequired, "Cần ít nhất một ảnh kết quả xử lý.");
        _responses.Add(new FeedbackResponse(answer.Trim(), [.. photos], actorName, now));
        ClosedAt = now;
        Record(FeedbackEventType.Resolved, actorId, actorName, now, FeedbackStatus.Resolved, publicText: answer.Trim());
    }

    public void Reject(string reason, string actorId, string actorName, DateTimeOffset now)
    {
        RequireOpen("từ chối phản ánh");
        var why = RequireReason(reason);
        ClosedAt = now;
        Record(FeedbackEventType.Rejected, actorId, actorName, now, FeedbackStatus.Rejected, reason: why, publicText: "Không xử lý: " + why);
    }

    public void MarkDuplicateOf(FeedbackReport original, string actorId, string actorName, DateTimeOffset now)
    {
        RequireOpen("đánh dấu trùng");
        if (original.Id == Id) throw new FeedbackRuleException(FeedbackErrors.Invalid, "Phản ánh không thể trùng với chính nó.");
        DuplicateOfId = original.Id;
        ClosedAt = now;
        Record(FeedbackEventType.MarkedDuplicate, actorId, actorName, now, FeedbackStatus.Duplicate,
            reason: original.Number, publicText: $"Trùng với phản ánh {original.Number}; theo dõi kết quả ở đó.");
    }
}
