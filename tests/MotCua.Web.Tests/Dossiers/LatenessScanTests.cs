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

public sealed class LatenessFactory : MotCuaFactory
{
    // Monday 2 March 2026, 09:00 in Hanoi.
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Lateness:Enabled", "false");
        // Birth registration is due the next working day: a short window shows "not yet" and "now" apart.
        builder.UseSetting("MotCua:Lateness:Warning", "02:00:00");
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Before the appointment passes, whoever holds the step is asked, once, for the apology slip.</summary>
public sealed class LatenessScanTests(LatenessFactory factory) : IClassFixture<LatenessFactory>
{
    private Task<int> ScanAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<LatenessScan>().ScanAsync(CancellationToken.None));

    private Task<List<string>> PromptsAsync(Guid dossier) => factory.WithDbAsync(db =>
        db.OutboxMessages.Where(m => m.Type == EmailHandler.MessageType && m.DedupeKey!.StartsWith($"late:{dossier:N}:")).Select(m => m.Payload).ToListAsync());

    [Fact]
    public async Task The_handler_is_prompted_once_shortly_before_the_appointment_and_again_only_for_a_new_date()
    {
        var dossier = await factory.WithScopeAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
            var service = sp.GetRequiredService<DossierService>();
            var filed = await BirthFiling.FileAsync(service, unit, "late-1");
            return await service.AcceptAsync(filed.Id, filed.Version, Actor.Staff("officer", "Lê Thị Tiếp"), CancellationToken.None);
        });
        var appointment = dossier.AppointmentAt!.Value;

        Assert.Equal(0, await ScanAsync());
        factory.Clock.Advance(appointment - factory.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        Assert.Equal(1, await ScanAsync());
        Assert.Equal(0, await ScanAsync());
        var prompt = System.Text.Json.JsonSerializer.Deserialize<EmailNotification>(Assert.Single(await PromptsAsync(dossier.Id)), System.Text.Json.JsonSerializerOptions.Web)!;
        // Nobody claimed the examination: the unit's specialist is asked.
        Assert.Equal("chuyenvien@motcua.demo", prompt.To);
        Assert.Contains("mẫu 04", prompt.Subject, StringComparison.Ordinal);
        Assert.Contains(dossier.Code!, prompt.TextBody, StringComparison.Ordinal);

        // The apology moves the appointment: no prompt until the new date comes near.
        await factory.WithScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<DossierService>();
            var loaded = await service.LoadAsync(dossier.Id, CancellationToken.None);
            return await service.ApplyAsync(loaded, loaded.Version,
                (d, c, now) => d.IssueApology("Chờ xác minh", appointment.AddDays(7), Actor.Staff("x", "Phạm Văn Xử"), now, c), CancellationToken.None);
        });
        Assert.Equal(0, await ScanAsync());
        factory.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await ScanAsync());
        Assert.Equal(2, (await PromptsAsync(dossier.Id)).Count);
    }
}
