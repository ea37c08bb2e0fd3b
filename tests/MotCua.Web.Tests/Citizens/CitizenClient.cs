using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Dossiers.Forms;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>A browser stand-in for a demo citizen signed in through VNeID (the bundled stand-in), with the wizard's moves as steps of a test.</summary>
public sealed partial class CitizenClient(StaffClient client) : IDisposable
{
    public const string An = "001089012345";
    public const string Bich = "001192034567";
    public const string Birth = "/procedures/1.001193/file";

    public StaffClient Client => client;

    public static async Task<CitizenClient> SignInAsync(WebApplicationFactory<Program> factory, string idNumber = An)
    {
        var client = StaffClient.Anonymous(factory);
        await VNeIdFlow.SignInAsync(client.Http, idNumber);
        return new CitizenClient(client);
    }

    public static Task<Guid> HoanKiemAsync(MotCuaFactory factory) => factory.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id);

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url);

    public Task<string> GetPageAsync(string url) => client.GetPageAsync(url);

    /// <summary>Posts a form the way the page at <paramref name="pageUrl"/> would (its anti-forgery token first).</summary>
    public Task<HttpResponseMessage> PostAsync(string pageUrl, string action, Dictionary<string, string> fields) => client.PostFormAsync(pageUrl, fields, action);

    /// <summary>Picks the receiving unit: starts a draft; returns its wizard address (without the query).</summary>
    public async Task<string> StartDraftAsync(Guid unit)
    {
        var response = await PostAsync(Birth, Birth + "?handler=unit", new() { ["unit"] = unit.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/procedures/1\.001193/file/[0-9a-f-]{36}\?step=1$", location);
        return location[..location.IndexOf('?', StringComparison.Ordinal)];
    }

    public static Guid DraftIdOf(string draftUrl) => Guid.Parse(draftUrl[(draftUrl.LastIndexOf('/') + 1)..]);

    public Task<HttpResponseMessage> PostStepAsync(string draftUrl, int step, Dictionary<string, string> fields) =>
        PostAsync($"{draftUrl}?step={step}", $"{draftUrl}?handler=step&step={step}", fields);

    /// <summary>Answers every topic of the birth form with valid answers made from its own schema.</summary>
    public async Task AnswerAllStepsAsync(string draftUrl)
    {
        var form = SeededForms.Form("1.001193");
        var valid = SeededForms.ValidAnswers(form);
        foreach (var step in form.Steps)
        {
            var posted = DossierForm.Leaves(step.Fields).Where(f => valid[f.Name] is not null).ToDictionary(f => f.Name, f => SeededForms.Show(valid[f.Name]!));
            var response = await PostStepAsync(draftUrl, step.Index + 1, posted);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"step {step.Index + 1}: {(int)response.StatusCode} {StaffClient.ErrorSummary(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>Uploads one file on a document page, as the page's multipart form does.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string draftUrl, int step, string fileName, byte[] bytes, string contentType = "application/pdf")
    {
        var page = await client.GetPageAsync($"{draftUrl}?step={step}");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(StaffClient.Token(page)!), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        return await client.Http.PostAsync(new Uri($"{draftUrl}?handler=upload&step={step}", UriKind.Relative), content);
    }

    /// <summary>The wizard step of each mandatory document of the birth registration, in wizard order.</summary>
    public static IReadOnlyList<int> MandatoryDocumentSteps()
    {
        var form = SeededForms.Form("1.001193");
        var documents = SeededForms.Procedure("1.001193").Documents;
        return [.. documents.Select((d, i) => (d, Step: form.Steps.Count + 1 + i)).Where(x => x.d.Mandatory).Select(x => x.Step)];
    }

    public static string Decoded(string html) => WebUtility.HtmlDecode(html);

    public static string Key(string checkPage) => KeyPattern().Match(checkPage).Groups[1].Value;

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();
}
