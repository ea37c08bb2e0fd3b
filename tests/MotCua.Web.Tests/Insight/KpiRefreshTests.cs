using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Dossiers;

namespace MotCua.Web.Tests.Insight;

/// <summary>The refresh keeps the counters current: a change is counted after the next round, and an open dossier turns overdue when its due date passes, with no change of its own.</summary>
public sealed class KpiRefreshTests(KpiFactory factory) : IClassFixture<KpiFactory>
{
    [Fact]
    public async Task An_open_dossier_turns_overdue_when_its_due_date_passes_and_a_change_is_counted_by_the_next_round()
    {
        factory.SetTime(KpiFactory.Start);
        var unit = await CitizenClient.HoanKiemAsync(factory);
        var dossier = await factory.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<DossierService>();
            var filed = await BirthFiling.FileAsync(service, unit, "kpi-refresh-1");
            return await service.AcceptAsync(filed.Id, filed.Version, Actor.Staff("officer", "Lê Thị Tiếp"), CancellationToken.None);
        });
        Task<KpiCounts> CountsAsync() => factory.WithDbAsync(db => db.Set<KpiUnitMonth>().AsNoTracking()
            .Where(r => r.UnitId == unit && r.Month == 202603).Select(r => r.Counts).SingleAsync());

        Assert.Equal(1, await factory.RefreshAsync());
        Assert.Equal((1L, 1L, 0L), ((await CountsAsync()).Received, (await CountsAsync()).OpenInTime, (await CountsAsync()).OpenOverdue));

        factory.SetTime(dossier.DueAtAdjusted!.Value.AddMinutes(1));
        Assert.Equal(1, await factory.RefreshAsync());
        var late = await CountsAsync();
        Assert.Equal((0L, 1L), (late.OpenInTime, late.OpenOverdue));
        Assert.Equal(KpiOutcome.OpenOverdue, (await factory.WithDbAsync(db => db.Set<DossierKpiFact>().SingleAsync(f => f.DossierId == dossier.Id))).Outcome);
        Assert.Equal(0, await factory.RefreshAsync());

        // A change after the watermark (the product's clock moves on; the watermark is the last round's instant).
        factory.SetTime(dossier.DueAtAdjusted!.Value.AddMinutes(2));
        await factory.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<DossierService>();
            var loaded = await service.LoadAsync(dossier.Id, CancellationToken.None);
            return await service.ApplyAsync(loaded, loaded.Version, (d, c, now) => d.Stop(c, "Người yêu cầu không bổ sung", Actor.Staff("x", "Phạm Văn Xử"), now), CancellationToken.None);
        });
        Assert.Equal(1, await factory.RefreshAsync());
        var stopped = await CountsAsync();
        Assert.Equal((0L, 1L, 1L), (stopped.OpenOverdue, stopped.Late, stopped.Finished));
    }
}
