using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// The reminder before a report's due date: once per due date to the handling unit's specialists and leaders, measured
/// in working time, never for a closed report, once with several workers or after a restart, and escalation unchanged.
/// </summary>
public sealed class FeedbackReminderTests(ClockedFeedbackFactory factory) : IClassFixture<ClockedFeedbackFactory>
{
    private Task<FeedbackReport> FileAsync() =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackService>().FileAsync(FeedbackFilingTests.Lighting(), null, CancellationToken.None));

    /// <summary>Each call is a fresh scope, as a restarted host or a second instance would be: only the database remembers.</summary>
    private Task<int> RemindAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackReminders>().ScanAsync(CancellationToken.None));

    private Task<FeedbackReport> ReloadAsync(Guid id) => factory.WithDbAsync(db => db.Set<FeedbackReport>().AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<string>> RemindersAboutAsync(string number) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.Type == EmailHandler.MessageType && m.Payload.Contains(number) && m.DedupeKey!.StartsWith("feedback-reminder:"))
        .Select(m => m.Payload).ToListAsync());

    private void MoveTo(DateTimeOffset moment) => factory.Clock.Advance(moment - factory.Clock.GetUtcNow());

    [Fact]
    public async Task A_report_is_reminded_once_a_working_day_before_its_due_date_to_its_units_specialists_and_leaders()
    {
        var report = await FileAsync();
        var calendar = await factory.WithScopeAsync(sp => sp.GetRequiredService<UnitCalendars>().ForUnitAsync(report.HandlingUnitId));
        // The last whole hour with more than one working day (8 working hours) still to go: too early.
        var early = report.DueAt;
        while (calendar.WorkingMinutesBetween(early, report.DueAt) <= 8 * 60) early -= TimeSpan.FromHours(1);
        MoveTo(early);
        await RemindAsync();
        Assert.Null((await ReloadAsync(report.Id)).RemindedFor);

        MoveTo(report.DueAt - TimeSpan.FromHours(1));
        Assert.True(await RemindAsync() >= 1);
        var reminded = await ReloadAsync(report.Id);
        Assert.Equal(report.DueAt, reminded.RemindedFor);
        Assert.Equal(FeedbackEventType.Reminded, reminded.Events[^1].Type);
        Assert.Null(reminded.Events[^1].PublicText);
        var mails = await RemindersAboutAsync(report.Number);
        Assert.Contains(mails, m => m.Contains("chuyenvien@motcua.demo", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.Contains("lanhdao@motcua.demo", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Contains("motcua@motcua.demo", StringComparison.Ordinal));

        // A later round, or a host started again, finds it already reminded for this due date.
        await RemindAsync();
        await RemindAsync();
        Assert.Equal(mails.Count, (await RemindersAboutAsync(report.Number)).Count);
        Assert.Single((await ReloadAsync(report.Id)).Events, e => e.Type == FeedbackEventType.Reminded);

        // Past the due date the escalation still tells the supervisor, once; the reminder has nothing more to say.
        MoveTo(report.DueAt + TimeSpan.FromHours(1));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackEscalation>().ScanAsync(CancellationToken.None));
        await RemindAsync();
        var escalated = await ReloadAsync(report.Id);
        Assert.True(escalated.Escalated);
        Assert.Equal(FeedbackEventType.Escalated, escalated.Events[^1].Type);
        Assert.Single(escalated.Events, e => e.Type == FeedbackEventType.Reminded);
    }

    [Fact]
    public async Task A_closed_report_is_not_reminded()
    {
        var report = await FileAsync();
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.Set<FeedbackReport>().SingleAsync(r => r.Id == report.Id);
            tracked.Reject("Không thuộc phạm vi chiếu sáng công cộng.", "test", "Kiểm thử", factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        MoveTo(report.DueAt - TimeSpan.FromHours(1));
        await RemindAsync();

        Assert.Null((await ReloadAsync(report.Id)).RemindedFor);
        Assert.Empty(await RemindersAboutAsync(report.Number));
    }

    [Fact]
    public async Task Two_workers_scanning_at_once_remind_a_report_once()
    {
        var report = await FileAsync();
        MoveTo(report.DueAt - TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(RemindAsync)));

        Assert.Single((await ReloadAsync(report.Id)).Events, e => e.Type == FeedbackEventType.Reminded);
        var mails = await RemindersAboutAsync(report.Number);
        Assert.Equal(2, mails.Count);
        Assert.Equal(mails.Distinct().Count(), mails.Count);
    }
}
