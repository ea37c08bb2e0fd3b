using MotCua.Domain.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The dossier as the JSON API shows it: a summary for the applicant and the public, everything for staff.</summary>
public static class DossierJson
{
    public static object Summary(Dossier d, bool withHistory = false) =>
        Summary(d.Id, d.Reference, d.Code, d.ProcedureCode, d.Channel, d.Status, d.Version, d.SubmittedAt, d.ReceivedAt,
            d.AppointmentAt ?? d.DueAt, withHistory ? d.PublicHistory().OrderBy(h => h.At) : null);

    /// <summary>The public lookup's answer: the summary with the public history.</summary>
    public static object Summary(Lookup.PublicDossier d) =>
        Summary(d.Id, d.Reference, d.Code, d.ProcedureCode, d.Channel, d.Status, d.Version, d.SubmittedAt, d.ReceivedAt, d.AppointmentAt, d.History);

    private static object Summary(Guid id, string reference, string? code, string procedureCode, Domain.Catalog.Channel channel, DossierStatus status,
        int version, DateTimeOffset submittedAt, DateTimeOffset? receivedAt, DateTimeOffset? dueAt, IEnumerable<PublicHistoryEntry>? history) => new
    {
        id,
        reference,
        code,
        procedureCode,
        channel = ChannelCode.Of(channel),
        status = (int)status,
        statusName = status.VietnameseName(),
        version,
        submittedAt = VietnamTime.Iso(submittedAt),
        receivedAt = VietnamTime.Iso(receivedAt),
        dueAt = VietnamTime.Iso(dueAt),
        history = history?.Select(h => new { at = VietnamTime.Iso(h.At), status = (int)h.Status, statusName = h.StatusName, text = h.Text }),
    };

    /// <summary>The staff view: tasks, every event with actor and reason, supplement rounds, apologies, payments, results.</summary>
    public static object Staff(Dossier d, DateTimeOffset now) => new
    {
        summary = Summary(d),
        receivingUnitId = d.ReceivingUnitId,
        owner = new { kind = d.Owner.Kind.ToString(), fullName = d.Owner.FullName, idNumber = d.Owner.IdNumber, phone = d.Owner.Phone, email = d.Owner.Email, address = d.Owner.Address },
        legalDueAt = VietnamTime.Iso(d.DueAt),
        dueAtAdjusted = VietnamTime.Iso(d.DueAtAdjusted),
        overdue = d.IsOverdue(now),
        decision = d.Decision.ToString(),
        decisionReason = d.DecisionReason,
        tasks = d.Tasks.Select(t => new
        {
            id = t.Id, kind = t.Kind.ToString(), step = t.StepKey, unitId = t.UnitId, role = t.Role.ToString(),
            assigneeId = t.AssigneeId, assignee = t.AssigneeName, startedAt = VietnamTime.Iso(t.StartedAt), stepDueAt = VietnamTime.Iso(t.StepDueAt),
            completedAt = VietnamTime.Iso(t.CompletedAt), late = t.IsLate(now), question = t.Question, outcome = t.Outcome,
        }),
        events = d.Events.OrderBy(e => e.Sequence).Select(e => new
        {
            sequence = e.Sequence, at = VietnamTime.Iso(e.At), type = e.Type.ToString(), actor = e.ActorName, actorKind = e.ActorKind.ToString(),
            reason = e.Reason, publicText = e.PublicText, fromStatus = (int?)e.FromStatus, toStatus = (int)e.ToStatus, details = e.Details,
        }),
        controlSlip = d.ProcessingControlSlip(),
        supplements = d.SupplementRounds.Select(r => new
        {
            round = r.Number, requestedAt = VietnamTime.Iso(r.RequestedAt), requestedBy = r.RequestedBy, reason = r.Reason, items = r.Items,
            answeredAt = VietnamTime.Iso(r.AnsweredAt), pausedWorkingMinutes = r.PausedWorkingMinutes,
        }),
        apologies = d.ApologySlips.Select(a => new { a.Reason, oldAppointment = VietnamTime.Iso(a.OldAppointment), newAppointment = VietnamTime.Iso(a.NewAppointment), issuedAt = VietnamTime.Iso(a.IssuedAt), a.IssuedBy }),
        payments = d.Payments,
        attachments = d.Attachments.Select(a => new { a.DocumentKey, a.FileId, a.FileName, a.ContentType, a.Size, a.Sha256 }),
        results = d.ResultDocuments,
        rating = d.Rating,
    };
}
