using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Tests.Dossiers.Attachments;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Office.OfficeHelpers;

namespace MotCua.Web.Tests.Office;

/// <summary>The back-office pages: each role does its part of a dossier's life through the forms, and nobody else can.</summary>
public sealed class OfficePagesTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public async Task A_dossier_goes_from_the_counter_queue_to_the_returned_result_through_the_pages()
    {
        var filed = await FileOnlineAsync(factory, "Nguyễn Văn Vòng Đời");
        var id = filed.Id;

        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var inbox = await counter.GetPageAsync("/staff/inbox");
        Assert.Contains(filed.Reference, inbox, StringComparison.Ordinal);
        Assert.Contains("id=\"queue-waiting\"", inbox, StringComparison.Ordinal);
        Assert.Contains("id=\"form-accept\"", await counter.GetPageAsync(Page(id)), StringComparison.Ordinal);
        await ActOkAsync(counter, id, "accept");
        var accepted = await counter.GetPageAsync(Page(id) + "?done=accept");
        Assert.Matches(@"id=""dossier-code"">000\.01\.60\.H26-\d{6}-\d{4}<", accepted);
        Assert.Equal(DossierStatus.Processing, (await LoadAsync(factory, id)).Status);

        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        Assert.Contains(Page(id), await specialist.GetPageAsync("/staff/inbox?view=unit"), StringComparison.Ordinal);
        await ActOkAsync(specialist, id, "claim");
        Assert.Contains(Page(id), await specialist.GetPageAsync("/staff/inbox?view=mine"), StringComparison.Ordinal);
        await ActOkAsync(specialist, id, "forward", new() { ["Note"] = "Đủ điều kiện" });

        using var leader = await StaffClient.SignInAsync(factory, Leader);
        await ActOkAsync(leader, id, "approve");

        var page = await counter.GetPageAsync(Page(id));
        Assert.Contains("id=\"form-result\"", page, StringComparison.Ordinal);
        // A PDF that can be signed (issue 5 signs PDF results and refuses those it cannot read).
        var upload = Documents.TestCa.SamplePdf();
        var issued = await PostFilesAsync(counter, Page(id), Act(id, "result"), new() { ["Version"] = Version(page).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "Documents", "trich-luc-khai-sinh.pdf", upload, "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Contains(Page(id), await counter.GetPageAsync("/staff/inbox"), StringComparison.Ordinal); // waiting to be returned
        await ActOkAsync(counter, id, "return", new() { ["Channel"] = "1" });

        var done = await LoadAsync(factory, id);
        Assert.Equal(DossierStatus.ResultReturned, done.Status);
        var result = Assert.Single(done.ResultDocuments);
        Assert.Equal("trich-luc-khai-sinh.pdf", result.Name);
        // Form 05 on the page lists every hand-over: reception → examine → approve → result.
        var final = await counter.GetPageAsync(Page(id));
        Assert.Contains("id=\"control-slip\"", final, StringComparison.Ordinal);
        Assert.Equal(4, done.ProcessingControlSlip().Count(e => e.Type is DossierEventType.ProcessingStarted or DossierEventType.Forwarded or DossierEventType.TaskClaimed));
        Assert.DoesNotContain("id=\"form-", final, StringComparison.Ordinal); // nothing left to do

        var download = await counter.GetAsync($"/staff/dossiers/{id}/files/{result.FileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        // The signed copy: the upload's bytes unchanged, then the signature's incremental update.
        var signed = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(upload, signed[..upload.Length]);
        Assert.Contains("/ETSI.CAdES.detached", System.Text.Encoding.Latin1.GetString(signed[upload.Length..]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await counter.GetAsync($"/staff/dossiers/{id}/files/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_counter_accepts_and_another_ward_does_not_see_the_dossier()
    {
        var filed = await FileOnlineAsync(factory, "Trần Thị Quyền");
        var id = filed.Id;

        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        var seen = await specialist.GetPageAsync(Page(id));
        Assert.DoesNotContain("id=\"form-accept\"", seen, StringComparison.Ordinal);
        var refused = await specialist.PostFormAsync(Page(id), new() { ["Version"] = filed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Act(id, "accept"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Chỉ cán bộ một cửa", Problem(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(DossierStatus.New, (await LoadAsync(factory, id)).Status);

        using var other = await StaffClient.SignInAsync(factory, await OtherWardOfficerAsync(factory));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Page(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/staff/inbox", new() { ["Version"] = "1" }, Act(id, "accept"))).StatusCode);
        Assert.DoesNotContain(filed.Reference, await other.GetPageAsync("/staff/inbox"), StringComparison.Ordinal);
        Assert.Equal(DossierStatus.New, (await LoadAsync(factory, id)).Status);
        using var anonymous = StaffClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(Page(id))).StatusCode); // to the sign-in page
    }

    [Fact]
    public async Task A_stale_page_shows_the_conflict_and_changes_nothing()
    {
        var filed = await FileOnlineAsync(factory, "Lê Văn Cũ", accept: true);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        var stale = await ActAsync(specialist, filed.Id, "claim", version: filed.Version - 1);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.StartsWith("Hồ sơ vừa được người khác cập nhật", Problem(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = await LoadAsync(factory, filed.Id);
        Assert.Equal(filed.Version, after.Version);
        Assert.Null(after.MainTask!.AssigneeId);
    }

    [Fact]
    public async Task A_missing_reason_is_shown_beside_its_field_and_nothing_changes()
    {
        var filed = await FileOnlineAsync(factory, "Phạm Thị Lý Do");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var html = await counter.PostFormExpectingErrorsAsync(Page(filed.Id), new() { ["Version"] = filed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = " " }, Act(filed.Id, "refuse"));
        Assert.Contains("href=\"#refuse-Reason\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"refuse-Reason-error\">\\s*<p class=\"error-message\">Ghi rõ lý do từ chối \\(mẫu 03\\)\\.</p>", html);
        var badAmount = await ActAsync(counter, filed.Id, "supplement-request", new() { ["Reason"] = "Thiếu giấy", ["Items"] = "" });
        Assert.Contains("id=\"supplement-request-Items-error\"", await badAmount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DossierStatus.New, (await LoadAsync(factory, filed.Id)).Status);

        await ActOkAsync(counter, filed.Id, "supplement-request", new() { ["Reason"] = "Thiếu giấy chứng sinh", ["Items"] = "Giấy chứng sinh\r\nCăn cước của mẹ" });
        var asked = await LoadAsync(factory, filed.Id);
        Assert.Equal(DossierStatus.SupplementRequested, asked.Status);
        Assert.Equal(["Giấy chứng sinh", "Căn cước của mẹ"], asked.SupplementRounds.Single().Items);
    }

    [Fact]
    public async Task The_inbox_counts_and_filters_the_open_tasks()
    {
        var first = await FileOnlineAsync(factory, "Hoàng Văn Lọc Alpha", accept: true);
        var second = await FileOnlineAsync(factory, "Hoàng Văn Lọc Beta", accept: true);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        await ActOkAsync(specialist, first.Id, "claim");

        var filtered = await specialist.GetPageAsync("/staff/inbox?view=unit&q=L%E1%BB%8Dc");
        Assert.Contains(Page(first.Id), filtered, StringComparison.Ordinal);
        Assert.Contains(Page(second.Id), filtered, StringComparison.Ordinal);
        Assert.Contains("Của đơn vị <span class=\"count\">(2)</span>", filtered, StringComparison.Ordinal);
        Assert.Contains("Của tôi <span class=\"count\">(1)</span>", filtered, StringComparison.Ordinal);

        var beta = await specialist.GetPageAsync("/staff/inbox?view=unit&q=Beta");
        Assert.DoesNotContain(Page(first.Id), beta, StringComparison.Ordinal);
        Assert.Contains(Page(second.Id), beta, StringComparison.Ordinal);
        var byCode = await specialist.GetPageAsync("/staff/inbox?view=unit&q=" + Uri.EscapeDataString(first.Code!));
        Assert.Contains(Page(first.Id), byCode, StringComparison.Ordinal);
        Assert.DoesNotContain(Page(second.Id), byCode, StringComparison.Ordinal);
        Assert.DoesNotContain(Page(first.Id), await specialist.GetPageAsync("/staff/inbox?view=unit&q=L%E1%BB%8Dc&procedure=2.000000"), StringComparison.Ordinal);
        Assert.Contains(Page(second.Id), await specialist.GetPageAsync("/staff/inbox?view=unit&q=L%E1%BB%8Dc&status=4&procedure=1.001193"), StringComparison.Ordinal);
        Assert.DoesNotContain(Page(second.Id), await specialist.GetPageAsync("/staff/inbox?view=mine&q=L%E1%BB%8Dc"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await specialist.GetAsync("/staff/inbox?view=everything")).StatusCode);

        // The supervisor of the city sees the ward's work too, and can narrow it to the ward.
        using var supervisor = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        var city = await supervisor.GetPageAsync("/staff/inbox?view=unit&q=L%E1%BB%8Dc");
        Assert.Contains(Page(second.Id), city, StringComparison.Ordinal);
        Assert.Contains("id=\"unit\"", city, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counter_records_a_walk_in_dossier_once_even_when_the_form_is_sent_twice()
    {
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var form = await counter.GetPageAsync("/staff/counter/new?procedure=1.001193");
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"IdempotencyKey\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        var fields = CounterForm.Valid(key);

        var bad = new Dictionary<string, string>(fields) { ["OwnerId"] = "12" };
        var errors = await counter.PostFormExpectingErrorsAsync("/staff/counter/new?procedure=1.001193", bad);
        Assert.Contains("id=\"OwnerId-error\"", errors, StringComparison.Ordinal);

        var before = await factory.WithDbAsync(db => db.Dossiers.CountAsync());
        var first = await counter.PostFormExpectingRedirectAsync("/staff/counter/new?procedure=1.001193", fields);
        var second = await counter.PostFormExpectingRedirectAsync("/staff/counter/new?procedure=1.001193", fields);
        Assert.Equal(first, second);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Dossiers.CountAsync()));

        var page = await counter.GetPageAsync(first);
        Assert.Matches(@"id=""dossier-code"">000\.01\.60\.H26-\d{6}-\d{4}<", page);
        Assert.Contains("/slips/01", page, StringComparison.Ordinal);
        var id = Guid.Parse(first.Split('/')[3].Split('?')[0]);
        var dossier = await LoadAsync(factory, id);
        Assert.Equal(Domain.Catalog.Channel.Counter, dossier.Channel);
        Assert.Equal(DossierStatus.Processing, dossier.Status);
        Assert.Equal(CounterForm.Applicant, dossier.Owner.FullName);
    }
}
