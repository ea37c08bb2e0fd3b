using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Dossiers.Attachments;

namespace MotCua.Web.Tests.Citizens;

/// <summary>My dossiers: the owner's list and page, withdraw, rate and supplement by their rules, pages and JSON alike.</summary>
public sealed class MyDossiersTests(CitizenFactory factory) : IClassFixture<CitizenFactory>
{
    private static readonly Actor Officer = Actor.Staff("officer-1", "Lê Thị Tiếp");

    /// <summary>Filed by the service for the demo citizen An (the birth filing's owner).</summary>
    private async Task<Dossier> FileAsync() => await factory.WithScopeAsync(async sp =>
        await BirthFiling.FileAsync(sp.GetRequiredService<DossierService>(), await CitizenClient.HoanKiemAsync(factory), "my-" + Guid.NewGuid().ToString("N")));

    /// <summary>What the back office would do (its pages come with another issue): the domain on the stored dossier.</summary>
    private Task DriveAsync(Guid id, Action<Dossier, ProcessingContext, DateTimeOffset> act) => factory.WithDbAsync(async db =>
    {
        var dossier = await db.Dossiers.Include(d => d.Tasks).SingleAsync(d => d.Id == id);
        var version = await db.ProcedureVersions.SingleAsync(v => v.Id == dossier.ProcedureVersionId);
        act(dossier, new ProcessingContext(CatalogService.Read(version).Workflow!, _ => dossier.ReceivingUnitId, WorkingCalendar.Default), DateTimeOffset.UtcNow.AddMinutes(1));
        return await db.SaveChangesAsync();
    });

    private Task ReturnResultAsync(Guid id) => DriveAsync(id, (d, ctx, now) =>
    {
        d.Accept(DossierCode.Create("000.01.60.H26", now, Random.Shared.Next(5000, 9999)), WorkingCalendar.Default.DueDate(now, 3, TimeUnit.WorkingDays), ctx, Officer, now);
        d.Forward(ctx, Officer, now);
        d.Approve(ctx, Officer, now);
        d.IssueResult(ctx, [new ResultDocumentRef("Giấy khai sinh", Guid.NewGuid())], Officer, now);
        d.ReturnResult(Channel.Online, Officer, now);
    });

    [Fact]
    public async Task The_owner_sees_status_due_date_history_and_files_and_another_citizen_gets_404_everywhere()
    {
        var dossier = await FileAsync();
        using var an = await CitizenClient.SignInAsync(factory);
        var list = CitizenClient.Decoded(await an.GetPageAsync("/my/dossiers"));
        Assert.Contains(dossier.Reference, list, StringComparison.Ordinal);
        Assert.Contains("1 – Mới đăng ký", list, StringComparison.Ordinal);
        var page = CitizenClient.Decoded(await an.GetPageAsync($"/my/dossiers/{dossier.Id}"));
        Assert.Contains("Hồ sơ đã được nộp trực tuyến, đang chờ tiếp nhận.", page, StringComparison.Ordinal);
        Assert.Contains("Rút hồ sơ", page, StringComparison.Ordinal);
        var json = await an.Client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/my/dossiers/{dossier.Id}");
        Assert.Equal(1, json.GetProperty("status").GetInt32());
        Assert.Equal(1, json.GetProperty("history").GetArrayLength());

        using var bich = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.GetAsync($"/my/dossiers/{dossier.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.GetAsync($"/my/dossiers/{dossier.Id}/filed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.GetAsync($"/api/v1/my/dossiers/{dossier.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.Client.Http.PostAsJsonAsync($"/api/v1/my/dossiers/{dossier.Id}/withdraw", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.PostAsync("/citizen/sign-out", $"/my/dossiers/{dossier.Id}?handler=withdraw", new() { ["Reason"] = "x" })).StatusCode);
        Assert.DoesNotContain(dossier.Reference, await bich.GetPageAsync("/my/dossiers"), StringComparison.Ordinal);
        Assert.Equal(DossierStatus.New, (await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id))).Status);
    }

