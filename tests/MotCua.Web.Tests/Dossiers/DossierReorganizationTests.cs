using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>Open work survives a reorganisation: a dossier filed at a 2024 ward is with the new commune after July 2025.</summary>
public sealed class DossierReorganizationTests(Hanoi2024Factory factory) : IClassFixture<Hanoi2024Factory>
{
    [Fact]
    public async Task An_open_dossier_of_a_closed_ward_moves_to_its_successor_and_keeps_its_history()
    {
        var (dossierId, oldWard) = await factory.WithScopeAsync(async sp =>
        {
            var ward = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).All.Single(u => u.Name == "Phường Hàng Bạc");
            var dossier = await BirthFiling.FileAsync(sp.GetRequiredService<DossierService>(), ward.Id, "reorg-1");
            return (dossier.Id, ward.Id);
        });

        await factory.WithScopeAsync(async sp =>
        {
            var reforms = sp.GetRequiredService<HanoiReforms>();
            foreach (var reform in reforms.All) await reforms.ApplyAsync(reform, "test", CancellationToken.None);
            return 0;
        });

        var (dossier, hoanKiem) = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Infrastructure.Persistence.MotCuaDbContext>();
            var d = await db.Dossiers.AsNoTracking().SingleAsync(x => x.Id == dossierId);
            var unit = (await sp.GetRequiredService<UnitDirectory>().OnAsync(new DateOnly(2025, 7, 1))).All.Single(u => u.Name == "Phường Hoàn Kiếm");
            return (d, unit.Id);
        });
        Assert.NotEqual(oldWard, dossier.ReceivingUnitId);
        // Hàng Bạc went whole into Phường Hoàn Kiếm on 1 July 2025 (after the January mergers left it as it was).
        Assert.Equal(hoanKiem, dossier.ReceivingUnitId);
        Assert.Equal(DossierStatus.New, dossier.Status);
        Assert.Contains(dossier.Events, e => e.Type == DossierEventType.UnitReorganized && e.Reason!.Contains("2025-07-01", StringComparison.Ordinal));
        Assert.Equal(DossierEventType.Submitted, dossier.Events.OrderBy(e => e.Sequence).First().Type);
    }
}
