using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// The bundled VNeID stand-in spoken to directly, as a relying party would: PKCE (S256 only), the registered redirect
/// address, the client secret, single-use codes, RS256 ID tokens that verify against its JWKS, and userinfo.
/// </summary>
public sealed class VNeIdProviderTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string Provider = VNeIdFlow.Provider;
    private const string Callback = "http://localhost/signin-vneid";
    private const string ClientId = "motcua-demo";
    private const string Secret = "demo-only-not-a-secret";

    private readonly string _verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private string Challenge => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));

    private string AuthorizeUrl(string redirectUri = Callback, string? method = "S256", string? challenge = null) => QueryHelpers.AddQueryString(Provider + "/authorize",
        new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = "openid profile",
            ["state"] = "st", ["nonce"] = "no", ["acr_values"] = "LoA2", ["code_challenge"] = challenge ?? Challenge, ["code_challenge_method"] = method,
        });

    private async Task<string> CodeAsync(HttpClient http)
    {
        // The first code needs the picker; after it the provider's session answers at once (single sign-on).
        var first = await http.GetAsync(new Uri(AuthorizeUrl()));
        var back = first.StatusCode == HttpStatusCode.Redirect
            ? first.Headers.Location!
            : await VNeIdFlow.PickAsync(http, await VNeIdFlow.PickerAsync(http, new Uri(AuthorizeUrl())), CitizenClient.An);
        var query = QueryHelpers.ParseQuery(back.Query);
        Assert.Equal("st", query["state"]);
        return query["code"]!;
    }

    private static async Task<HttpResponseMessage> TokenAsync(HttpClient http, string code, string verifier, string redirectUri = Callback, string secret = Secret, bool basic = false)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Provider + "/token"));
        if (basic) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{secret}")));
        else { form["client_id"] = ClientId; form["client_secret"] = secret; }
        request.Content = new FormUrlEncodedContent(form);
        return await http.SendAsync(request);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public async Task A_code_becomes_a_signed_id_token_once_and_its_access_token_opens_userinfo()
    {
        using var http = StaffClient.Anonymous(factory).Http;
        var code = await CodeAsync(http);
        var response = await TokenAsync(http, code, _verifier, basic: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var parts = tokens.GetProperty("id_token").GetString()!.Split('.');
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(Provider + "/jwks"))).RootElement.GetProperty("keys")[0];
        Assert.Equal(jwks.GetProperty("kid").GetString(), header.GetProperty("kid").GetString());
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(jwks.GetProperty("n").GetString()), Exponent = Base64Url.DecodeFromChars(jwks.GetProperty("e").GetString()),
        });
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
        Assert.Equal(Provider, claims.GetProperty("iss").GetString());
        Assert.Equal(ClientId, claims.GetProperty("aud").GetString());
        Assert.Equal("no", claims.GetProperty("nonce").GetString());
        Assert.Equal("LoA2", claims.GetProperty("acr").GetString());
        Assert.Equal(CitizenClient.An, claims.GetProperty("personal_id_number").GetString());
        Assert.Equal("Nguyễn Văn An", claims.GetProperty("name").GetString());
        Assert.Equal("1989-04-12", claims.GetProperty("birthdate").GetString());
        Assert.Equal("0912345678", claims.GetProperty("phone_number").GetString());
        Assert.Contains("Hàng Bạc", claims.GetProperty("address").GetProperty("formatted").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(CitizenClient.An, claims.GetProperty("sub").GetString());
        Assert.InRange(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), 60, 3600);

        using var userinfo = new HttpRequestMessage(HttpMethod.Get, new Uri(Provider + "/userinfo"));
        userinfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var info = JsonDocument.Parse(await (await http.SendAsync(userinfo)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(CitizenClient.An, info.GetProperty("personal_id_number").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri(Provider + "/userinfo"))).StatusCode);

        // Single use: the same code again is refused.
        var replay = await TokenAsync(http, code, _verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOf(replay));
    }

    [Fact]
    public async Task A_wrong_pkce_verifier_or_redirect_address_at_the_token_endpoint_is_refused_and_spends_the_code()
    {
        using var http = StaffClient.Anonymous(factory).Http;
        var code = await CodeAsync(http);
        var wrong = await TokenAsync(http, code, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        Assert.Equal("invalid_grant", await ErrorOf(wrong));
        Assert.Equal("invalid_grant", await ErrorOf(await TokenAsync(http, code, _verifier)));

        var other = await CodeAsync(http);
        Assert.Equal("invalid_grant", await ErrorOf(await TokenAsync(http, other, _verifier, redirectUri: "http://localhost/elsewhere")));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_in_the_body_and_in_basic()
    {
        using var http = StaffClient.Anonymous(factory).Http;
        foreach (var basic in new[] { false, true })
        {
            var response = await TokenAsync(http, await CodeAsync(http), _verifier, secret: "guessed", basic: basic);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("invalid_client", await ErrorOf(response));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("plain")]
    public async Task An_authorization_request_without_pkce_s256_goes_back_with_an_error(string? method)
    {
        using var http = StaffClient.Anonymous(factory).Http;
        var response = await http.GetAsync(new Uri(AuthorizeUrl(method: method, challenge: method is null ? "" : null)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("invalid_request", query["error"]);
        Assert.Equal("st", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Theory]
    [InlineData("http://evil.example/signin-vneid")]
    [InlineData("http://localhost/signin-vneid/../my/dossiers")]
    public async Task An_unregistered_redirect_address_gets_a_page_never_a_redirect(string redirectUri)
    {
        using var http = StaffClient.Anonymous(factory).Http;
        var response = await http.GetAsync(new Uri(AuthorizeUrl(redirectUri)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_redirects_only_to_the_registered_address()
    {
        using var http = StaffClient.Anonymous(factory).Http;
        var evil = await http.GetAsync(new Uri(Provider + "/end-session?client_id=" + ClientId + "&post_logout_redirect_uri=" + Uri.EscapeDataString("http://evil.example/")));
        Assert.Equal(HttpStatusCode.BadRequest, evil.StatusCode);
        Assert.Null(evil.Headers.Location);
        var fine = await http.GetAsync(new Uri(Provider + "/end-session?client_id=" + ClientId + "&state=s&post_logout_redirect_uri=" + Uri.EscapeDataString("http://localhost/signout-vneid")));
        Assert.Equal("http://localhost/signout-vneid?state=s", fine.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task Discovery_names_the_endpoints_and_the_only_pkce_method()
    {
        using var http = StaffClient.Anonymous(factory).Http;
        var discovery = JsonDocument.Parse(await http.GetStringAsync(new Uri(Provider + "/.well-known/openid-configuration"))).RootElement;
        Assert.Equal(Provider, discovery.GetProperty("issuer").GetString());
        Assert.Equal(Provider + "/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(Provider + "/end-session", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }
}