    [Fact]
    public async Task Withdrawal_needs_a_reason_and_is_refused_once_the_dossier_is_closed()
    {
        var dossier = await FileAsync();
        using var an = await CitizenClient.SignInAsync(factory);
        var url = $"/my/dossiers/{dossier.Id}";

        var empty = await an.PostAsync(url, url + "?handler=withdraw", new() { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var html = CitizenClient.Decoded(await empty.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#reason\">Nhập lý do rút hồ sơ.</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reason-error\"", html, StringComparison.Ordinal);

        var done = await an.PostAsync(url, url + "?handler=withdraw", new() { ["Reason"] = "Đã nộp nhầm thủ tục" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id));
        Assert.Equal(DossierStatus.Withdrawn, stored.Status);
        Assert.Contains("Công dân đã rút hồ sơ. Lý do: Đã nộp nhầm thủ tục", CitizenClient.Decoded(await an.GetPageAsync(url)), StringComparison.Ordinal);

        var again = await an.Client.Http.PostAsJsonAsync($"/api/v1{url}/withdraw", new { reason = "lần nữa" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Không thể rút hồ sơ ở trạng thái 7", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(stored.Version, (await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id))).Version);
    }

    [Fact]
    public async Task Rating_is_refused_before_the_return_then_accepted_once_from_1_to_5()
    {
        var dossier = await FileAsync();
        using var an = await CitizenClient.SignInAsync(factory);
        var api = $"/api/v1/my/dossiers/{dossier.Id}/rate";

        var early = await an.Client.Http.PostAsJsonAsync(api, new { score = 5 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Chỉ đánh giá được sau khi đã nhận kết quả", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);

        await ReturnResultAsync(dossier.Id);
        var url = $"/my/dossiers/{dossier.Id}";
        Assert.DoesNotContain("handler=withdraw", await an.GetPageAsync(url), StringComparison.Ordinal);
        var wrong = await an.Client.Http.PostAsJsonAsync(api, new { score = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("score", out _));
        var noScore = await an.PostAsync(url, url + "?handler=rate", new() { ["Comment"] = "Nhanh" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noScore.StatusCode);
        Assert.Contains("<a href=\"#score\">Chọn mức đánh giá từ 1 đến 5.</a>", CitizenClient.Decoded(await noScore.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await an.PostAsync(url, url + "?handler=rate", new() { ["Score"] = "4", ["Comment"] = "Nhanh, chu đáo" })).StatusCode);
        var stored = await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id));
        Assert.Equal(new Rating(4, "Nhanh, chu đáo", stored.Rating!.At), stored.Rating);
        var twice = await an.Client.Http.PostAsJsonAsync(api, new { score = 5 });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("đã được đánh giá", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_request_is_answered_with_checked_files_and_the_round_is_recorded()
    {
        var dossier = await FileAsync();
        using var an = await CitizenClient.SignInAsync(factory);
        var url = $"/my/dossiers/{dossier.Id}";

        var notAsked = await an.Client.Http.PostAsJsonAsync($"/api/v1{url}/supplement", new { answers = new { } });
        Assert.Equal(HttpStatusCode.Conflict, notAsked.StatusCode);
        Assert.Contains("không có yêu cầu bổ sung", (await notAsked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);

        await DriveAsync(dossier.Id, (d, ctx, now) => d.RequestSupplement(ctx, "Bản chụp giấy chứng sinh bị mờ", ["giay-chung-sinh-truong-hop-khong-co"], Officer, now));
        var page = CitizenClient.Decoded(await an.GetPageAsync(url));
        Assert.Contains("Bản chụp giấy chứng sinh bị mờ", page, StringComparison.Ordinal);

        var before = factory.StoredFileCount;
        var refused = await PostFilesAsync(an, url, ("a.pdf", Samples.Pdf), ("b.pdf", Samples.Exe));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"files-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, factory.StoredFileCount);

        var answered = await PostFilesAsync(an, url, ("giay-chung-sinh.pdf", Samples.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id));
        Assert.Equal(DossierStatus.New, stored.Status);
        var round = Assert.Single(stored.SupplementRounds);
        Assert.NotNull(round.AnsweredAt);
        var added = Assert.Single(stored.Attachments);
        Assert.Equal(("giay-chung-sinh-truong-hop-khong-co", "application/pdf"), (added.DocumentKey, added.ContentType));
        Assert.Equal(before + 1, factory.StoredFileCount);
        var download = await an.GetAsync($"{url}/files/{added.FileId}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Samples.Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    private static async Task<HttpResponseMessage> PostFilesAsync(CitizenClient client, string url, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetPageAsync(url);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Infrastructure.StaffClient.Token(page)!), "__RequestVerificationToken");
        content.Add(new StringContent("giay-chung-sinh-truong-hop-khong-co"), "DocumentKey");
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), "files", name);
        return await client.Client.Http.PostAsync(new Uri(url + "?handler=supplement", UriKind.Relative), content);
    }
}
