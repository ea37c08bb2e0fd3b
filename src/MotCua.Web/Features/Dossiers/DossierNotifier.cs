using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Tells the applicant of every change they should know about: each new event with public text becomes an
/// e-mail and an SMS in the outbox, saved in the same transaction as the change itself, so a crash can neither
/// lose a notice nor send one for a change that was not saved. The dedupe key (dossier, event, channel) makes
/// a retried save write each notice once.
/// </summary>
public sealed class DossierNotifier(OutboxWriter outbox, LookupLink links, IOptions<MotCuaOptions> options)
{
    private readonly HashSet<(Guid, int)> _queued = [];

    /// <summary>Queues notices for the dossier's events not yet notified by this unit of work.</summary>
    public void Queue(Dossier dossier, int notifiedUpTo)
    {
        foreach (var e in dossier.Events)
        {
            if (e.Sequence <= notifiedUpTo || e.PublicText is null || !_queued.Add((dossier.Id, e.Sequence))) continue;
            var name = dossier.Code ?? dossier.Reference;
            var link = LinkFor(dossier);
            var key = $"dossier:{dossier.Id:N}:{e.Sequence}";
            if (dossier.Owner.Email is { } email)
            {
                outbox.Add(EmailHandler.MessageType, new EmailNotification(
                    email,
                    $"Hồ sơ {name}: {e.ToStatus.VietnameseName()}",
                    $"Kính gửi {dossier.Owner.FullName},\n\nHồ sơ {name} ({dossier.ProcedureCode}): {e.PublicText}\n"
                    + $"Trạng thái: {e.ToStatus.VietnameseName()}.\n" + (link is null ? "" : $"Tra cứu: {link}\n")
                    + "\nThư này được gửi tự động, xin đừng trả lời.",
                    dossier.Owner.FullName), key + ":email");
            }
            if (dossier.Owner.Phone is { } phone)
            {
                outbox.Add(SmsHandler.MessageType, new SmsNotification(PersonalData.Protect(phone), SmsText.Plain($"MotCua: ho so {name}: {e.PublicText}")), key + ":sms");
            }
        }
    }

    private string? LinkFor(Dossier dossier) =>
        dossier.Code is { } code && options.Value.PublicUrl is { Length: > 0 } root ? root.TrimEnd('/') + links.PathFor(code) : null;
}
