using System.Net;
using System.Text;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog.Admin;

/// <summary>Import is all or nothing with every error listed; retiring takes a procedure away from citizens.</summary>
public sealed class ImportAndRetireTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string ImportUrl = "/admin/procedures/import";

    [Fact]
    public async Task A_file_with_an_invalid_second_procedure_imports_nothing_and_lists_every_error_with_its_path()
    {
        using var session = await AdminSession.SignInAsync(factory);
        var before = await SampleProcedures.CountAsync(factory);
        var broken = SampleProcedures.Valid("9.000202", "") with
        {
            Workflow = SampleProcedures.Valid("9.000202", "x").Workflow! with
            {
                Steps = [SampleProcedures.Valid("9.000202", "x").Workflow!.Steps[0] with
                {
                    Transitions = [new() { Action = Domain.Catalog.StepAction.IssueResult }, new() { Action = Domain.Catalog.StepAction.Forward, To = "khong-co" }],
                }],
            },
        };
        var file = SampleProcedures.File(SampleProcedures.Valid("9.000201", "Thủ tục nhập hợp lệ"), broken);

        var form = HtmlForm.Find(await session.PageAsync(ImportUrl), "import-form").Set("Publish", "true");
        using var response = await session.UploadAsync(form, ImportUrl, "Upload", "catalog.json", file);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lỗi trong tệp (2)", html, StringComparison.Ordinal);
        Assert.Contains("<code>$[1].name</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>$[1].workflow.steps[0].transitions[1].to</code>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Upload\">", html, StringComparison.Ordinal);
        Assert.Equal(before, await SampleProcedures.CountAsync(factory));
        Assert.Null(await SampleProcedures.PublicNameAsync(session.Client, "9.000201"));
    }

    [Fact]
    public async Task An_unknown_unit_kind_is_listed_with_the_other_errors()
    {
        using var session = await AdminSession.SignInAsync(factory);
        var before = await SampleProcedures.CountAsync(factory);
        var file = SampleProcedures.File(SampleProcedures.Valid("9.000211", "Thủ tục") with { UnitKinds = ["ward", "planet"] }, SampleProcedures.Valid("9.000212", "Thủ tục") with { Field = "" });

        var form = HtmlForm.Find(await session.PageAsync(ImportUrl), "import-form");
        using var response = await session.UploadAsync(form, ImportUrl, "Upload", "catalog.json", file);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("<code>$[0].unitKinds[1]</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>$[1].field</code>", html, StringComparison.Ordinal);
        Assert.Equal(before, await SampleProcedures.CountAsync(factory));
    }

    [Fact]
    public async Task A_valid_file_is_imported_and_published()
    {
        using var session = await AdminSession.SignInAsync(factory);
        var before = await SampleProcedures.CountAsync(factory);
        var file = SampleProcedures.File(SampleProcedures.Valid("9.000301", "Thủ tục nhập một"), SampleProcedures.Valid("9.000302", "Thủ tục nhập hai"));

        var form = HtmlForm.Find(await session.PageAsync(ImportUrl), "import-form").Set("Publish", "true");
        using var response = await session.UploadAsync(form, ImportUrl, "Upload", "catalog.json", file);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 2, await SampleProcedures.CountAsync(factory));
        Assert.Equal("Thủ tục nhập một", await SampleProcedures.PublicNameAsync(session.Client, "9.000301"));
        Assert.Equal("Thủ tục nhập hai", await SampleProcedures.PublicNameAsync(session.Client, "9.000302"));
        var list = await session.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Đã nhập và công bố 2 thủ tục.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_with_its_line()
    {
        using var session = await AdminSession.SignInAsync(factory);
        var before = await SampleProcedures.CountAsync(factory);
        var form = HtmlForm.Find(await session.PageAsync(ImportUrl), "import-form");

        using var response = await session.UploadAsync(form, ImportUrl, "Upload", "catalog.json", Encoding.UTF8.GetBytes("[\n  { \"nationalCode\": \"9.000401\",\n  oops }\n]"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("JSON không hợp lệ ở dòng 3", html, StringComparison.Ordinal);
        Assert.Equal(before, await SampleProcedures.CountAsync(factory));

        using var none = await session.UploadAsync(form, ImportUrl, "Upload", "empty.json", []);
        Assert.Contains("Chọn tệp danh mục", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_procedure_is_gone_from_the_public_api_and_search()
    {
        const string code = "1.000656";
        using var session = await AdminSession.SignInAsync(factory);
        var name = await SampleProcedures.PublicNameAsync(session.Client, code);
        Assert.NotNull(name);
        Assert.Contains(code, await SampleProcedures.SearchAsync(session.Client, name));

        const string retireUrl = $"/admin/procedures/{code}/retire";
        var confirmation = await session.PageAsync(retireUrl);
        Assert.Contains("Bạn có chắc muốn ngừng áp dụng phiên bản 1?", confirmation, StringComparison.Ordinal);
        using (var retired = await session.SubmitAsync(HtmlForm.Find(confirmation, "retire-form"), retireUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        }

        Assert.Null(await SampleProcedures.PublicNameAsync(session.Client, code));
        Assert.DoesNotContain(code, await SampleProcedures.SearchAsync(session.Client, name));
        var details = await session.PageAsync($"/admin/procedures/{code}?done=retired");
        Assert.Equal("Đã ngừng áp dụng", SampleProcedures.VersionStatuses(details)[1]);
        Assert.Contains(code, await session.PageAsync("/admin/procedures?status=retired"), StringComparison.Ordinal);
    }
}
