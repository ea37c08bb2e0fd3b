using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// Sends e-mail notifications from the outbox over SMTP. The Message-ID is the outbox message id, so a
/// message resent after a crash (delivery is at least once) carries the same id and mail systems and people
/// can recognise it as the same message.
/// </summary>
public sealed class EmailHandler(IOptions<EmailOptions> options, ILogger<EmailHandler> log) : IOutboxHandler
{
    public const string MessageType = "notify.email";

    public string Type => MessageType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
            throw new InvalidOperationException("E-mail is not configured (MotCua:Email:Host); the message stays in the outbox.");
        var mail = message.Read<EmailNotification>();
        var mime = new MimeMessage { Subject = mail.Subject, MessageId = $"{message.Id:N}@{o.MessageIdDomain}" };
        mime.From.Add(new MailboxAddress(o.FromName, o.From));
        mime.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        mime.Body = new TextPart("plain") { Text = mail.TextBody };

        using var smtp = new SmtpClient { Timeout = 30_000 };
        await smtp.ConnectAsync(o.Host, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await smtp.SendAsync(mime, ct);
        await smtp.DisconnectAsync(quit: true, ct);
        log.LogInformation("E-mail {MessageId} sent", message.Id);
    }
}
