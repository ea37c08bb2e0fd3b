using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Tells the reporter and every follower of each public change of a report: one e-mail and one SMS per address per
/// event, written to the outbox in the transaction that saves the change (so a crash neither loses a notice nor sends
/// one for an unsaved change). The dedupe key (report, event, address, channel) makes a retried save write each once;
/// a follower who is also the reporter, or two followers sharing an address, get one notice.
/// Callers: every service that changes a report calls <see cref="QueueAsync"/> after the change, before saving.
/// </summary>
public sealed class FeedbackNotifier(MotCuaDbContext db, OutboxWriter outbox, IOptions<MotCuaOptions> options)
{
    /// <summary>Keys already written by this unit of work: a retried transaction (execution strategy) queues again.</summary>
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);

    public async Task QueueAsync(FeedbackReport report, int notifiedUpTo, CancellationToken ct)
    {
        var events = report.Events.Where(e => e.Sequence > notifiedUpTo && e.PublicText is not null).ToList();
        if (events.Count == 0) return;
        var followers = await db.Set<FeedbackFollower>().AsNoTracking().Where(f => f.ReportId == report.Id)
            .Select(f => new { f.Email, f.Phone }).ToListAsync(ct);
        var emails = followers.Select(f => f.Email).Append(report.Reporter?.Email)
            .OfType<string>().Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var phones = followers.Select(f => f.Phone).Append(report.Reporter?.Phone)
            .OfType<string>().Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var link = options.Value.PublicUrl is { Length: > 0 } root ? $"{root.TrimEnd('/')}/feedback/{report.Number}" : null;

        foreach (var e in events)
        {
            var key = $"feedback:{report.Id:N}:{e.Sequence}";
            foreach (var email in emails.Where(a => _queued.Add($"{key}:email:{Fingerprint(a.ToLowerInvariant())}")))
            {
                outbox.Add(EmailHandler.MessageType, new EmailNotification(
                    email,
                    $"Phản ánh {report.Number}: {e.ToStatus.VietnameseName()}",
                    $"Phản ánh {report.Number}: {e.PublicText}\nTrạng thái: {e.ToStatus.VietnameseName()}.\n"
                    + (link is null ? "" : $"Xem chi tiết: {link}\n")
                    + "\nBạn nhận thư này vì đã gửi hoặc theo dõi phản ánh. Thư được gửi tự động, xin đừng trả lời.",
                    null), $"{key}:email:{Fingerprint(email.ToLowerInvariant())}");
            }
            foreach (var phone in phones.Where(a => _queued.Add($"{key}:sms:{Fingerprint(a)}")))
            {
                outbox.Add(SmsHandler.MessageType, new SmsNotification(PersonalData.Protect(phone),
                    SmsText.Plain($"MotCua: phan anh {report.Number}: {e.PublicText}")), $"{key}:sms:{Fingerprint(phone)}");
            }
        }
    }

    /// <summary>A short stable tag of an address for the dedupe key: the key is stored, the address must not be.</summary>
    private static string Fingerprint(string address) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address)))[..16];
}
