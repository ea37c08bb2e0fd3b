using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>As in production (TLS at the proxy, the request itself plain HTTP): every cookie is Secure anyway.</summary>
public sealed class SecureCookiesFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Cookies:SecureOnly", "true");
    }
}

public sealed class CookieFlagsTests(SecureCookiesFactory factory) : IClassFixture<SecureCookiesFactory>
{
    [Fact]
    public async Task Every_cookie_is_Secure_HttpOnly_and_SameSite_even_over_a_plain_request()
    {
        using var client = StaffClient.Anonymous(factory);
        var page = await client.Http.GetAsync("/account/sign-in");
        var culture = await client.Http.GetAsync("/culture?lang=en&returnUrl=%2F");
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(culture.Headers.TryGetValues("Set-Cookie", out var c) ? c : []).ToList();

        Assert.True(cookies.Count >= 2, string.Join("\n", cookies));
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }
}
