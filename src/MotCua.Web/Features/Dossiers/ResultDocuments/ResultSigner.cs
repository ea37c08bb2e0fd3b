using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Documents.Signing;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Dossiers.ResultDocuments;

/// <summary>
/// Who signs a result: the leader who took the decision (the last approval or refusal on the dossier, by a staff
/// member), for the unit whose task it was. A workflow without a decision step (the result issued straight after
/// examination) is signed by the officer issuing it, for the unit holding the current step.
/// </summary>
public static class ResultSigner
{
    public static async Task<SigningOfficer> ForAsync(Dossier dossier, Actor issuer, UnitDirectory units, CancellationToken ct)
    {
        var decision = dossier.Events.LastOrDefault(e => e.Type is DossierEventType.Approved or DossierEventType.Rejected && e.ActorKind == ActorKind.Staff);
        var (staffId, name, taskId) = decision is not null
            ? (decision.ActorId, decision.ActorName, decision.TaskId)
            : (issuer.Id, issuer.Name, dossier.MainTask?.Id);
        var unitId = dossier.Tasks.FirstOrDefault(t => t.Id == taskId)?.UnitId ?? dossier.MainTask?.UnitId ?? dossier.ReceivingUnitId;
        var unit = (await units.TodayAsync(ct)).Find(unitId);
        return new SigningOfficer(Guid.TryParse(staffId, out var id) ? id : Guid.Empty, name, unitId, unit?.Code ?? "", unit?.Name ?? "");
    }
}
