namespace MotCua.Domain.Dossiers;

public sealed partial class Dossier
{
    /// <summary>
    /// A reorganisation closed <paramref name="from"/>: an open dossier received there, and its open tasks
    /// there, move to the successor so no work is left with a unit that no longer exists. The legal code,
    /// issued by the old unit, stays: it is the dossier's identity. Returns false when nothing moved.
    /// </summary>
    public bool MoveToSuccessorUnit(Guid from, Guid to, string reason, DateTimeOffset now)
    {
        if (Status.IsClosed() || from == to)
        {
            return false;
        }

        var tasks = _tasks.Where(t => t.IsOpen && t.UnitId == from).ToList();
        if (ReceivingUnitId != from && tasks.Count == 0)
        {
            return false;
        }

        BeginChange();
        if (ReceivingUnitId == from)
        {
            ReceivingUnitId = to;
        }

        foreach (var task in tasks)
        {
            task.MoveTo(to);
        }

        Record(DossierEventType.UnitReorganized, Actor.System, now, Status, reason: RequireReason(reason),
            publicText: "Cơ quan giải quyết đã được sắp xếp lại; hồ sơ được chuyển cho cơ quan kế thừa.",
            details: $"{from} → {to}");
        return true;
    }
}
