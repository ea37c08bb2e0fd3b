using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Dossiers.Attachments;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Office.OfficeHelpers;

namespace MotCua.Web.Tests.Payments;

/// <summary>The citizen's and the counter's side, over the pages (no JavaScript): file, pay, see it paid, get the receipt.</summary>
public sealed partial class CitizenPaymentTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    [Fact]
    public async Task A_citizen_files_a_fee_bearing_procedure_pays_through_the_gateway_and_gets_the_receipt()
    {
        using var citizen = await CitizenClient.SignInAsync(factory);
        var draft = await citizen.StartDraftAsync(await CitizenClient.HoanKiemAsync(factory));
        await citizen.AnswerAllStepsAsync(draft); // one extract copy: 8 000 đồng
        foreach (var step in CitizenClient.MandatoryDocumentSteps())
            Assert.Equal(HttpStatusCode.Redirect, (await citizen.UploadAsync(draft, step, "ban-chup.png", Samples.Png, "image/png")).StatusCode);
        var check = await citizen.GetPageAsync($"{draft}?step={4 + 8 + 2}");
        Assert.Contains("8.000 đồng", CitizenClient.Decoded(check), StringComparison.Ordinal); // shown before filing

        var filed = await citizen.PostAsync($"{draft}?step={4 + 8 + 2}", $"{draft}?handler=submit", new() { ["key"] = CitizenClient.Key(check) });
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var id = Guid.Parse(filed.Headers.Location!.OriginalString.Split('/')[3]);
        var filedPage = await citizen.GetPageAsync(filed.Headers.Location!.OriginalString);
        Assert.Contains("id=\"payment-due\"", filedPage, StringComparison.Ordinal);
        // The fee was fixed in the filing's transaction, not later by a page.
        var fee = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<DossierFee>(), f => f.DossierId == id));
        Assert.Equal(8_000, fee.Total);

        var payment = $"/my/dossiers/{id}/payment";
        var page = await citizen.GetPageAsync(payment);
        var order = OrderPattern().Match(page).Groups[1].Value;
        var toGateway = await citizen.PostAsync(payment, payment + "?handler=online", new() { ["order"] = order });
        Assert.Equal(HttpStatusCode.Redirect, toGateway.StatusCode);
        var gatewayUrl = toGateway.Headers.Location!.OriginalString;
        Assert.StartsWith(VnPayOptions.SimulatorPrefix + "/paymentv2/vpcpay.html?vnp_Amount=800000&vnp_Command=pay&", gatewayUrl, StringComparison.Ordinal);

        var back = await factory.PayAtGatewayAsync(gatewayUrl);
        var result = await citizen.GetPageAsync(new Uri(back).PathAndQuery);
        Assert.Contains("data-state=\"confirmed\"", result, StringComparison.Ordinal);

        Assert.Contains("id=\"paid-online\"", await citizen.GetPageAsync($"/my/dossiers/{id}"), StringComparison.Ordinal);
        Assert.Contains("BL-", await citizen.GetPageAsync(payment), StringComparison.Ordinal);
        using var pdf = await citizen.GetAsync(payment + "/receipts.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.True(await factory.WithScopeAsync(sp => sp.GetRequiredService<PaymentService>().PaidOnlineAsync(id, CancellationToken.None)));

        // Another citizen sees nothing of it.
        using var other = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(payment)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(payment + "/receipts.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_counter_officer_records_cash_with_a_receipt_and_only_the_counter_may()
    {
        var dossier = await factory.FileAsync(copies: 2);
        var order = (await factory.ViewAsync(dossier.Id)).Due.Single();
        var page = $"/staff/dossiers/{dossier.Id}/payment";

        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostFormAsync(page, new() { ["order"] = order.Id.ToString() }, page + "?handler=cash")).StatusCode);

        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var done = await counter.PostFormAsync(page, new() { ["order"] = order.Id.ToString() }, page + "?handler=cash");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var again = await counter.PostFormAsync(page, new() { ["order"] = order.Id.ToString() }, page + "?handler=cash");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        var paid = await factory.OrderAsync(order.Id);
        Assert.Equal((PaymentOrderStatus.Paid, PaymentMethod.Counter), (paid.Status, paid.Method));
        var receipt = Assert.Single(await factory.ReceiptsAsync(dossier.Id));
        Assert.Equal((16_000L, paid.Reference), (receipt.Amount, (string?)receipt.Number));
        Assert.False((await factory.ViewAsync(dossier.Id)).PaidOnline);
        using var pdf = await counter.GetAsync(page + "/receipts.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_exemption_needs_its_reason_and_then_nothing_is_due()
    {
        var dossier = await factory.FileAsync(copies: 1);
        var page = $"/staff/dossiers/{dossier.Id}/payment";
        using var counter = await StaffClient.SignInAsync(factory, Counter);

        var missing = await counter.PostFormAsync(page, new() { ["Reason"] = " " }, page + "?handler=exempt");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("href=\"#reason\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await factory.ViewAsync(dossier.Id)).Due);

        Assert.Equal(HttpStatusCode.Redirect, (await counter.PostFormAsync(page, new() { ["Reason"] = "Trẻ em thuộc hộ nghèo" }, page + "?handler=exempt")).StatusCode);

        var view = await factory.ViewAsync(dossier.Id);
        Assert.Empty(view.Due);
        Assert.Equal(PaymentOrderStatus.Exempt, view.Orders.Single().Status);
        Assert.Equal((ExemptionState.Confirmed, "Trẻ em thuộc hộ nghèo"), (view.Fee.Exemption, view.Fee.ExemptionReason));
    }

    [Fact]
    public async Task An_applicants_claim_is_recorded_at_filing_and_waits_for_the_counter_to_confirm_it()
    {
        var id = await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Infrastructure.Persistence.MotCuaDbContext>();
            var procedure = await sp.GetRequiredService<Web.Features.Dossiers.FilingProcedures>().PublishedAsync(db, Dossiers.BirthFiling.Code, CancellationToken.None);
            using var watch = sp.GetRequiredService<FeeService>().RecordOnFiling(procedure!.Definition, "  Con của người có công  ");
            var unit = await CitizenClient.HoanKiemAsync(factory);
            var dossier = await sp.GetRequiredService<Web.Features.Dossiers.DossierService>()
                .FileOnlineAsync(Dossiers.BirthFiling.At(unit), Dossiers.BirthFiling.Citizen, "claim-" + Guid.NewGuid(), CancellationToken.None);
            return dossier.Id;
        });

        var view = await factory.ViewAsync(id);
        Assert.Equal((ExemptionState.Claimed, "Con của người có công"), (view.Fee.Exemption, view.Fee.ExemptionReason));
        Assert.Equal(8_000, Assert.Single(view.Due).Amount); // a claim alone waives nothing

        var page = $"/staff/dossiers/{id}/payment";
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        Assert.Contains("Con của người có công", CitizenClient.Decoded(await counter.GetPageAsync(page)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await counter.PostFormAsync(page, new() { ["Reason"] = "Con của người có công (đã kiểm tra giấy xác nhận)" }, page + "?handler=exempt")).StatusCode);
        Assert.Empty((await factory.ViewAsync(id)).Due);
    }

    [Fact]
    public async Task A_paid_status_6_request_resumes_processing_in_the_IPN_transaction()
    {
        var dossier = await factory.FileAsync(copies: 0);
        Assert.Empty((await factory.ViewAsync(dossier.Id)).Due); // no extract copies: nothing to pay at filing
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        await RequestPaymentAsync(counter, dossier, 30_000);

        var (attempt, _) = await factory.StartAsync(dossier.Id);
        Assert.Equal(30_000, attempt.Amount);
        Assert.Equal(VnPayRspCodes.Confirmed, await factory.IpnAsync(attempt));

        var after = await factory.WithScopeAsync(sp => sp.GetRequiredService<Web.Features.Dossiers.DossierService>().LoadAsync(dossier.Id, CancellationToken.None));
        Assert.Equal(DossierStatus.Processing, after.Status);
        var receipt = Assert.Single(await factory.ReceiptsAsync(dossier.Id));
        Assert.Equal(receipt.Number, after.Payments.Single().PaymentReference);
    }

    [Fact]
    public async Task A_request_settled_by_the_counter_action_is_shown_paid_not_due()
    {
        var dossier = await factory.FileAsync(copies: 0);
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var s = await RequestPaymentAsync(counter, dossier, 15_000);
        Assert.Equal(15_000, (await factory.ViewAsync(dossier.Id)).Due.Single().Amount);

        await ActAsync(counter, dossier.Id, "payment-received", new { version = s, reference = "BL-GIAY-0001" });

        var order = Assert.Single((await factory.ViewAsync(dossier.Id)).Orders);
        Assert.Equal((PaymentOrderStatus.Paid, PaymentMethod.Counter, "BL-GIAY-0001"), (order.Status, order.Method, order.Reference));
    }

    /// <summary>Accepted, claimed, sent back to reception (where the workflow asks for payment), and a status-6 request.</summary>
    private async Task<int> RequestPaymentAsync(StaffClient counter, Dossier dossier, long amount)
    {
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        var s = await ActAsync(counter, dossier.Id, "accept", new { version = dossier.Version });
        s = await ActAsync(specialist, dossier.Id, "claim", new { version = s });
        s = await ActAsync(specialist, dossier.Id, "send-back", new { version = s, reason = "Chưa thu lệ phí" });
        s = await ActAsync(counter, dossier.Id, "claim", new { version = s });
        return await ActAsync(counter, dossier.Id, "payment-request", new { version = s, amount, reason = "Lệ phí đăng ký bổ sung" });
    }

    private static async Task<int> ActAsync(StaffClient client, Guid id, string action, object body)
    {
        using var response = await client.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {json}");
        return JsonDocument.Parse(json).RootElement.GetProperty("version").GetInt32();
    }

    [GeneratedRegex("name=\"order\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OrderPattern();
}
