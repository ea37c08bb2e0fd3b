using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

public sealed class StaffSignInTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private StaffClient Client() => StaffClient.Anonymous(factory);

    private static Task<HttpResponseMessage> PostFormAsync(StaffClient client, string path, Dictionary<string, string> fields) =>
        client.PostFormAsync(path, fields);

    [Fact]
    public async Task Wrong_password_shows_the_error_and_right_password_signs_in()
    {
        using var client = Client();
        var wrong = await PostFormAsync(client, "/account/sign-in", new() { ["Email"] = "admin@motcua.demo", ["Password"] = "not-the-password" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The right password leads to the second step, not in.
        var right = await PostFormAsync(client, "/account/sign-in", new() { ["Email"] = "admin@motcua.demo", ["Password"] = DemoStaffSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/account/two-factor", right.Headers.Location?.OriginalString);
        Assert.Equal("/admin", await client.CodeStepAsync(factory, "admin@motcua.demo"));
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "admin@motcua.demo", ["Password"] = DemoStaffSeeder.Password });
        using var client = Client();
        var response = await client.Http.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_initial_password_must_be_changed_and_the_new_one_works()
    {
        const string initial = "Initial-Pass-2026!";
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = "new@motcua.test", Email = "new@motcua.test", FullName = "Cán bộ mới", MustChangePassword = true };
            Assert.True((await users.CreateAsync(user, initial)).Succeeded);
            return 0;
        });
        using var client = Client();
        var signIn = await PostFormAsync(client, "/account/sign-in", new() { ["Email"] = "new@motcua.test", ["Password"] = initial });
        Assert.Equal("/account/password", signIn.Headers.Location?.OriginalString);

        var weak = await PostFormAsync(client, "/account/password", new() { ["Current"] = initial, ["Password"] = "short", ["Confirm"] = "short" });
        Assert.Contains("chưa đủ mạnh", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Changed, the sign-in goes on to enrolment (the account has no authenticator yet), then in.
        var changed = await PostFormAsync(client, "/account/password", new() { ["Current"] = initial, ["Password"] = "Better-Pass-2026!", ["Confirm"] = "Better-Pass-2026!" });
        Assert.Equal("/account/two-factor/enrol", changed.Headers.Location?.OriginalString);
        Assert.Equal("/admin", await client.EnrolAsync());

        using var fresh = Client();
        Assert.Equal("/account/two-factor", await fresh.PasswordStepAsync("new@motcua.test", "Better-Pass-2026!"));
        Assert.Equal("/admin", await fresh.CodeStepAsync(factory, "new@motcua.test"));
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_no_server_banner()
    {
        using var client = Client();
        var response = await client.GetAsync("/procedures");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
        var cookie = (await client.GetAsync("/account/sign-in")).Headers.GetValues("Set-Cookie").First();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
