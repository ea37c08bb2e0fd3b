using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Audit;

/// <summary>How actions on and reads of dossiers are written in the log: the object, its units, the reason.</summary>
public static class DossierRecords
{
    /// <summary>Purposes of the reads, as a supervisor reads them back.</summary>
    public const string View = "xem hồ sơ";
    public const string Slip = "in phiếu";
    public const string File = "tải tệp của hồ sơ";
    public const string Listing = "xem danh sách hồ sơ";

    /// <summary>Where the dossier was received and every unit that held a task: the units that see it.</summary>
    public static IReadOnlyCollection<Guid> Units(Dossier d) => [.. d.Tasks.Select(t => t.UnitId).Append(d.ReceivingUnitId).Distinct()];

    public static AuditObject Object(Dossier d) => new("dossier", d.Id.ToString(), d.Code ?? d.Reference);

    /// <summary>A staff action (<paramref name="dossier"/> null when it was refused before the dossier was read).</summary>
    public static AuditRecord Action(string name, Guid id, Dossier? dossier, StaffActionBody body) =>
        new("dossier." + name, dossier is null ? new AuditObject("dossier", id.ToString()) : Object(dossier),
            dossier is null ? [] : Units(dossier), body.Reason ?? body.Note ?? body.Question ?? body.Answer);

    /// <summary>A paper dossier recorded at the counter or received by post.</summary>
    public static AuditRecord Intake(Dossier d, Channel channel) =>
        new(channel == Channel.Post ? "dossier.post-intake" : "dossier.counter-intake", Object(d), Units(d));

    /// <summary>Intake refused to someone who is not a counter officer of the receiving unit.</summary>
    public static AuditRecord IntakeRefused(Guid unitId, string unitCode) =>
        new("dossier.counter-intake", new AuditObject("unit", unitId.ToString(), unitCode), [unitId]) { Refused = true, Detail = "Forbidden" };

    /// <summary>
    /// A work list that showed applicants' names: one entry per page view, for the units of the rows shown. Null when no
    /// row was shown (nothing personal was read).
    /// </summary>
    public static AuditRecord? List(string list, string? filter, IReadOnlyCollection<Guid> rowUnits, int rows) =>
        rows == 0 ? null : new("dossier.list", new AuditObject("list", list, filter), rowUnits, Listing) { Detail = $"{rows} hồ sơ" };

    public static AuditRecord Read(string action, Dossier d, string purpose, string? detail = null) =>
        new(action, Object(d), Units(d), purpose) { Detail = detail };

    /// <summary>A refused action: the outcome's code (a rule, a stale version) or its status (forbidden, not found).</summary>
    public static AuditRecord Refused(AuditRecord record, ActionOutcome outcome) =>
        record with { Refused = true, Detail = outcome.Code ?? outcome.Input?.Field ?? outcome.Status.ToString() };
}
