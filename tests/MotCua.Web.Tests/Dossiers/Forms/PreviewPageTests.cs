using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers.Forms;

/// <summary>The form partials through the real host, by way of the public preview (which writes nothing).</summary>
[Collection(CityCollection.Name)]
public sealed partial class PreviewPageTests(MotCuaFactory factory)
{
    private const string Birth = "/procedures/1.001193/form/preview";

    [Theory]
    [MemberData(nameof(SeededForms.CodeData), MemberType = typeof(SeededForms))]
    public async Task Every_step_renders_a_label_for_every_field(string code)
    {
        using var client = StaffClient.Anonymous(factory);
        var form = SeededForms.Form(code);
        foreach (var step in form.Steps)
        {
            // Decoded: the host may or may not encode Vietnamese letters as character references.
            var html = WebUtility.HtmlDecode(await client.GetPageAsync($"/procedures/{code}/form/preview?step={step.Index + 1}"));
            Assert.Contains(step.Title, html, StringComparison.Ordinal);
            foreach (var field in DossierForm.Leaves(step.Fields))
            {
                Assert.Contains($"id=\"{field.Id}\"", html, StringComparison.Ordinal);
                if (field.Kind == FieldKind.Choice && field.UseRadios)
                {
                    // A radio group is named by its legend; each radio by its own label.
                    Assert.Matches($"<legend class=\"label\"><span lang=\"vi\">{Regex.Escape(field.Title)}</span>", html);
                    Assert.Equal(field.Options.Count, Regex.Matches(html, $"name=\"{field.Name}\" type=\"radio\"").Count);
                }
                else
                {
                    Assert.Contains($"<label class=\"label\" for=\"{field.Id}\">", html.Replace("<label for=", "<label class=\"label\" for=", StringComparison.Ordinal), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task A_bad_value_gets_the_error_summary_linking_to_the_field_the_message_beside_it_and_values_kept()
    {
        using var client = StaffClient.Anonymous(factory);
        var html = await client.PostFormExpectingErrorsAsync(Birth + "?step=1", new()
        {
            ["hoTenNguoiYeuCau"] = "Nguyễn Văn An",
            ["soDienThoai"] = "12345",
            ["email"] = "an@",
        });

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#f-soDienThoai\">Số điện thoại liên hệ gồm 10 chữ số, bắt đầu bằng số 0</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#f-quanHeVoiNguoiDuocKhaiSinh\">Chọn quan hệ với người được khai sinh</a>", html, StringComparison.Ordinal);
        Assert.Matches("<p class=\"error-message\" id=\"f-soDienThoai-error\">.*gồm 10 chữ số", html);
        Assert.Matches("id=\"f-soDienThoai\"[^>]*value=\"12345\"[^>]*aria-describedby=\"[^\"]*f-soDienThoai-error\" aria-invalid=\"true\"", html);
        Assert.Contains("value=\"Nguyễn Văn An\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<title>Lỗi:", html, StringComparison.Ordinal);
        Assert.Matches("<input class=\"input input-narrow\" id=\"f-soDienThoai\" name=\"soDienThoai\" type=\"tel\"", html);
    }

    [Fact]
    public async Task English_pages_give_the_same_errors_in_English()
    {
        using var client = StaffClient.Anonymous(factory);
        client.Http.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var html = await client.PostFormExpectingErrorsAsync(Birth + "?step=1", new() { ["soDienThoai"] = "12345" });
        Assert.Contains("must be 10 digits, starting with 0", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_are_kept_between_steps_up_to_check_your_answers_and_back()
    {
        using var client = StaffClient.Anonymous(factory);
        var form = SeededForms.Form("1.001193");
        var valid = SeededForms.ValidAnswers(form);
        string? carried = null;
        string html = "";
        foreach (var step in form.Steps)
        {
            var posted = DossierForm.Leaves(step.Fields).ToDictionary(f => f.Name, f => SeededForms.Show(valid[f.Name]!));
            if (carried is not null) posted["answers"] = carried;
            var response = await client.PostFormAsync($"{Birth}?step={step.Index + 1}", posted);
            html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
            carried = Carried(html);
        }

        Assert.True(JsonNode.DeepEquals(valid, JsonNode.Parse(carried!)), carried);
        Assert.Contains("Kiểm tra lại thông tin trước khi nộp", html, StringComparison.Ordinal);
        Assert.Contains("formaction=\"?step=2#f-treHoTen\"", html, StringComparison.Ordinal);
        Assert.Contains("<dd lang=\"vi\">29/02/2020</dd>", html, StringComparison.Ordinal);

        // "Change" opens the step with the answer in place.
        var change = await client.PostFormAsync(Birth + "?step=2", new() { ["answers"] = carried!, ["nav"] = "change" });
        var stepTwo = WebUtility.HtmlDecode(await change.Content.ReadAsStringAsync());
        Assert.Contains($"value=\"{valid["treHoTen"]}\"", stepTwo, StringComparison.Ordinal);
        Assert.Contains("value=\"2020-02-29\"", stepTwo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_keeps_what_was_typed_on_this_step_without_judging_it()
    {
        using var client = StaffClient.Anonymous(factory);
        var response = await client.PostFormAsync(Birth + "?step=2", new() { ["treHoTen"] = "B", ["nav"] = "back", ["answers"] = """{"hoTenNguoiYeuCau":"An"}""" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("value=\"An\"", html, StringComparison.Ordinal);
        Assert.Contains("\"treHoTen\":\"B\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_procedure_page_links_to_its_form_preview()
    {
        using var client = StaffClient.Anonymous(factory);
        var html = await client.GetPageAsync("/procedures/1.001193");
        Assert.Contains($"href=\"{Birth}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        using var client = StaffClient.Anonymous(factory);
        var response = await client.Http.PostAsync(new Uri(Birth + "?step=1", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["soDienThoai"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/procedures/9.999999/form/preview")]
    [InlineData(Birth + "?step=9")]
    public async Task Unknown_procedures_and_steps_are_not_found(string url)
    {
        using var client = StaffClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    private static string Carried(string html) =>
        WebUtility.HtmlDecode(CarriedPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no carried answers"));

    [GeneratedRegex("<input type=\"hidden\" name=\"answers\" value=\"([^\"]*)\"")]
    private static partial Regex CarriedPattern();
}
