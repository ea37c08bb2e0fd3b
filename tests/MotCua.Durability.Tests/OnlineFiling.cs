using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace MotCua.Durability.Tests;

/// <summary>One citizen's online filing as the API takes it: a birth registration with realistic answers.</summary>
internal static class OnlineFiling
{
    public const string FullName = "Nguyễn Văn An";
    public const string IdNumber = "001089012345";

    /// <summary>The same realistic birth-registration answers the submission benchmark sends.</summary>
    public static readonly JsonObject Answers = JsonNode.Parse(
        typeof(OnlineFiling).Assembly.GetManifestResourceStream("MotCua.Durability.Tests.birth-answers.json")!)!.AsObject();

    /// <summary>Files once under <paramref name="key"/> (the Idempotency-Key: a retry with it files nothing new).</summary>
    public static async Task<HttpResponseMessage> FileAsync(HttpClient client, Uri baseAddress, string unit, string key, string phone, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["procedureCode"] = "1.001193",
            ["receivingUnit"] = unit,
            ["owner"] = new JsonObject { ["kind"] = "citizen", ["fullName"] = FullName, ["idNumber"] = IdNumber, ["phone"] = phone, ["address"] = "12 Hàng Bạc, Hà Nội" },
            ["answers"] = Answers.DeepClone(),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/api/v1/dossiers"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, ct);
    }

    /// <summary>A ward of the seeded city that receives online filings.</summary>
    public static async Task<string> ReceivingUnitAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "Code" FROM unit_versions WHERE "ValidTo" IS NULL AND "Kind" IN ('Ward', 'Commune') ORDER BY "Code" LIMIT 1""", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
