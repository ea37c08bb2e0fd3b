using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Notifications;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The SMS gateway simulator and a local SMTP catcher, with the outbox dispatched by the test.</summary>
public sealed class DossierNotificationFactory : SmsFactory
{
    public SmtpCatcher Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Email:Host", "127.0.0.1");
        builder.UseSetting("MotCua:Email:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("MotCua:Email:Security", "None");
        builder.UseSetting("MotCua:PublicUrl", "https://dichvucong.hanoi.test");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The applicant hears of each change by e-mail and SMS, once, however often the outbox runs.</summary>
public sealed class DossierNotificationTests(DossierNotificationFactory factory) : IClassFixture<DossierNotificationFactory>
{
    [Fact]
    public async Task Filing_and_acceptance_reach_the_applicant_by_email_and_sms_once_with_a_link_to_the_status()
    {
        var dossier = await factory.WithScopeAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
            var service = sp.GetRequiredService<DossierService>();
            var owner = BirthFiling.Owner with { Email = "an.nguyen@example.vn", Phone = "0912000111" };
            var filed = await service.FileOnlineAsync(BirthFiling.At(unit) with { Owner = owner }, BirthFiling.Citizen, "notify-1", CancellationToken.None);
            return await service.AcceptAsync(filed.Id, filed.Version, Actor.Staff("officer", "Lê Thị Tiếp"), CancellationToken.None);
        });

        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 3; i++) await dispatcher.DispatchOnceAsync(CancellationToken.None);

        var publicEvents = dossier.Events.Count(e => e.PublicText is not null);
        var mails = factory.Smtp.Messages.Where(m => m.To.ToString().Contains("an.nguyen@example.vn", StringComparison.Ordinal)).ToList();
        Assert.Equal(publicEvents, mails.Count);
        var accepted = Assert.Single(mails, m => m.TextBody?.Contains("đã được tiếp nhận", StringComparison.Ordinal) == true).TextBody!;
        Assert.Contains(dossier.Code!, accepted, StringComparison.Ordinal);
        Assert.Contains("https://dichvucong.hanoi.test/lookup/", accepted, StringComparison.Ordinal);

        var texts = factory.Simulator.Messages.Where(m => m.To == "0912000111").ToList();
        Assert.Equal(publicEvents, texts.Count);
        Assert.All(texts, t => Assert.DoesNotContain("ồ", t.Text, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("da duoc tiep nhan", StringComparison.Ordinal));

        // The link in the e-mail opens the status without the phone number.
        var link = System.Text.RegularExpressions.Regex.Match(accepted, @"https://dichvucong\.hanoi\.test(/lookup/\S+)").Groups[1].Value;
        var links = factory.Services.GetRequiredService<LookupLink>();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("https://x" + link).Query);
        Assert.True(links.Verify(dossier.Code!, query["t"]));
        Assert.False(links.Verify(dossier.Code! + "9", query["t"]));
    }
}
