using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Delivery;
using MotCua.Web.Features.Delivery;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Dossiers.Attachments;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Delivery;

/// <summary>The applicant's choice: a wizard page of its own (fee shown, then confirmed), and changeable afterwards.</summary>
public sealed class DeliveryChoiceTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private const int DeliveryStep = 4 + 8 + 1;

    private static Dictionary<string, string> Address(string phone = "0912 345 678") => new()
    {
        ["method"] = "post", ["receiverName"] = "Nguyễn Văn An", ["phone"] = phone, ["street"] = "12 Hàng Bạc",
        ["commune"] = "Phường Hoàn Kiếm", ["province"] = "Thành phố Hà Nội",
    };

    private Task<int> ChoicesOfDraftAsync(Guid draft) => factory.WithDbAsync(db => db.Set<DeliveryChoice>().CountAsync(c => c.DraftId == draft));

    [Fact]
    public async Task Post_in_the_wizard_shows_errors_by_field_then_the_fee_then_is_filed_with_the_dossier_and_its_pickup()
    {
        using var citizen = await CitizenClient.SignInAsync(factory);
        var draft = await citizen.StartDraftAsync(await CitizenClient.HoanKiemAsync(factory));
        var draftId = CitizenClient.DraftIdOf(draft);
        await citizen.AnswerAllStepsAsync(draft);
        foreach (var step in CitizenClient.MandatoryDocumentSteps())
            Assert.Equal(HttpStatusCode.Redirect, (await citizen.UploadAsync(draft, step, "ban-chup.png", Samples.Png, "image/png")).StatusCode);
        var page = $"{draft}?step={DeliveryStep}";
        var action = $"{draft}?handler=delivery&step={DeliveryStep}";
        Assert.Contains("name=\"method\"", await citizen.GetPageAsync(page), StringComparison.Ordinal);

        // Post with no address: each field has its message beside it, the summary links to it, nothing is written.
        var empty = await citizen.PostAsync(page, action, new() { ["method"] = "post", ["phone"] = "12345" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var html = CitizenClient.Decoded(await empty.Content.ReadAsStringAsync());
        foreach (var field in new[] { "receiverName", "phone", "street", "commune" })
        {
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("Nhập số điện thoại Việt Nam", html, StringComparison.Ordinal);
        var noMethod = await citizen.PostAsync(page, action, new() { ["method"] = "pigeon" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noMethod.StatusCode);
        Assert.Contains("id=\"method-error\"", await noMethod.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ChoicesOfDraftAsync(draftId));

        // A good address: the fee for an inner ward of Hanoi is shown, still nothing written until confirmed.
        var fields = Address();
        fields["pickup"] = "true";
        var quoted = await citizen.PostAsync(page, action, fields);
        Assert.Equal(HttpStatusCode.OK, quoted.StatusCode);
        var quote = CitizenClient.Decoded(await quoted.Content.ReadAsStringAsync());
        Assert.Contains("22.000 ₫", quote, StringComparison.Ordinal);
        Assert.Contains("nội thành", quote, StringComparison.Ordinal);
        Assert.Contains("****5678", quote, StringComparison.Ordinal);
        Assert.Equal(0, await ChoicesOfDraftAsync(draftId));

        fields["confirm"] = "true";
        var confirmed = await citizen.PostAsync(page, action, fields);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.EndsWith($"?step={DeliveryStep + 1}", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.Set<DeliveryChoice>().AsNoTracking().SingleAsync(c => c.DraftId == draftId));
        Assert.Equal((Channel.Post, true, 22_000L, 22_000L, TariffArea.Inner, "0912345678"), (saved.Method, saved.Pickup, saved.ResultFee, saved.PickupFee, saved.Area!.Value, saved.Receiver!.Phone));

        // Filing makes the choice the dossier's and orders the file pickup, in the filing's transaction.
        var check = await citizen.GetPageAsync($"{draft}?step={DeliveryStep + 1}");
        var submitted = await citizen.PostAsync($"{draft}?step={DeliveryStep + 1}", $"{draft}?handler=submit", new() { ["key"] = CitizenClient.Key(check) });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var dossierId = Guid.Parse(submitted.Headers.Location!.OriginalString.Split('/')[3]);
        var choice = await factory.WithDbAsync(db => db.Set<DeliveryChoice>().AsNoTracking().SingleAsync(c => c.Id == saved.Id));
        Assert.Equal((dossierId, (Guid?)null), (choice.DossierId!.Value, choice.DraftId));
        var pickup = Assert.Single(await factory.ShipmentsAsync(dossierId));
        Assert.Equal((ShipmentPurpose.Pickup, ShipmentState.Created), (pickup.Purpose, pickup.State));
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.DedupeKey == "postal:create:" + pickup.OrderNumber)));

        // The post picks the file up and delivers it to the unit: recorded on the dossier's history.
        Assert.Equal(1, await factory.SendOrdersAsync());
        await factory.Post.AdvanceAsync(pickup.OrderNumber, "delivered", null);
        var history = CitizenClient.Decoded(await citizen.GetPageAsync($"/my/dossiers/{dossierId}"));
        Assert.Contains("Bưu điện đã nhận và chuyển hồ sơ giấy", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_applicant_changes_the_choice_later_and_another_citizen_cannot()
    {
        var dossier = await factory.DossierAsync(Channel.Post, processed: false);
        using var an = await CitizenClient.SignInAsync(factory);
        var url = $"/my/dossiers/{dossier.Id}/delivery";
        Assert.Contains("value=\"12 Hàng Bạc\"", CitizenClient.Decoded(await an.GetPageAsync(url)), StringComparison.Ordinal);
        Assert.Contains(url, await an.GetPageAsync($"/my/dossiers/{dossier.Id}"), StringComparison.Ordinal);

        // A bad phone: the message beside the field, the saved choice untouched.
        var bad = await an.PostAsync(url, url, Address(phone: "abc"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("id=\"phone-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another province: the other-province fee, confirmed.
        var far = Address();
        far["commune"] = "Phường Hạc Thành";
        far["province"] = "Tỉnh Thanh Hóa";
        Assert.Contains("45.000 ₫", CitizenClient.Decoded(await (await an.PostAsync(url, url, far)).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        far["confirm"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await an.PostAsync(url, url, far)).StatusCode);
        var choice = await factory.WithDbAsync(db => db.Set<DeliveryChoice>().AsNoTracking().SingleAsync(c => c.DossierId == dossier.Id));
        Assert.Equal((45_000L, TariffArea.OtherProvince, "Tỉnh Thanh Hóa"), (choice.ResultFee, choice.Area!.Value, choice.Receiver!.Province));

        // Back to the counter: no address, no fee.
        Assert.Equal(HttpStatusCode.Redirect, (await an.PostAsync(url, url, new() { ["method"] = "counter" })).StatusCode);
        choice = await factory.WithDbAsync(db => db.Set<DeliveryChoice>().AsNoTracking().SingleAsync(c => c.DossierId == dossier.Id));
        Assert.Equal((Channel.Counter, 0L, true), (choice.Method, choice.ResultFee, choice.Receiver is null));

        using var bich = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.PostAsync(CitizenClient.Birth, url, new() { ["method"] = "online" })).StatusCode);
    }
}
