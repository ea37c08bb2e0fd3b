using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback;

public sealed class FeedbackReminderOptions
{
    public const string Section = "MotCua:Feedback:Reminders";
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
    public int BatchSize { get; set; } = 200;
    /// <summary>How long before the due date the unit is reminded, in its working days (working time, not calendar days).</summary>
    public decimal WorkingDaysBefore { get; set; } = 1;
}

/// <summary>
/// Before a report's due date the specialists and leaders of its handling unit are told by e-mail, once per due date:
/// the report records the due date it was reminded of (and a staff-only event), saved with the e-mails in one
/// transaction, and the report's version makes two instances scanning at once remind it once. "Near" is measured in
/// the handling unit's working calendar, so a report due on Monday morning is reminded on Friday, not on Sunday.
/// </summary>
public sealed class FeedbackReminders(MotCuaDbContext db, OutboxWriter outbox, FeedbackRecipients recipients, UnitDirectory units,
    UnitCalendars calendars, FeedbackCategories categories, IOptions<FeedbackReminderOptions> options, TimeProvider clock,
    ILogger<FeedbackReminders> log)
{
    private static readonly StaffRole[] Handlers = [StaffRole.Specialist, StaffRole.Leader];

    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        // A calendar bound wide enough for any run of days off (Tết is the longest): the exact test is per unit below.
        var horizon = now.AddDays((double)Math.Ceiling(o.WorkingDaysBefore) * 7 + 16);
        var closed = new[] { FeedbackStatus.Resolved, FeedbackStatus.Rejected, FeedbackStatus.Duplicate };
        // Not escalated: a report not yet due never is, and the condition lets the escalation's (Escalated, DueAt) index serve.
        var candidates = await db.Set<FeedbackReport>()
            .Where(r => !r.Escalated && r.DueAt > now && r.DueAt <= horizon && !closed.Contains(r.Status)
                && (r.RemindedFor == null || r.RemindedFor != r.DueAt))
            .OrderBy(r => r.DueAt).Take(o.BatchSize).ToListAsync(ct);
        var tree = await units.TodayAsync(ct);
        var reminded = 0;
        foreach (var report in candidates)
        {
            var calendar = await calendars.ForUnitAsync(report.HandlingUnitId, ct);
            var before = o.WorkingDaysBefore * (decimal)calendar.Hours.WorkingDayLength.TotalMinutes;
            if (calendar.WorkingMinutesBetween(now, report.DueAt) > before) continue;
            if (!report.RemindBeforeDue(now)) continue;
            var people = await recipients.InUnitAsync(report.HandlingUnitId, Handlers, ct);
            if (people.Count == 0) log.LogWarning("Feedback {Number} is due soon and its unit has no specialist or leader with an e-mail", report.Number);
            var due = report.DueAt.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
            foreach (var (email, name) in people)
                outbox.Add(EmailHandler.MessageType, await NoticeAsync(report, tree, email, name, ct), $"feedback-reminder:{report.Id:N}:{due}:{email}");
            // Another instance (or an officer) changed it a moment ago: theirs stands.
            if (await FeedbackScan.SaveOneAsync(db, ct)) reminded++;
        }
        return reminded;
    }

    private async Task<EmailNotification> NoticeAsync(FeedbackReport r, UnitTree tree, string email, string name, CancellationToken ct)
    {
        var (category, unit, due) = await FeedbackScan.FactsAsync(categories, tree, r, ct);
        return new EmailNotification(email, $"Phản ánh {r.Number} sắp đến hạn xử lý",
            $"Kính gửi {name},\n\nPhản ánh {r.Number} ({category}) do {unit} xử lý phải được trả lời trước {due} " +
            $"và đang ở trạng thái \"{r.Status.VietnameseName()}\".\nQuá hạn, phản ánh sẽ được báo cấp trên.\n\n" +
            "Thư này được gửi tự động, xin đừng trả lời.", name);
    }
}

/// <summary>
/// Runs <see cref="FeedbackReminders"/> on each instance (the report's version makes that safe). The first round waits
/// one interval: a host that has just started has nothing more urgent, and a restart then cannot remind twice anyway.
/// </summary>
public sealed class FeedbackReminderWatch(IServiceScopeFactory scopes, IOptions<FeedbackReminderOptions> options, ILogger<FeedbackReminderWatch> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled ? Task.CompletedTask
        : PeriodicWork.RunAsync(options.Value.Interval, firstRoundNow: false,
            PeriodicWork.InScope<FeedbackReminders>(scopes, (scan, ct) => scan.ScanAsync(ct)), log, "Feedback reminders", stoppingToken);
}
