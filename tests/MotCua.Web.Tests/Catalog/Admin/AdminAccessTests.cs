using System.Net;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog.Admin;

/// <summary>Only administrators reach the catalogue pages; others are sent to sign in or refused.</summary>
public sealed class AdminAccessTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    public static TheoryData<string> Pages => new()
    {
        "/admin/procedures",
        "/admin/procedures/new",
        "/admin/procedures/import",
        "/admin/procedures/1.001193",
        "/admin/procedures/1.001193/edit",
        "/admin/procedures/1.001193/compare",
        "/admin/procedures/1.001193/retire",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page)
    {
        using var browser = AdminSession.Browser(factory);
        using var response = await browser.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_counter_officer_is_refused()
    {
        using var session = await AdminSession.SignInAsync(factory, AdminSession.CounterOfficer);
        foreach (var page in new[] { "/admin/procedures", "/admin/procedures/1.001193/edit", "/admin/procedures/import" })
        {
            using var response = await session.Client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            using var denied = await session.Client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_rejected()
    {
        using var session = await AdminSession.SignInAsync(factory);
        using var response = await session.Client.PostAsync(new Uri("/admin/procedures/1.001193/retire", UriKind.Relative),
            new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await SampleProcedures.PublicNameAsync(session.Client, "1.001193"));
    }

    [Fact]
    public async Task The_list_shows_every_procedure_and_finds_by_code_or_name_without_diacritics()
    {
        using var session = await AdminSession.SignInAsync(factory);
        var all = await session.PageAsync("/admin/procedures");
        Assert.Contains("144 thủ tục (trong tổng số 144)", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/catalog/export\"", all, StringComparison.Ordinal);

        var byName = await session.PageAsync("/admin/procedures?q=dang+ky+khai+sinh");
        Assert.Contains("href=\"/admin/procedures/1.001193\"", byName, StringComparison.Ordinal);
        var byCode = await session.PageAsync("/admin/procedures?q=1.001193");
        Assert.Contains("1 thủ tục (trong tổng số 144)", byCode, StringComparison.Ordinal);
        var retired = await session.PageAsync("/admin/procedures?status=retired");
        Assert.Contains("0 thủ tục (trong tổng số 144)", retired, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_page_shows_the_versions_and_the_published_definition()
    {
        using var session = await AdminSession.SignInAsync(factory);
        var html = await session.PageAsync("/admin/procedures/1.001193");
        Assert.Equal("Đang công bố", SampleProcedures.VersionStatuses(html)[1]);
        Assert.Contains("Thủ tục đăng ký khai sinh", html, StringComparison.Ordinal);
        Assert.Contains("Trả kết quả", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/procedures/1.001193/retire\"", html, StringComparison.Ordinal);

        using var english = await session.Client.GetAsync(new Uri("/admin/procedures/1.001193?lang=en", UriKind.Relative));
        var englishHtml = await english.Content.ReadAsStringAsync();
        Assert.Contains("Versions", englishHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("catalogadmin.", englishHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_procedure_is_not_found()
    {
        using var session = await AdminSession.SignInAsync(factory);
        using var response = await session.Client.GetAsync(new Uri("/admin/procedures/9.999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
