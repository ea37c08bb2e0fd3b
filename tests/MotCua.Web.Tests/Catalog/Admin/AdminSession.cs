using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog.Admin;

/// <summary>
/// A staff member's browser against the real host: cookies kept, redirects not followed (tests look at
/// them), and every POST made from the form the page rendered, with its anti-forgery token.
/// </summary>
public sealed class AdminSession : IDisposable
{
    public const string Admin = "admin@motcua.demo";
    public const string CounterOfficer = "motcua@motcua.demo";

    private AdminSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static HttpClient Browser(MotCuaFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through every step (password, then the authenticator code) as <see cref="StaffClient"/> does.</summary>
    public static async Task<AdminSession> SignInAsync(MotCuaFactory factory, string email = Admin) =>
        new((await StaffClient.SignInAsync(factory, email)).Http);

    /// <summary>GETs a page that must render (200) and returns its HTML.</summary>
    public async Task<string> PageAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>Submits <paramref name="form"/> as a browser would: to its action, or to the page it came from.</summary>
    public Task<HttpResponseMessage> SubmitAsync(HtmlForm form, string pageUrl, string? handler = null)
    {
        var target = form.Action is { Length: > 0 } action ? action : pageUrl;
        if (handler is not null) target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        return Client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(form.Fields));
    }

    /// <summary>Uploads a file with the form's other fields (multipart), as the import page's form does.</summary>
    public Task<HttpResponseMessage> UploadAsync(HtmlForm form, string pageUrl, string fileField, string fileName, byte[] content)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields) body.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        body.Add(file, fileField, fileName);
        return Client.PostAsync(new Uri(pageUrl, UriKind.Relative), body);
    }

    public void Dispose() => Client.Dispose();
}
