using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Lateness;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

public sealed class LatenessBatchFactory : MotCuaFactory
{
    // Monday 2 March 2026, 09:00 in Hanoi.
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Lateness:Enabled", "false");
        // One dossier a round: what a city with more dossiers near their date than a batch holds looks like.
        builder.UseSetting("MotCua:Lateness:BatchSize", "1");
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A dossier prompted once never takes another's place in a later batch.</summary>
public sealed class LatenessBatchTests(LatenessBatchFactory factory) : IClassFixture<LatenessBatchFactory>
{
    private Task<int> ScanAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<LatenessScan>().ScanAsync(CancellationToken.None));

    private Task<Dossier> AcceptedAsync(string key) => factory.WithScopeAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
        var service = sp.GetRequiredService<DossierService>();
        var filed = await BirthFiling.FileAsync(service, unit, key);
        return await service.AcceptAsync(filed.Id, filed.Version, Actor.Staff("officer", "Lê Thị Tiếp"), CancellationToken.None);
    });

    private Task<int> PromptsAsync(Guid dossier) => factory.WithDbAsync(db =>
        db.OutboxMessages.CountAsync(m => m.Type == EmailHandler.MessageType && m.DedupeKey!.StartsWith($"late:{dossier:N}:")));

    [Fact]
    public async Task A_late_dossier_already_prompted_does_not_keep_the_next_one_waiting()
    {
        var first = await AcceptedAsync("batch-late-1");
        factory.Clock.Advance(first.AppointmentAt!.Value - factory.Clock.GetUtcNow() + TimeSpan.FromDays(2));
        Assert.Equal(1, await ScanAsync());        // the first, now late, is prompted
        Assert.Equal(1, await PromptsAsync(first.Id));

        var second = await AcceptedAsync("batch-late-2");
        factory.Clock.Advance(second.AppointmentAt!.Value - factory.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        // The first is still in processing with an earlier appointment, but it was prompted: the batch of one is the second's.
        Assert.Equal(1, await ScanAsync());
        Assert.Equal(1, await PromptsAsync(second.Id));
        Assert.Equal(1, await PromptsAsync(first.Id));
        Assert.Equal(0, await ScanAsync());
    }
}
