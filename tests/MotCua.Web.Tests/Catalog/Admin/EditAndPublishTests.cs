using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog.Admin;

/// <summary>Editing a published procedure: a draft is saved beside it, and citizens see it only once published.</summary>
public sealed class EditAndPublishTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public async Task A_renamed_draft_is_published_as_version_2_and_supersedes_version_1()
    {
        const string code = "1.001193";
        const string editUrl = $"/admin/procedures/{code}/edit";
        using var session = await AdminSession.SignInAsync(factory);
        var original = await SampleProcedures.PublicNameAsync(session.Client, code);

        var form = HtmlForm.Find(await session.PageAsync(editUrl), "definition-form");
        Assert.Equal(original, form["Input.Name"]);
        form.Set("Input.Name", "Đăng ký khai sinh (tên mới)");
        using (var saved = await session.SubmitAsync(form, editUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/admin/procedures/{code}?done=saved", saved.Headers.Location!.OriginalString);
        }

        // Saved, not published: citizens still see the old name, and the draft differs only by its name.
        Assert.Equal(original, await SampleProcedures.PublicNameAsync(session.Client, code));
        var compare = await session.PageAsync($"/admin/procedures/{code}/compare");
        Assert.Contains("Bản nháp thay đổi 1 mục.", compare, StringComparison.Ordinal);
        Assert.Contains("<code>name</code>", compare, StringComparison.Ordinal);

        var details = await session.PageAsync($"/admin/procedures/{code}");
        Assert.Equal("Bản nháp", SampleProcedures.VersionStatuses(details)[2]);
        using (var published = await session.SubmitAsync(HtmlForm.Find(details, "publish-form"), $"/admin/procedures/{code}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal("Đăng ký khai sinh (tên mới)", await SampleProcedures.PublicNameAsync(session.Client, code));
        var versions = SampleProcedures.VersionStatuses(await session.PageAsync($"/admin/procedures/{code}?done=published"));
        Assert.Equal("Đang công bố", versions[2]);
        Assert.Equal("Đã được thay thế", versions[1]);
    }

    [Fact]
    public async Task A_workflow_leading_to_a_missing_step_is_shown_next_to_the_workflow_and_nothing_is_saved()
    {
        const string code = "1.000894";
        var editUrl = $"/admin/procedures/{code}/edit";
        using var session = await AdminSession.SignInAsync(factory);
        var versionsBefore = await VersionCountAsync(code);

        var form = HtmlForm.Find(await session.PageAsync(editUrl), "definition-form").Set("Input.Workflow", SampleProcedures.BrokenWorkflow);
        using var response = await session.SubmitAsync(form, editUrl);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = SampleProcedures.ErrorsNextTo(html, "Input_Workflow");
        Assert.Contains("$.workflow.steps[0].transitions[1].to", next, StringComparison.Ordinal);
        Assert.Contains("Không có bước \"khong-co-buoc-nay\"", next, StringComparison.Ordinal);
        // Between the workflow's label and its text area, where a reader of that field meets it.
        var label = html.IndexOf("for=\"Input_Workflow\"", StringComparison.Ordinal);
        var error = html.IndexOf("id=\"Input_Workflow-error\"", StringComparison.Ordinal);
        var area = html.IndexOf("id=\"Input_Workflow\"", error, StringComparison.Ordinal);
        Assert.True(label < error && error < area);
        Assert.Contains("<a href=\"#Input_Workflow\">", html, StringComparison.Ordinal);
        // What was typed comes back as typed.
        Assert.Contains("khong-co-buoc-nay", HtmlForm.Find(html, "definition-form")["Input.Workflow"], StringComparison.Ordinal);

        Assert.Equal(versionsBefore, await VersionCountAsync(code));
    }

    [Fact]
    public async Task Json_that_does_not_parse_is_reported_next_to_its_area_with_every_other_error()
    {
        const string code = "1.000894";
        var editUrl = $"/admin/procedures/{code}/edit";
        using var session = await AdminSession.SignInAsync(factory);
        var versionsBefore = await VersionCountAsync(code);

        var form = HtmlForm.Find(await session.PageAsync(editUrl), "definition-form")
            .Set("Input.Documents", "[{ \"key\": \"a\", \"name\": \"Tờ khai\" ")
            .Set("Input.Name", "")
            .Set("Input.ProcessingValue", "ba ngày")
            .Set("Input.Fees", "[{ \"name\": \"Lệ phí\", \"amount\": \"tám nghìn\" }]");
        using var response = await session.SubmitAsync(form, editUrl);
        var html = await response.Content.ReadAsStringAsync();

        // Broken syntax is placed at the area with its line; a value of the wrong shape at its element.
        Assert.Contains("JSON không hợp lệ ở dòng 1", SampleProcedures.ErrorsNextTo(html, "Input_Documents"), StringComparison.Ordinal);
        Assert.DoesNotContain("<code>", SampleProcedures.ErrorsNextTo(html, "Input_Documents"), StringComparison.Ordinal);
        Assert.Contains("<code>$.fees[0].amount</code>", SampleProcedures.ErrorsNextTo(html, "Input_Fees"), StringComparison.Ordinal);
        Assert.Contains("Không được để trống.", SampleProcedures.ErrorsNextTo(html, "Input_Name"), StringComparison.Ordinal);
        Assert.Contains("Nhập một số", SampleProcedures.ErrorsNextTo(html, "Input_ProcessingValue"), StringComparison.Ordinal);
        Assert.Contains("Có 4 lỗi", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Name\">Tên thủ tục: Không được để trống.</a>", html, StringComparison.Ordinal);
        Assert.Equal(versionsBefore, await VersionCountAsync(code));
    }

    [Fact]
    public async Task Validate_checks_the_publishing_rules_and_saves_nothing()
    {
        const string code = "1.000894";
        var editUrl = $"/admin/procedures/{code}/edit";
        using var session = await AdminSession.SignInAsync(factory);
        var versionsBefore = await VersionCountAsync(code);
        var form = HtmlForm.Find(await session.PageAsync(editUrl), "definition-form");

        using (var clean = await session.SubmitAsync(form, editUrl, handler: "Validate"))
        {
            Assert.Contains("Không có lỗi", await clean.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Without a workflow a draft may be saved, but it cannot be published: Validate says so.
        form.Set("Input.Workflow", "");
        using (var missing = await session.SubmitAsync(form, editUrl, handler: "Validate"))
        {
            var html = await missing.Content.ReadAsStringAsync();
            Assert.Contains("Phải có quy trình xử lý trước khi công bố.", SampleProcedures.ErrorsNextTo(html, "Input_Workflow"), StringComparison.Ordinal);
        }
        Assert.Equal(versionsBefore, await VersionCountAsync(code));
    }

    [Fact]
    public async Task A_draft_that_breaks_a_publishing_rule_is_saved_but_cannot_be_published()
    {
        const string code = "1.004837";
        var editUrl = $"/admin/procedures/{code}/edit";
        using var session = await AdminSession.SignInAsync(factory);
        var form = HtmlForm.Find(await session.PageAsync(editUrl), "definition-form").Set("Input.Workflow", "");
        using (var saved = await session.SubmitAsync(form, editUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var details = await session.PageAsync($"/admin/procedures/{code}");
        Assert.Contains("chưa công bố được: còn 1 lỗi", details, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish-form\"", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"{editUrl}?check=true#Input_Workflow\"", details, StringComparison.Ordinal);
        var check = await session.PageAsync($"{editUrl}?check=true");
        Assert.Contains("Phải có quy trình xử lý", SampleProcedures.ErrorsNextTo(check, "Input_Workflow"), StringComparison.Ordinal);
        Assert.NotNull(await SampleProcedures.PublicNameAsync(session.Client, code));
    }

    [Fact]
    public async Task Saving_over_a_draft_someone_else_saved_meanwhile_asks_first_and_keeps_the_text()
    {
        const string code = "1.001022";
        var editUrl = $"/admin/procedures/{code}/edit";
        using var first = await AdminSession.SignInAsync(factory);
        using var second = await AdminSession.SignInAsync(factory);
        var firstForm = HtmlForm.Find(await first.PageAsync(editUrl), "definition-form").Set("Input.Name", "Tên của người thứ nhất");
        var secondForm = HtmlForm.Find(await second.PageAsync(editUrl), "definition-form").Set("Input.Name", "Tên của người thứ hai");

        using (var saved = await first.SubmitAsync(firstForm, editUrl)) Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await second.SubmitAsync(secondForm, editUrl);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("người khác lưu", html, StringComparison.Ordinal);
        Assert.Equal("Tên của người thứ hai", HtmlForm.Find(html, "definition-form")["Input.Name"]);
        Assert.Equal("Tên của người thứ nhất", await DraftNameAsync(code));

        // Having been told, the second administrator may still overwrite.
        using (var overwritten = await second.SubmitAsync(HtmlForm.Find(html, "definition-form"), editUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, overwritten.StatusCode);
        }
        Assert.Equal("Tên của người thứ hai", await DraftNameAsync(code));
    }

    [Fact]
    public async Task A_new_procedure_is_saved_as_a_draft_and_published_from_its_page()
    {
        const string code = "9.000101";
        using var session = await AdminSession.SignInAsync(factory);
        var form = HtmlForm.Find(await session.PageAsync("/admin/procedures/new"), "definition-form")
            .Set("Input.NationalCode", code)
            .Set("Input.Name", "Thủ tục thử nghiệm mới")
            .Set("Input.Field", "Thử nghiệm")
            .Set("Input.Levels", "commune")
            .Set("Input.UnitKinds", "ward", "commune")
            .Set("Input.ProcessingValue", "0,5")
            .Set("Input.Workflow", System.Text.Json.JsonSerializer.Serialize(SampleProcedures.Valid(code, "x").Workflow, Domain.Catalog.CatalogJson.Options));
        using (var saved = await session.SubmitAsync(form, "/admin/procedures/new"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Null(await SampleProcedures.PublicNameAsync(session.Client, code));

        var details = await session.PageAsync($"/admin/procedures/{code}");
        using (var published = await session.SubmitAsync(HtmlForm.Find(details, "publish-form"), $"/admin/procedures/{code}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }
        Assert.Equal("Thủ tục thử nghiệm mới", await SampleProcedures.PublicNameAsync(session.Client, code));

        // The same code again is refused instead of adding a version to the existing procedure.
        using var again = await session.SubmitAsync(form, "/admin/procedures/new");
        Assert.Contains("Đã có thủ tục mã 9.000101", SampleProcedures.ErrorsNextTo(await again.Content.ReadAsStringAsync(), "Input_NationalCode"), StringComparison.Ordinal);
        Assert.Equal(1, await VersionCountAsync(code));
    }

    private Task<string?> DraftNameAsync(string code) => factory.WithDbAsync(db => db.ProcedureVersions
        .Where(v => v.Status == VersionStatus.Draft && db.Procedures.Any(p => p.Id == v.ProcedureId && p.NationalCode == code))
        .Select(v => v.Name).SingleOrDefaultAsync());

    private Task<int> VersionCountAsync(string code) => factory.WithDbAsync(db =>
        db.ProcedureVersions.CountAsync(v => db.Procedures.Any(p => p.Id == v.ProcedureId && p.NationalCode == code)));
}
