using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Insight;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Observability;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Host;

public sealed class GaugesFactory : MotCuaFactory
{
    // Monday 2 March 2026, 09:00 in Hanoi.
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Nothing delivered and no round of its own: the test moves the clock and reads the gauges itself.
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Lateness:Enabled", "false");
        builder.UseSetting("MotCua:Metrics:Interval", "1.00:00:00");
        builder.UseSetting("MotCua:Kpis:Refresh:Enabled", "false");
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The numbers the runbook's alerts read (docs/operations.md): the outbox backlog and overdue dossiers.</summary>
public sealed class OperationsGaugesTests(GaugesFactory factory) : IClassFixture<GaugesFactory>
{
    // The overdue count is the KPI facts' (the national judgement), so each read follows a KPI refresh.
    private async Task<OperationsGauges.Snapshot> ReadAsync()
    {
        await factory.WithScopeAsync(sp => sp.GetRequiredService<KpiRefresh>().RunAsync(CancellationToken.None));
        return await factory.Services.GetRequiredService<OperationsGauges>().ReadAsync(CancellationToken.None);
    }

    private static OperationsGauges.OutboxState Sms(OperationsGauges.Snapshot s) => s.Outbox.Single(o => o.Type == SmsHandler.MessageType);

    [Fact]
    public async Task The_backlog_ages_and_an_accepted_dossier_turns_overdue_when_its_due_date_passes()
    {
        var before = await ReadAsync();
        var dossier = await factory.WithScopeAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
            var service = sp.GetRequiredService<DossierService>();
            var filed = await BirthFiling.FileAsync(service, unit, "gauges-1");
            return await service.AcceptAsync(filed.Id, filed.Version, Actor.Staff("officer", "Lê Thị Tiếp"), CancellationToken.None);
        });

        var filed = await ReadAsync();
        Assert.Equal(before.OverdueDossiers, filed.OverdueDossiers);
        Assert.True(Sms(filed).Waiting > (before.Outbox.SingleOrDefault(o => o.Type == SmsHandler.MessageType)?.Waiting ?? 0));
        Assert.Equal(0, Sms(filed).Parked);

        // Past the due date (birth registration: the next working day), with the outbox still stopped.
        factory.Clock.Advance(dossier.DueAt!.Value - factory.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        var late = await ReadAsync();
        Assert.Equal(before.OverdueDossiers + 1, late.OverdueDossiers);
        Assert.True(Sms(late).OldestSeconds >= (dossier.DueAt!.Value - dossier.SubmittedAt).TotalSeconds,
            $"oldest SMS waiting {Sms(late).OldestSeconds} s");

        // The scrape shows the held numbers under Prometheus names.
        var metrics = await factory.CreateClient().GetStringAsync(new Uri("/metrics", UriKind.Relative));
        foreach (var name in new[] { "motcua_outbox_waiting", "motcua_outbox_parked", "motcua_outbox_oldest_waiting_age_seconds", "motcua_dossiers_overdue" })
            Assert.Contains(name, metrics, StringComparison.Ordinal);
    }
}
