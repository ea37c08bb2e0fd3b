using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Payments.Data;

namespace MotCua.Web.Tests.Payments;

/// <summary>The IPN's documented answers, and "a payment counts once" under repeated, concurrent and late calls.</summary>
public sealed class IpnTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task A_signed_success_confirms_the_order_once_with_a_receipt_and_00()
    {
        var dossier = await factory.FileAsync(copies: 3);
        var (attempt, _) = await factory.StartAsync(dossier.Id);

        Assert.Equal(24_000, attempt.Amount);
        Assert.Equal(VnPayRspCodes.Confirmed, await factory.IpnAsync(attempt));

        var order = await factory.OrderAsync(attempt.OrderId);
        Assert.Equal((PaymentOrderStatus.Paid, PaymentMethod.Online, attempt.TxnRef), (order.Status, order.Method, order.Reference));
        var receipt = Assert.Single(await factory.ReceiptsAsync(dossier.Id));
        Assert.Equal(24_000, receipt.Amount);
        Assert.Matches(@"^BL-\d{4}-\d{6}$", receipt.Number);
        Assert.True((await factory.ViewAsync(dossier.Id)).PaidOnline);
        Assert.Equal("ipn", (await factory.AttemptAsync(attempt.Id)).SettledBy);
    }

    [Fact]
    public async Task The_same_IPN_again_is_02_and_counts_nothing_more()
    {
        var dossier = await factory.FileAsync();
        var (attempt, _) = await factory.StartAsync(dossier.Id);

        Assert.Equal(VnPayRspCodes.Confirmed, await factory.IpnAsync(attempt));
        Assert.Equal(VnPayRspCodes.AlreadyConfirmed, await factory.IpnAsync(attempt));
        Assert.Equal(VnPayRspCodes.AlreadyConfirmed, await factory.IpnAsync(attempt, "99", "02"));

        Assert.Single(await factory.ReceiptsAsync(dossier.Id));
        Assert.Equal(PaymentOrderStatus.Paid, (await factory.OrderAsync(attempt.OrderId)).Status);
    }

    [Fact]
    public async Task Concurrent_duplicate_IPNs_confirm_exactly_once()
    {
        var dossier = await factory.FileAsync();
        var (attempt, _) = await factory.StartAsync(dossier.Id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => factory.IpnAsync(attempt)));

        Assert.Equal(1, answers.Count(a => a == VnPayRspCodes.Confirmed));
        Assert.All(answers.Where(a => a != VnPayRspCodes.Confirmed), a => Assert.Equal(VnPayRspCodes.AlreadyConfirmed, a));
        Assert.Single(await factory.ReceiptsAsync(dossier.Id));
    }

    [Fact]
    public async Task An_unknown_order_is_01()
    {
        var dossier = await factory.FileAsync();
        var (attempt, _) = await factory.StartAsync(dossier.Id);

        Assert.Equal(VnPayRspCodes.OrderNotFound, await factory.IpnAsync(new PaymentAttempt { TxnRef = "MCNOSUCHORDER", Amount = attempt.Amount }));
    }

    [Fact]
    public async Task A_different_amount_is_04_and_audited_and_nothing_changes()
    {
        var dossier = await factory.FileAsync();
        var (attempt, _) = await factory.StartAsync(dossier.Id);

        Assert.Equal(VnPayRspCodes.InvalidAmount, await factory.IpnAsync(attempt, amount100: attempt.Amount * 100 - 100));

        Assert.Equal(PaymentOrderStatus.Due, (await factory.OrderAsync(attempt.OrderId)).Status);
        Assert.Empty(await factory.ReceiptsAsync(dossier.Id));
        Assert.True(await factory.DbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "payment.ipn" && e.Detail == "RspCode 04" && e.ObjectLabel == attempt.TxnRef)));
    }

    [Fact]
    public async Task A_bad_signature_is_97_whether_signed_with_another_key_or_changed_after_signing()
    {
        var dossier = await factory.FileAsync();
        var (attempt, _) = await factory.StartAsync(dossier.Id);

        Assert.Equal(VnPayRspCodes.InvalidSignature, await factory.IpnAsync(attempt, secret: "not-the-merchant-secret"));
        Assert.Equal(VnPayRspCodes.InvalidSignature, await factory.IpnAsync(attempt, tamper: p => p["vnp_Amount"] = "100"));
        Assert.Equal(VnPayRspCodes.InvalidSignature, await factory.IpnAsync(attempt, "24", "02", tamper: p => p["vnp_ResponseCode"] = "00"));

        Assert.Equal(PaymentOrderStatus.Due, (await factory.OrderAsync(attempt.OrderId)).Status);
        Assert.Equal(AttemptStatus.Pending, (await factory.AttemptAsync(attempt.Id)).Status);
        Assert.True(await factory.DbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "payment.ipn" && e.Detail == "RspCode 97")));
    }

    [Fact]
    public async Task A_call_without_input_is_99()
    {
        Assert.Equal(VnPayRspCodes.Unknown, await factory.RawIpnAsync(""));
    }

    [Fact]
    public async Task A_failure_is_recorded_with_00_and_a_stale_failure_after_a_success_changes_nothing()
    {
        var dossier = await factory.FileAsync();
        var (failed, _) = await factory.StartAsync(dossier.Id);
        Assert.Equal(VnPayRspCodes.Confirmed, await factory.IpnAsync(failed, "24", "02"));
        Assert.Equal(AttemptStatus.Failed, (await factory.AttemptAsync(failed.Id)).Status);
        Assert.Equal(PaymentOrderStatus.Due, (await factory.OrderAsync(failed.OrderId)).Status);

        var (paid, _) = await factory.StartAsync(dossier.Id);
        Assert.Equal(VnPayRspCodes.Confirmed, await factory.IpnAsync(paid));
        Assert.Equal(VnPayRspCodes.AlreadyConfirmed, await factory.IpnAsync(paid, "99", "02"));

        Assert.Equal(AttemptStatus.Succeeded, (await factory.AttemptAsync(paid.Id)).Status);
        Assert.Equal(PaymentOrderStatus.Paid, (await factory.OrderAsync(paid.OrderId)).Status);
        Assert.Single(await factory.ReceiptsAsync(dossier.Id));
    }
}
