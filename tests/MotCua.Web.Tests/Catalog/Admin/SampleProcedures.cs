using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Domain.Catalog;
using MotCua.Domain.Organization;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog.Admin;

/// <summary>Small procedures and page readers shared by the catalogue administration tests.</summary>
internal static partial class SampleProcedures
{
    /// <summary>The smallest procedure that passes the publishing rules: one step that issues the result.</summary>
    public static ProcedureDefinition Valid(string code, string name) => new()
    {
        NationalCode = code,
        Name = name,
        Field = "Thử nghiệm",
        Levels = [ImplementingLevel.Commune],
        UnitKinds = ["ward", "commune"],
        Applicants = [ApplicantKind.Citizen],
        ProcessingTime = new ProcessingTime { Value = 3 },
        OnlineLevel = new OnlineLevel { Level = 2 },
        ReceiveChannels = [Channel.Counter],
        ReturnChannels = [Channel.Counter],
        Workflow = new WorkflowDefinition
        {
            Steps =
            [
                new WorkflowStep
                {
                    Key = "receive", Name = "Tiếp nhận và trả kết quả", Share = 1,
                    Performer = new StepPerformer { Role = StaffRole.CounterOfficer },
                    Transitions = [new StepTransition { Action = StepAction.IssueResult }],
                },
            ],
        },
    };

    /// <summary>A workflow whose only step forwards to a step that does not exist.</summary>
    public const string BrokenWorkflow = """
        {
          "steps": [
            {
              "key": "receive",
              "name": "Tiếp nhận",
              "performer": { "unit": "receiving", "role": "counterOfficer" },
              "share": 1,
              "transitions": [ { "action": "issueResult" }, { "action": "forward", "to": "khong-co-buoc-nay" } ]
            }
          ]
        }
        """;

    public static byte[] File(params ProcedureDefinition[] definitions) =>
        JsonSerializer.SerializeToUtf8Bytes(definitions, CatalogJson.Indented);

    public static Task<int> CountAsync(MotCuaFactory factory) =>
        factory.WithDbAsync(db => Task.FromResult(db.Procedures.Count()));

    /// <summary>The published name citizens get from the public API, or null when it answers 404.</summary>
    public static async Task<string?> PublicNameAsync(HttpClient client, string code)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/procedures/{code}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("name").GetString();
    }

    /// <summary>The codes the public search returns for a text.</summary>
    public static async Task<IReadOnlyList<string>> SearchAsync(HttpClient client, string text)
    {
        var json = await client.GetStringAsync(new Uri($"/api/v1/procedures?pageSize=100&q={Uri.EscapeDataString(text)}", UriKind.Relative));
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
    }

    /// <summary>Version number → status label, from the versions table of the detail page.</summary>
    public static Dictionary<int, string> VersionStatuses(string html) =>
        VersionRow().Matches(html).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value.Trim());

    /// <summary>The error list rendered next to one field of the editor, decoded; empty when there is none.</summary>
    public static string ErrorsNextTo(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<ul class=\"error-message\" id=\"{fieldId}-error\">(.*?)</ul>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }

    [GeneratedRegex(@"<tr>\s*<td>(\d+)</td>\s*<td><span class=""[^""]*"">([^<]+)</span>")]
    private static partial Regex VersionRow();
}
