using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>A host on a clock the test moves, whose escalation, reminders and photo sweep run only when the test calls them.</summary>
public sealed class ClockedFeedbackFactory : MotCuaFactory
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Feedback:Escalation:Enabled", "false");
        builder.UseSetting("MotCua:Feedback:Reminders:Enabled", "false");
        builder.UseSetting("MotCua:Feedback:PhotoSweep:Enabled", "false");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class FeedbackEscalationTests(ClockedFeedbackFactory factory) : IClassFixture<ClockedFeedbackFactory>
{
    private Task<FeedbackReport> FileAsync() =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackService>().FileAsync(FeedbackFilingTests.Lighting(), null, CancellationToken.None));

    private Task<int> ScanAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackEscalation>().ScanAsync(CancellationToken.None));

    private Task<FeedbackReport> ReloadAsync(Guid id) => factory.WithDbAsync(db => db.Set<FeedbackReport>().AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<string>> MailsAboutAsync(string number) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.Type == EmailHandler.MessageType && m.Payload.Contains(number)).Select(m => m.Payload).ToListAsync());

    [Fact]
    public async Task An_overdue_report_is_escalated_once_and_the_supervisor_over_its_unit_is_told()
    {
        var report = await FileAsync();
        await ScanAsync();
        Assert.False((await ReloadAsync(report.Id)).Escalated);

        factory.Clock.Advance(report.DueAt - factory.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        Assert.True(await ScanAsync() >= 1);
        var escalated = await ReloadAsync(report.Id);
        Assert.True(escalated.Escalated);
        Assert.Equal(FeedbackEventType.Escalated, escalated.Events[^1].Type);
        var mails = await MailsAboutAsync(report.Number);
        Assert.Contains(mails, m => m.Contains("giamsat@motcua.demo", StringComparison.Ordinal));

        await ScanAsync();
        Assert.Equal(mails.Count, (await MailsAboutAsync(report.Number)).Count);
        Assert.Single((await ReloadAsync(report.Id)).Events, e => e.Type == FeedbackEventType.Escalated);
    }

    [Fact]
    public async Task Two_instances_scanning_at_once_escalate_a_report_once()
    {
        var report = await FileAsync();
        factory.Clock.Advance(report.DueAt - factory.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(ScanAsync)));

        Assert.Single((await ReloadAsync(report.Id)).Events, e => e.Type == FeedbackEventType.Escalated);
        var mails = await MailsAboutAsync(report.Number);
        Assert.Equal(mails.Distinct().Count(), mails.Count);
        Assert.NotEmpty(mails);
    }
}
