using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Npgsql;

namespace MotCua.Bench;

/// <summary>An online birth registration as the portal sends it: one body, a new idempotency key per filing.</summary>
internal sealed class Filing
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly byte[] _body;

    private Filing(string receivingUnit)
    {
        var answers = JsonNode.Parse(typeof(Filing).Assembly.GetManifestResourceStream("MotCua.Bench.birth-answers.json")!)!;
        ReceivingUnit = receivingUnit;
        _body = System.Text.Encoding.UTF8.GetBytes(new JsonObject
        {
            ["procedureCode"] = "1.001193",
            ["receivingUnit"] = receivingUnit,
            ["owner"] = new JsonObject { ["kind"] = "citizen", ["fullName"] = "Nguyễn Văn An", ["idNumber"] = "001089012345", ["phone"] = "0912345678", ["address"] = "12 Hàng Bạc, Hà Nội" },
            ["answers"] = answers,
        }.ToJsonString());
    }

    public string ReceivingUnit { get; }

    /// <summary>Filed at Phường Hoàn Kiếm, the ward the demo counter officer, specialist and leader work in.</summary>
    public static async Task<Filing> AtDemoWardAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "Code" FROM unit_versions WHERE "ValidTo" IS NULL AND "Name" = 'Phường Hoàn Kiếm'""", connection);
        return new Filing((string)(await command.ExecuteScalarAsync())!);
    }

    public static HttpClient LoadClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        // Open loop: as many connections as requests in flight, like many citizens' browsers.
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Files under <paramref name="key"/>; null on 201, else the status code.</summary>
    public async Task<(string? Error, string Body)> SendAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/dossiers", UriKind.Relative)) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode == HttpStatusCode.Created ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), body);
    }
}
