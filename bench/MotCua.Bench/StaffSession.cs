using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Bench;

/// <summary>A signed-in demo officer: a cookie client of its own, as each officer's browser would be.</summary>
internal sealed class StaffSession : IDisposable
{
    public const string Password = "MotCua-demo-2026!";

    private StaffSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static async Task<StaffSession> SignInAsync(Uri baseAddress, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 512,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await ProductServer.SignInAsync(client, email, Password);
        return new StaffSession(client);
    }

    /// <summary>POST /api/v1/dossiers/{id}/{action}: the new version on 200, else the error as a short name.</summary>
    public async Task<(int Version, string? Error)> ActAsync(Guid id, string action, object body)
    {
        using var response = await Client.PostAsJsonAsync(new Uri($"/api/v1/dossiers/{id}/{action}", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.OK) return (0, $"{action} {(int)response.StatusCode}");
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return (json.RootElement.GetProperty("version").GetInt32(), null);
    }

    public void Dispose() => Client.Dispose();
}
