using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers.Data;
using MotCua.Web.Features.Dossiers.Filing;
using MotCua.Web.Tests.Dossiers.Attachments;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>The demo citizen's sign-in (VNeID stand-in) and the filing wizard over drafts, through the real host and database.</summary>
public sealed class CitizenFilingTests(CitizenFactory factory) : IClassFixture<CitizenFactory>
{
    [Fact]
    public async Task The_vneid_stand_in_lists_the_demo_citizens_and_the_header_then_shows_the_citizen()
    {
        using var anonymous = StaffClient.Anonymous(factory);
        var authorize = await VNeIdFlow.StartAsync(anonymous.Http);
        var page = CitizenClient.Decoded(await anonymous.GetPageAsync(authorize.PathAndQuery));
        Assert.Contains("Nguyễn Văn An", page, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bích", page, StringComparison.Ordinal);
        Assert.Contains("Lê Minh Cường", page, StringComparison.Ordinal);

        var refused = await anonymous.Http.PostAsync(new Uri(VNeIdFlow.Provider + "/authorize"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = await VNeIdFlow.PickerAsync(anonymous.Http, authorize), ["citizen"] = "999999999999", ["action"] = "login",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Chọn một công dân để đăng nhập", CitizenClient.Decoded(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var citizen = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        var mine = CitizenClient.Decoded(await citizen.GetPageAsync("/my/dossiers"));
        Assert.Contains("<span class=\"citizen-name\" lang=\"vi\">Trần Thị Bích</span>", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_file_address_is_a_404_not_the_staff_sign_in()
    {
        // The browser asks for /favicon.ico on a first visit; a redirect to the staff sign-in set a new anti-forgery
        // cookie at the same moment as the page being opened, and the citizen's first post then failed with a 400.
        using var anonymous = StaffClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/favicon.ico")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/no/such/page")).StatusCode);
    }

    [Fact]
    public async Task Citizen_pages_and_endpoints_need_the_citizen_sign_in()
    {
        using var anonymous = StaffClient.Anonymous(factory);
        var page = await anonymous.GetAsync("/my/dossiers");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/citizen/sign-in?ReturnUrl=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(CitizenClient.Birth)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/my/dossiers")).StatusCode);

        // A staff member is not a citizen: the staff cookie opens no citizen page.
        using var staff = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/my/dossiers")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_step_is_summarised_with_links_and_messages_beside_the_fields_and_answers_are_kept_between_steps()
    {
        using var citizen = await CitizenClient.SignInAsync(factory);
        var noUnit = await citizen.PostAsync(CitizenClient.Birth, CitizenClient.Birth + "?handler=unit", new() { ["unit"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noUnit.StatusCode);
        Assert.Contains("<a href=\"#unit\">", await noUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var draft = await citizen.StartDraftAsync(await CitizenClient.HoanKiemAsync(factory));
        var wrong = await citizen.PostStepAsync(draft, 1, new() { ["hoTenNguoiYeuCau"] = "Nguyễn Văn An", ["soDienThoai"] = "12345" });
        var html = CitizenClient.Decoded(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("<a href=\"#f-soDienThoai\">Số điện thoại liên hệ gồm 10 chữ số, bắt đầu bằng số 0</a>", html, StringComparison.Ordinal);
        Assert.Matches("<p class=\"error-message\" id=\"f-soDienThoai-error\">", html);
        Assert.Contains("<title>Lỗi:", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12345\"", html, StringComparison.Ordinal);

        // English, from the localisation files.
        citizen.Client.Http.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var english = CitizenClient.Decoded(await (await citizen.PostStepAsync(draft, 1, new() { ["soDienThoai"] = "12345" })).Content.ReadAsStringAsync());
        Assert.Contains("must be 10 digits, starting with 0", english, StringComparison.Ordinal);
        citizen.Client.Http.DefaultRequestHeaders.Remove("Cookie");

        await citizen.AnswerAllStepsAsync(draft);
        var stepOne = CitizenClient.Decoded(await citizen.GetPageAsync(draft + "?step=1"));
        var valid = Dossiers.Forms.SeededForms.ValidAnswers(Dossiers.Forms.SeededForms.Form("1.001193"));
        Assert.Contains($"value=\"{valid["hoTenNguoiYeuCau"]}\"", stepOne, StringComparison.Ordinal);
        var check = CitizenClient.Decoded(await citizen.GetPageAsync(draft + "?step=" + (4 + 8 + 2)));
        Assert.Contains("Kiểm tra lại thông tin trước khi nộp", check, StringComparison.Ordinal);
        Assert.Contains("href=\"?step=2#f-treHoTen\"", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_listed_and_resumes_where_it_was_after_a_new_sign_in()
    {
        string draft;
        using (var first = await CitizenClient.SignInAsync(factory))
        {
            draft = await first.StartDraftAsync(await CitizenClient.HoanKiemAsync(factory));
            var form = Dossiers.Forms.SeededForms.Form("1.001193");
            var valid = Dossiers.Forms.SeededForms.ValidAnswers(form);
            var posted = Features.Dossiers.Forms.DossierForm.Leaves(form.Steps[0].Fields).Where(f => valid[f.Name] is not null)
                .ToDictionary(f => f.Name, f => Dossiers.Forms.SeededForms.Show(valid[f.Name]!));
            posted["soDienThoai"] = "0912345678";
            var saved = await first.PostStepAsync(draft, 1, posted);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var again = await CitizenClient.SignInAsync(factory);
        var list = await again.GetPageAsync("/my/dossiers");
        Assert.Contains($"href=\"{draft}?step=2\"", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"{draft}?step=2\"", await again.GetPageAsync(CitizenClient.Birth), StringComparison.Ordinal);
        var resumed = CitizenClient.Decoded(await again.GetPageAsync(draft));
        Assert.Contains("Bước 3 trên", resumed, StringComparison.Ordinal);
        Assert.Contains("value=\"0912345678\"", CitizenClient.Decoded(await again.GetPageAsync(draft + "?step=1")), StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.Set<DossierDraft>().AsNoTracking().SingleAsync(d => d.Id == CitizenClient.DraftIdOf(draft)));
        Assert.Equal(CitizenClient.An, stored.OwnerIdNumber);
        Assert.Contains("\"soDienThoai\":\"0912345678\"", stored.Answers, StringComparison.Ordinal);
        Assert.StartsWith("draft-", stored.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_are_refused_by_content_size_and_count_and_a_refused_file_stores_nothing()
    {
        using var citizen = await CitizenClient.SignInAsync(factory);
        var draft = await citizen.StartDraftAsync(await CitizenClient.HoanKiemAsync(factory));
        var step = CitizenClient.MandatoryDocumentSteps()[0];
        var before = factory.StoredFileCount;

        var exe = await citizen.UploadAsync(draft, step, "giay-chung-sinh.pdf", Samples.Exe);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
        var html = CitizenClient.Decoded(await exe.Content.ReadAsStringAsync());
        Assert.Contains("thực chất là chương trình chạy được", html, StringComparison.Ordinal);
        Assert.Contains("id=\"file-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#file\">", html, StringComparison.Ordinal);

        var large = await citizen.UploadAsync(draft, step, "scan.pdf", [.. Samples.Pdf, .. new byte[10 * 1024 * 1024]]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, large.StatusCode);
        Assert.Contains("lớn hơn 10 MB", CitizenClient.Decoded(await large.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, factory.StoredFileCount);

        for (var i = 1; i <= 5; i++)
        {
            var ok = await citizen.UploadAsync(draft, step, $"trang-{i}.pdf", Samples.Pdf);
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var sixth = await citizen.UploadAsync(draft, step, "trang-6.png", Samples.Png, "image/png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sixth.StatusCode);
        Assert.Contains("đã có đủ 5 tệp", CitizenClient.Decoded(await sixth.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var attachments = await factory.WithDbAsync(db => db.Set<DraftAttachment>().AsNoTracking().Where(a => a.DraftId == CitizenClient.DraftIdOf(draft)).ToListAsync());
        Assert.Equal(5, attachments.Count);
        Assert.All(attachments, a => Assert.Equal(64, a.Sha256.Length));
        Assert.All(attachments, a => Assert.Equal("application/pdf", a.ContentType));
        Assert.Equal(before + 5, factory.StoredFileCount);

        // The owner downloads a file as an attachment with our type and nosniff; removing it deletes the bytes.
        var download = await citizen.GetAsync($"/my/drafts/{CitizenClient.DraftIdOf(draft)}/files/{attachments[0].FileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Samples.Pdf, await download.Content.ReadAsByteArrayAsync());
        var removed = await citizen.PostAsync($"{draft}?step={step}", $"{draft}?handler=remove&step={step}", new() { ["fileId"] = attachments[0].FileId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(before + 4, factory.StoredFileCount);
    }

    [Fact]
    public async Task Submitting_twice_files_once_removes_the_draft_and_queues_the_applicants_notices()
    {
        using var citizen = await CitizenClient.SignInAsync(factory);
        var draft = await citizen.StartDraftAsync(await CitizenClient.HoanKiemAsync(factory));
        await citizen.AnswerAllStepsAsync(draft);
        var check = 4 + 8 + 2; // the form's topics, the documents, the delivery page, then "check your answers"

        // A mandatory document without a file stops the submission on that document's page.
        var early = await citizen.PostAsync($"{draft}?step={check}", $"{draft}?handler=submit", new() { ["key"] = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("Tải lên ít nhất một tệp cho giấy tờ bắt buộc", CitizenClient.Decoded(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        foreach (var step in CitizenClient.MandatoryDocumentSteps())
            Assert.Equal(HttpStatusCode.Redirect, (await citizen.UploadAsync(draft, step, "ban-chup.png", Samples.Png, "image/png")).StatusCode);
        var page = await citizen.GetPageAsync($"{draft}?step={check}");
        var key = CitizenClient.Key(page);
        var form = new Dictionary<string, string> { ["key"] = key, ["__RequestVerificationToken"] = StaffClient.Token(page)! };
        var first = await citizen.Client.Http.PostAsync(new Uri($"{draft}?handler=submit", UriKind.Relative), new FormUrlEncodedContent(form));
        var second = await citizen.Client.Http.PostAsync(new Uri($"{draft}?handler=submit", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var id = Guid.Parse(first.Headers.Location!.OriginalString.Split('/')[3]);
        var (dossiers, submissions, drafts, outbox) = await factory.WithDbAsync(async db => (
            await db.Dossiers.AsNoTracking().Where(d => d.Owner.IdNumber == CitizenClient.An && d.Id == id).ToListAsync(),
            await db.Set<DossierSubmission>().CountAsync(s => s.IdempotencyKey == key),
            await db.Set<DossierDraft>().CountAsync(d => d.Id == CitizenClient.DraftIdOf(draft)),
            await db.OutboxMessages.AsNoTracking().Where(m => m.DedupeKey!.StartsWith($"dossier:{id:N}:")).Select(m => m.DedupeKey).ToListAsync()));
        var dossier = Assert.Single(dossiers);
        Assert.Equal(1, submissions);
        Assert.Equal(0, drafts);
        Assert.Equal(3, dossier.Attachments.Count);
        Assert.Equal("Nguyễn Văn An", dossier.Owner.FullName);
        Assert.Equal("an.nguyen@example.vn", dossier.Owner.Email);
        Assert.Contains($"dossier:{id:N}:1:email", outbox);
        Assert.Contains($"dossier:{id:N}:1:sms", outbox);

        var confirmation = CitizenClient.Decoded(await citizen.GetPageAsync($"/my/dossiers/{id}/filed"));
        Assert.Contains(dossier.Reference, confirmation, StringComparison.Ordinal);
        Assert.Contains("Các bước tiếp theo", confirmation, StringComparison.Ordinal);
        var list = await citizen.GetPageAsync("/my/dossiers");
        Assert.Contains(dossier.Reference, list, StringComparison.Ordinal);
        Assert.DoesNotContain(CitizenClient.DraftIdOf(draft).ToString(), list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citizens_draft_and_its_files_are_not_found()
    {
        using var an = await CitizenClient.SignInAsync(factory);
        var draft = await an.StartDraftAsync(await CitizenClient.HoanKiemAsync(factory));
        var step = CitizenClient.MandatoryDocumentSteps()[0];
        Assert.Equal(HttpStatusCode.Redirect, (await an.UploadAsync(draft, step, "a.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 an"))).StatusCode);
        var file = await factory.WithDbAsync(db => db.Set<DraftAttachment>().AsNoTracking().FirstAsync(a => a.DraftId == CitizenClient.DraftIdOf(draft)));

        using var bich = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.GetAsync(draft + "?step=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.GetAsync($"/my/drafts/{CitizenClient.DraftIdOf(draft)}/files/{file.FileId}")).StatusCode);
        var own = await bich.GetPageAsync("/my/dossiers");
        var deleted = await bich.PostAsync("/citizen/sign-out", "/my/dossiers?handler=deleteDraft", new() { ["draftId"] = CitizenClient.DraftIdOf(draft).ToString() });
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.DoesNotContain(CitizenClient.DraftIdOf(draft).ToString(), own, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<DossierDraft>().CountAsync(d => d.Id == CitizenClient.DraftIdOf(draft))));

        // The owner deletes it: the draft, its rows and its bytes go.
        var before = factory.StoredFileCount;
        Assert.Equal(HttpStatusCode.Redirect, (await an.PostAsync("/my/dossiers", "/my/dossiers?handler=deleteDraft", new() { ["draftId"] = CitizenClient.DraftIdOf(draft).ToString() })).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<DraftAttachment>().CountAsync(a => a.DraftId == CitizenClient.DraftIdOf(draft))));
        Assert.Equal(before - 1, factory.StoredFileCount);
    }
}
