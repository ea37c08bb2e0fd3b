using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Simulators.VNPay;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Payments.Data;

namespace MotCua.Web.Tests.Payments;

/// <summary>Through the bundled gateway: its IPN modes, the return page, reconciliation by querydr, refunds.</summary>
public sealed class GatewayFlowTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    [Theory]
    [InlineData(IpnMode.Normal)]
    [InlineData(IpnMode.Retried)]
    [InlineData(IpnMode.Duplicated)]
    [InlineData(IpnMode.OutOfOrder)]
    public async Task However_the_IPN_arrives_the_payment_counts_once(IpnMode mode)
    {
        var dossier = await factory.FileAsync();
        var (attempt, url) = await factory.StartAsync(dossier.Id);

        var back = await factory.PayAtGatewayAsync(url, "pay", mode);

        Assert.StartsWith("http://localhost" + PaymentsModule.ReturnPath + "?", back, StringComparison.Ordinal);
        Assert.Equal(PaymentOrderStatus.Paid, (await factory.OrderAsync(attempt.OrderId)).Status);
        Assert.Single(await factory.ReceiptsAsync(dossier.Id));
        var calls = factory.Simulator.IpnCalls.Where(c => c.TxnRef == attempt.TxnRef).ToList();
        Assert.Equal(1, calls.Count(c => c.RspCode == "00"));
        Assert.All(calls.Where(c => c.RspCode != "00"), c => Assert.Equal("02", c.RspCode)); // concurrent calls finish in any order
        Assert.Contains("data-state=\"confirmed\"", await ReturnPageAsync(back, HttpStatusCode.OK), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delayed_IPN_leaves_the_return_page_waiting_and_then_confirms()
    {
        var dossier = await factory.FileAsync();
        var (attempt, url) = await factory.StartAsync(dossier.Id);

        var back = await factory.PayAtGatewayAsync(url, "pay", IpnMode.Delayed);

        Assert.Contains("data-state=\"pending\"", await ReturnPageAsync(back, HttpStatusCode.OK), StringComparison.Ordinal);
        for (var i = 0; i < 100 && (await factory.OrderAsync(attempt.OrderId)).Status != PaymentOrderStatus.Paid; i++) await Task.Delay(100);
        Assert.Equal(PaymentOrderStatus.Paid, (await factory.OrderAsync(attempt.OrderId)).Status);
    }

    [Theory]
    [InlineData("cancel", "24")]
    [InlineData("fail", "51")]
    public async Task A_cancelled_or_failed_payment_leaves_the_order_due(string action, string code)
    {
        var dossier = await factory.FileAsync();
        var (attempt, url) = await factory.StartAsync(dossier.Id);

        var back = await factory.PayAtGatewayAsync(url, action);

        Assert.Contains("data-state=\"failed\"", await ReturnPageAsync(back, HttpStatusCode.OK), StringComparison.Ordinal);
        var settled = await factory.AttemptAsync(attempt.Id);
        Assert.Equal((AttemptStatus.Failed, code), (settled.Status, settled.ResponseCode));
        Assert.Equal(PaymentOrderStatus.Due, (await factory.OrderAsync(attempt.OrderId)).Status);
    }

    [Fact]
    public async Task A_tampered_return_address_shows_an_error_and_changes_nothing()
    {
        var dossier = await factory.FileAsync();
        var (attempt, url) = await factory.StartAsync(dossier.Id);
        var back = await factory.PayAtGatewayAsync(url, "cancel", IpnMode.Never);

        var forged = back.Replace("vnp_ResponseCode=24", "vnp_ResponseCode=00", StringComparison.Ordinal).Replace("vnp_TransactionStatus=02", "vnp_TransactionStatus=00", StringComparison.Ordinal);

        Assert.NotEqual(back, forged);
        Assert.Contains("data-state=\"invalid\"", await ReturnPageAsync(forged, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(AttemptStatus.Pending, (await factory.AttemptAsync(attempt.Id)).Status);
        Assert.Equal(PaymentOrderStatus.Due, (await factory.OrderAsync(attempt.OrderId)).Status);
    }

    [Fact]
    public async Task The_return_page_alone_never_confirms_a_payment()
    {
        var dossier = await factory.FileAsync();
        var (attempt, url) = await factory.StartAsync(dossier.Id);
        var back = await factory.PayAtGatewayAsync(url, "pay", IpnMode.Never);

        Assert.Contains("data-state=\"pending\"", await ReturnPageAsync(back, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Equal(PaymentOrderStatus.Due, (await factory.OrderAsync(attempt.OrderId)).Status);
    }

    [Fact]
    public async Task A_payment_whose_IPN_never_came_is_settled_once_by_the_reconciliation_job()
    {
        var dossier = await factory.FileAsync();
        var (attempt, url) = await factory.StartAsync(dossier.Id);
        await factory.PayAtGatewayAsync(url, "pay", IpnMode.Never);
        var (abandoned, _) = await factory.StartAsync(dossier.Id); // the payer never reached the gateway's page

        // Two instances running the job at once.
        await Task.WhenAll(RunAsync(j => j.ReconcileAsync(CancellationToken.None)), RunAsync(j => j.ReconcileAsync(CancellationToken.None)));
        await RunAsync(j => j.ReconcileAsync(CancellationToken.None));

        var settled = await factory.AttemptAsync(attempt.Id);
        Assert.Equal((AttemptStatus.Succeeded, "querydr"), (settled.Status, settled.SettledBy));
        Assert.Equal(PaymentOrderStatus.Paid, (await factory.OrderAsync(attempt.OrderId)).Status);
        Assert.Single(await factory.ReceiptsAsync(dossier.Id));
        // The gateway does not know the abandoned one: it stays pending until the give-up time.
        Assert.Equal(AttemptStatus.Pending, (await factory.AttemptAsync(abandoned.Id)).Status);
    }

    [Fact]
    public async Task A_dossier_refused_after_an_online_payment_gets_one_refund_through_the_gateway()
    {
        var dossier = await factory.FileAsync();
        var (attempt, url) = await factory.StartAsync(dossier.Id);
        await factory.PayAtGatewayAsync(url);
        await factory.WithScopeAsync(sp => sp.GetRequiredService<DossierService>()
            .RefuseAsync(dossier.Id, dossier.Version, "Hồ sơ không thuộc thẩm quyền", Actor.Staff("t", "Cán bộ"), CancellationToken.None));

        await Task.WhenAll(RunAsync(j => j.RefundAsync(CancellationToken.None)), RunAsync(j => j.RefundAsync(CancellationToken.None)));
        await RunAsync(j => j.RefundAsync(CancellationToken.None));

        var view = await factory.ViewAsync(dossier.Id);
        var refund = Assert.Single(view.Refunds);
        Assert.Equal((24_000L, RefundStatus.Refunded, "00"), (refund.Amount, refund.Status, refund.GatewayResponseCode));
        Assert.Equal(PaymentOrderStatus.Refunded, Assert.Single(view.Orders).Status);
        Assert.True(view.PaidOnline); // paid online it was, for the indicators
        Assert.Single(factory.Simulator.RefundedTxnRefs, attempt.TxnRef);
    }

    private Task<int> RunAsync(Func<PaymentJobs, Task<int>> job) => factory.WithScopeAsync(sp => job(sp.GetRequiredService<PaymentJobs>()));

    private async Task<string> ReturnPageAsync(string absolute, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(new Uri(absolute).PathAndQuery, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
