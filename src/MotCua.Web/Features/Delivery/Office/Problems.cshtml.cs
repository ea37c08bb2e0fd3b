using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Delivery;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Features.Dossiers.Office;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Delivery.Office;

/// <summary>Results the post could not deliver (failed or returned) and not yet returned otherwise, in the units the person sees.</summary>
public sealed class ProblemsModel(MotCuaDbContext db) : OfficePageModel
{
    public sealed record Row(Guid DossierId, string Name, string ReceiverName, string Phone, string Commune, ShipmentState State, string? Reason, DateTimeOffset At);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = (await Scope.VisibleTodayAsync(ct)).ToList();
        var rows = await (
            from s in db.Set<PostalShipment>().AsNoTracking()
            join d in db.Dossiers.AsNoTracking() on s.DossierId equals d.Id
            where visible.Contains(s.UnitId) && s.Purpose == ShipmentPurpose.Result
                && (s.State == ShipmentState.Failed || s.State == ShipmentState.Returned) && d.Status == DossierStatus.Processed
            orderby s.StateAt
            select new { s.DossierId, s.UnitId, Name = d.Code ?? d.Reference, Receiver = s.Receiver.Name, s.Receiver.Phone, s.Receiver.Commune, s.State, s.FailureReason, s.StateAt })
            .Take(200).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.DossierId, r.Name, r.Receiver, PostalAddress.MaskPhone(r.Phone), r.Commune, r.State, r.FailureReason, r.StateAt))];
        if (DossierRecords.List("delivery-problems", null, [.. rows.Select(r => r.UnitId).Distinct()], rows.Count) is { } read)
            await AuditLog.WriteAsync(read, ct);
    }
}
