using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Payments;
using MotCua.Simulators.VNPay;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Payments;

/// <summary>
/// The real host with the bundled VNPay simulator reached over the test server (both ways: the product's querydr and
/// refund, the simulator's IPN), the background job off (tests run it by hand) and reconciliation due at once.
/// </summary>
public sealed class PaymentsFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:VNPay:JobEnabled", "false");
        builder.UseSetting("MotCua:VNPay:ReconcileAfter", "00:00:00");
        builder.UseSetting("MotCua:VNPay:ReconcileInterval", "00:00:00");
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Storage:Path", Path.Combine(Path.GetTempPath(), "motcua-payments-files-" + Guid.NewGuid().ToString("N")));
        builder.ConfigureTestServices(services =>
        {
            foreach (var name in new[] { VnPayGateway.HttpClientName, PaymentsModule.SimulatorHttpClient })
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        });
    }

    public VnPaySimulator Simulator => Services.GetRequiredService<VnPaySimulator>();

    /// <summary>A birth registration filed online with <paramref name="copies"/> extract copies (8 000 đồng each).</summary>
    public Task<Dossier> FileAsync(int copies = 3) => WithScopeAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
        var answers = JsonNode.Parse(BirthFiling.Answers)!.AsObject();
        answers["soBanSao"] = copies;
        var filing = BirthFiling.At(unit) with { Answers = answers.ToJsonString() };
        return await sp.GetRequiredService<DossierService>().FileOnlineAsync(filing, BirthFiling.Citizen, "pay-" + Guid.NewGuid(), CancellationToken.None);
    });

    /// <summary>The dossier's orders (fixing its fee as the payment page does).</summary>
    public Task<PaymentView> ViewAsync(Guid dossierId) => WithScopeAsync(async sp =>
    {
        var dossier = await sp.GetRequiredService<DossierService>().LoadAsync(dossierId, CancellationToken.None);
        return await sp.GetRequiredService<PaymentService>().ViewAsync(dossier, CancellationToken.None);
    });

    /// <summary>A new attempt for the dossier's first due order, and the signed gateway address the payer is sent to.</summary>
    public async Task<(PaymentAttempt Attempt, string Url)> StartAsync(Guid dossierId)
    {
        var order = (await ViewAsync(dossierId)).Due.First();
        return await WithScopeAsync(async sp =>
        {
            var dossier = await sp.GetRequiredService<DossierService>().LoadAsync(dossierId, CancellationToken.None);
            var attempt = await sp.GetRequiredService<PaymentService>().StartAttemptAsync(dossier, order.Id, CancellationToken.None);
            var url = sp.GetRequiredService<VnPayGateway>().PaymentUrl(attempt.TxnRef, attempt.Amount, PaymentService.OrderInfo(dossier), "127.0.0.1", "vn",
                "http://localhost" + PaymentsModule.ReturnPath);
            return (attempt, url);
        });
    }

    /// <summary>The payer on the simulator's page: opens it, picks <paramref name="action"/>; returns the redirect back.</summary>
    public async Task<string> PayAtGatewayAsync(string url, string action = "pay", IpnMode mode = IpnMode.Normal)
    {
        using var client = CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var token = Regex.Match(page, "name=\"token\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        using var response = await client.PostAsync(new Uri(VnPayOptions.SimulatorPrefix + "/paymentv2/pay", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["action"] = action, ["ipn"] = mode.ToString() }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>An IPN call as the gateway would make it (signed with the demo secret unless told otherwise); the RspCode.</summary>
    public async Task<string> IpnAsync(PaymentAttempt attempt, string response = "00", string status = "00", long? amount100 = null,
        string secret = VnPayOptions.DemoHashSecret, Action<Dictionary<string, string?>>? tamper = null)
    {
        var p = new Dictionary<string, string?>
        {
            ["vnp_Amount"] = (amount100 ?? attempt.Amount * 100).ToString(System.Globalization.CultureInfo.InvariantCulture), ["vnp_BankCode"] = "NCB",
            ["vnp_OrderInfo"] = "Thanh toan", ["vnp_PayDate"] = "20260302090000", ["vnp_ResponseCode"] = response, ["vnp_TmnCode"] = VnPayOptions.DemoTmnCode,
            ["vnp_TransactionNo"] = "14000001", ["vnp_TransactionStatus"] = status, ["vnp_TxnRef"] = attempt.TxnRef,
        };
        p["vnp_SecureHash"] = VnPaySignature.Sign(p, secret);
        tamper?.Invoke(p);
        return await RawIpnAsync(string.Join('&', p.Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value ?? ""))));
    }

    public async Task<string> RawIpnAsync(string query)
    {
        using var client = CreateClient();
        var json = await client.GetStringAsync(new Uri(PaymentsModule.IpnPath + "?" + query, UriKind.Relative));
        return JsonDocument.Parse(json).RootElement.GetProperty("RspCode").GetString()!;
    }

    public Task<T> DbAsync<T>(Func<Web.Infrastructure.Persistence.MotCuaDbContext, Task<T>> work) => WithDbAsync(work);

    public Task<List<PaymentReceipt>> ReceiptsAsync(Guid dossierId) =>
        WithDbAsync(db => db.Set<PaymentReceipt>().AsNoTracking().Where(r => r.DossierId == dossierId).ToListAsync());

    public Task<PaymentOrder> OrderAsync(Guid orderId) => WithDbAsync(db => db.Set<PaymentOrder>().AsNoTracking().FirstAsync(o => o.Id == orderId));

    public Task<PaymentAttempt> AttemptAsync(Guid id) => WithDbAsync(db => db.Set<PaymentAttempt>().AsNoTracking().FirstAsync(a => a.Id == id));
}
