namespace MotCua.Web.Features.Notifications;

/// <summary>An e-mail to a citizen or officer, as written to the outbox (type <see cref="EmailHandler.MessageType"/>).</summary>
public sealed record EmailNotification(string To, string Subject, string TextBody, string? ToName = null);

public sealed class EmailOptions
{
    public const string Section = "MotCua:Email";
    /// <summary>SMTP server; empty means e-mail is not configured and messages wait in the outbox.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "motcua@localhost";
    public string FromName { get; set; } = "MotCua";
    /// <summary>Domain part of Message-IDs, so receivers can drop a resent duplicate.</summary>
    public string MessageIdDomain { get; set; } = "motcua.local";
}
