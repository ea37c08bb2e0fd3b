using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;

using MotCua.Domain.Privacy;

namespace MotCua.Durability.Tests;

/// <summary>
/// Nothing acknowledged is lost: several citizens stream online filings at the product running on PostgreSQL;
/// at a random moment the process is killed with SIGKILL, then started again; every request that got no answer
/// is retried with the same idempotency key. The database must then hold every acknowledged dossier, complete,
/// exactly once per key, and no dossier that no key accounts for.
/// </summary>
public sealed class SubmissionCrashTests(ITestOutputHelper output)
{
    private static readonly PersonalDataCipher Cipher = new(Convert.FromBase64String(ProductProcess.PersonalDataKey));

    private const int Clients = 6;
    private const int FilingsPerClient = 60;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(55);

    [Fact]
    public async Task Every_acknowledged_filing_survives_a_SIGKILL_exactly_once()
    {
        var started = Stopwatch.GetTimestamp();
        await using var database = await ScratchDatabase.CreateAsync("motcua_crash");
        var first = await ProductProcess.StartAsync(database.ConnectionString, TimeSpan.FromSeconds(40));
        ProductProcess? second = null;
        try
        {
            var unit = await OnlineFiling.ReceivingUnitAsync(database.ConnectionString);
            var target = new Target(first.BaseAddress);
            var acknowledged = new ConcurrentDictionary<string, Acknowledgement>();
            var retried = new ConcurrentDictionary<string, int>();
            using var cancel = new CancellationTokenSource(Budget - Stopwatch.GetElapsedTime(started));
            using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = TimeSpan.FromSeconds(10) };

            var streams = Enumerable.Range(0, Clients)
                .Select(c => Task.Run(() => StreamAsync(client, target, unit, c, acknowledged, retried, cancel.Token)))
                .ToArray();

            // Kill somewhere in the middle of the stream, at a moment no test author chose.
            var killAfter = Random.Shared.Next(40, Clients * FilingsPerClient / 2);
            while (acknowledged.Count < killAfter) await Task.Delay(1, cancel.Token);
            var exitCode = first.KillHard();
            var acknowledgedBeforeKill = acknowledged.Count;
            Assert.Equal(128 + 9, exitCode); // SIGKILL, not a graceful stop

            second = await ProductProcess.StartAsync(database.ConnectionString, TimeSpan.FromSeconds(30));
            target.BaseAddress = second.BaseAddress;
            await Task.WhenAll(streams);

            Assert.Equal(Clients * FilingsPerClient, acknowledged.Count);
            Assert.True(acknowledgedBeforeKill < acknowledged.Count, "the stream went on after the restart");
            Assert.NotEmpty(retried); // requests were cut off by the kill and answered only after the restart
            output.WriteLine($"killed (exit {exitCode}) after {acknowledgedBeforeKill} acknowledgements; {retried.Count} keys retried; {acknowledged.Count} filed");
            await AssertEveryAcknowledgedDossierOnceAsync(database, acknowledged);

            // Retrying an acknowledged key after the restart still answers the same dossier and files nothing.
            foreach (var (key, ack) in acknowledged.Take(20))
            {
                using var again = await OnlineFiling.FileAsync(client, target.BaseAddress, unit, key, ack.Phone, CancellationToken.None);
                Assert.Equal(HttpStatusCode.Created, again.StatusCode);
                Assert.Equal(ack.DossierId, (await JsonDocument.ParseAsync(await again.Content.ReadAsStreamAsync())).RootElement.GetProperty("id").GetGuid());
            }
            await AssertEveryAcknowledgedDossierOnceAsync(database, acknowledged);
        }
        finally
        {
            first.Dispose();
            second?.Dispose();
        }
    }

    private sealed class Target(Uri baseAddress)
    {
        private volatile Uri _baseAddress = baseAddress;

        public Uri BaseAddress { get => _baseAddress; set => _baseAddress = value; }
    }

    private sealed record Acknowledgement(Guid DossierId, string Phone);

    /// <summary>One citizen's stream: each filing is sent until it is answered, always under the same key.</summary>
    private static async Task StreamAsync(HttpClient client, Target target, string unit, int c,
        ConcurrentDictionary<string, Acknowledgement> acknowledged, ConcurrentDictionary<string, int> retried, CancellationToken ct)
    {
        for (var n = 0; n < FilingsPerClient; n++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"crash-{c}-{n}");
            var phone = string.Create(CultureInfo.InvariantCulture, $"09{c:D2}{n:D6}");
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0)
                {
                    retried.AddOrUpdate(key, 1, (_, count) => count + 1);
                    await Task.Delay(100, ct);
                }
                try
                {
                    using var response = await OnlineFiling.FileAsync(client, target.BaseAddress, unit, key, phone, ct);
                    if ((int)response.StatusCode >= 500) continue; // the server may answer while it is going down
                    var body = await response.Content.ReadAsStringAsync(ct);
                    Assert.True(response.StatusCode == HttpStatusCode.Created, $"{key}: {(int)response.StatusCode} {body}");
                    acknowledged[key] = new Acknowledgement(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), phone);
                    break;
                }
                catch (HttpRequestException)
                {
                    // Connection refused or reset: the process is dead or not up yet. Retry with the same key.
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    // The client's timeout: no answer is no acknowledgement. Retry with the same key.
                }
            }
        }
    }

    /// <summary>Reads the database directly, not through the product: what a restart would find.</summary>
    private static async Task AssertEveryAcknowledgedDossierOnceAsync(ScratchDatabase database, ConcurrentDictionary<string, Acknowledgement> acknowledged)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT s."IdempotencyKey", d."Id", d."OwnerFullName", d."OwnerIdNumber", d."OwnerPhone", d."Answers", d."Status",
                   (SELECT count(*) FROM dossier_events e WHERE e."DossierId" = d."Id")
            FROM dossier_submissions s JOIN dossiers d ON d."Id" = s."DossierId"
            """, connection);
        var stored = new Dictionary<string, (Guid Id, string Name, string IdNumber, string? Phone, string Answers, int Status, long Events)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0), (reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetInt64(7)));
            }
        }
        foreach (var (key, ack) in acknowledged)
        {
            Assert.True(stored.TryGetValue(key, out var row), $"acknowledged {key} is missing");
            Assert.Equal(ack.DossierId, row.Id);
            // Stored protected (ADR 0023), read back with the product's key.
            Assert.True(PersonalDataCipher.IsProtected(row.IdNumber), $"{key}: ID number stored in clear");
            Assert.Equal((OnlineFiling.FullName, OnlineFiling.IdNumber, ack.Phone),
                (row.Name, Cipher.Unprotect(row.IdNumber), row.Phone is null ? null : Cipher.Unprotect(row.Phone)));
            Assert.True(JsonNode.DeepEquals(OnlineFiling.Answers, JsonNode.Parse(row.Answers)), $"{key}: answers differ");
            Assert.Equal(1, row.Status);
            Assert.Equal(1, row.Events); // the submission event, once
        }
        // Exactly once: as many dossiers as keys, each key one dossier, and no dossier without a key.
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.Equal(stored.Count, stored.Values.Select(v => v.Id).Distinct().Count());
        await using var total = new NpgsqlCommand("SELECT count(*) FROM dossiers", connection);
        Assert.Equal((long)acknowledged.Count, (long)(await total.ExecuteScalarAsync())!);
    }
}
