using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback;

public sealed class FeedbackEscalationOptions
{
    public const string Section = "MotCua:Feedback:Escalation";
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
    public int BatchSize { get; set; } = 200;
}

/// <summary>
/// A report still open past its time limit is escalated once per round (the report records it) and the supervisors
/// over its handling unit are told by e-mail: the nearest level up that has any. The escalation and its e-mails are
/// saved together, and the report's version makes two instances scanning at once escalate it once.
/// </summary>
public sealed class FeedbackEscalation(MotCuaDbContext db, OutboxWriter outbox, FeedbackRecipients recipients, UnitDirectory units,
    FeedbackCategories categories, IOptions<FeedbackEscalationOptions> options, TimeProvider clock, ILogger<FeedbackEscalation> log)
{
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var closed = new[] { FeedbackStatus.Resolved, FeedbackStatus.Rejected, FeedbackStatus.Duplicate };
        var overdue = await db.Set<FeedbackReport>().Where(r => !r.Escalated && r.DueAt < now && !closed.Contains(r.Status))
            .OrderBy(r => r.DueAt).Take(options.Value.BatchSize).ToListAsync(ct);
        var tree = await units.TodayAsync(ct);
        var escalated = 0;
        foreach (var report in overdue)
        {
            if (!report.EscalateIfOverdue(now)) continue;
            var supervisors = await recipients.SupervisorsOverAsync(tree, report.HandlingUnitId, ct);
            if (supervisors.Count == 0) log.LogWarning("Feedback {Number} is overdue and no supervisor is over its unit", report.Number);
            var round = report.Events[^1].Sequence;
            foreach (var (email, name) in supervisors)
                outbox.Add(EmailHandler.MessageType, await NoticeAsync(report, tree, email, name, ct), $"feedback-escalated:{report.Id:N}:{round}:{email}");
            // Another instance (or an officer) changed it a moment ago: theirs stands.
            if (await FeedbackScan.SaveOneAsync(db, ct)) escalated++;
        }
        return escalated;
    }

    private async Task<EmailNotification> NoticeAsync(FeedbackReport r, UnitTree tree, string email, string name, CancellationToken ct)
    {
        var (category, unit, due) = await FeedbackScan.FactsAsync(categories, tree, r, ct);
        return new EmailNotification(email, $"Phản ánh {r.Number} đã quá hạn xử lý",
            $"Kính gửi {name},\n\nPhản ánh {r.Number} ({category}) do {unit} xử lý đã quá hạn trả lời lúc {due} " +
            $"và vẫn ở trạng thái \"{r.Status.VietnameseName()}\".\nĐề nghị đôn đốc đơn vị xử lý.\n\nThư này được gửi tự động, xin đừng trả lời.", name);
    }
}

/// <summary>Runs <see cref="FeedbackEscalation"/> every few minutes on each instance (the report's version makes that safe).</summary>
public sealed class FeedbackEscalationWatch(IServiceScopeFactory scopes, IOptions<FeedbackEscalationOptions> options, ILogger<FeedbackEscalationWatch> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled ? Task.CompletedTask
        : PeriodicWork.RunAsync(options.Value.Interval, firstRoundNow: true,
            PeriodicWork.InScope<FeedbackEscalation>(scopes, (scan, ct) => scan.ScanAsync(ct)), log, "Feedback escalation", stoppingToken);
}
