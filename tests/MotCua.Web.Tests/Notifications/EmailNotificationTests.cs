using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Notifications;

public sealed class EmailFactory : MotCuaFactory
{
    public SmtpCatcher Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Email:Host", "127.0.0.1");
        builder.UseSetting("MotCua:Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MotCua:Email:Security", "None");
        builder.UseSetting("MotCua:Email:From", "motcua@hanoi.test");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>E-mail leaves through the outbox and arrives, over real SMTP, at a local catcher.</summary>
public sealed class EmailNotificationTests(EmailFactory factory) : IClassFixture<EmailFactory>
{
    private async Task<Guid> QueueAsync(EmailNotification mail) => await factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<MotCuaDbContext>();
        var message = sp.GetRequiredService<OutboxWriter>().Add(EmailHandler.MessageType, mail);
        await db.SaveChangesAsync();
        return message.Id;
    });

    [Fact]
    public async Task A_queued_email_is_sent_over_smtp_with_the_outbox_id_as_message_id()
    {
        var id = await QueueAsync(new EmailNotification("nguyen.van.a@example.vn", "Hồ sơ 000.00.02.H26-260302-0001 đã được tiếp nhận",
            "Hẹn trả kết quả: 09:00 ngày 05/03/2026.", "Nguyễn Văn A"));

        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        var mail = Assert.Single(factory.Smtp.Messages, m => m.MessageId == $"{id:N}@motcua.local");
        Assert.Equal("Hồ sơ 000.00.02.H26-260302-0001 đã được tiếp nhận", mail.Subject);
        Assert.Equal("nguyen.van.a@example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Hẹn trả kết quả", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.ProcessedAtMs).SingleAsync()));
    }
}

/// <summary>With the SMTP server unreachable the e-mail waits in the outbox with the error, and is not lost.</summary>
public sealed class EmailServerDownTests(EmailServerDownTests.DownFactory factory) : IClassFixture<EmailServerDownTests.DownFactory>
{
    public sealed class DownFactory : MotCuaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MotCua:Outbox:Enabled", "false");
            builder.UseSetting("MotCua:Email:Host", "127.0.0.1");
            builder.UseSetting("MotCua:Email:Port", "1");
            builder.UseSetting("MotCua:Email:Security", "None");
        }
    }

    [Fact]
    public async Task The_message_stays_queued_with_its_error()
    {
        var id = await factory.WithScopeAsync(async sp =>
        {
            var message = sp.GetRequiredService<OutboxWriter>().Add(EmailHandler.MessageType, new EmailNotification("a@example.vn", "Thử", "Nội dung"));
            await sp.GetRequiredService<MotCuaDbContext>().SaveChangesAsync();
            return message.Id;
        });
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        var stored = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Null(stored.ProcessedAtMs);
        Assert.Null(stored.DeadAtMs);
        Assert.Equal(1, stored.Attempts);
        Assert.False(string.IsNullOrEmpty(stored.LastError));
    }
}
