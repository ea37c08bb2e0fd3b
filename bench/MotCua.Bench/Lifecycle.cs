using System.Text.Json;

namespace MotCua.Bench;

/// <summary>
/// One dossier's whole life through the JSON API, each step by the officer whose duty it is at Phường Hoàn Kiếm:
/// filed online by the citizen, accepted at the counter, claimed and forwarded by the specialist, approved by the
/// leader (the seeded birth-registration workflow's two processing steps), result issued, returned at the counter.
/// </summary>
internal sealed class Lifecycle(Filing filing, HttpClient citizen, StaffSession counter, StaffSession specialist, StaffSession leader) : IDisposable
{
    public const int Requests = 7;

    public static async Task<Lifecycle> StartAsync(Uri baseAddress, Filing filing, HttpClient citizen) => new(filing, citizen,
        await StaffSession.SignInAsync(baseAddress, "motcua@motcua.demo"),
        await StaffSession.SignInAsync(baseAddress, "chuyenvien@motcua.demo"),
        await StaffSession.SignInAsync(baseAddress, "lanhdao@motcua.demo"));

    /// <summary>Files and returns one dossier; null when every step answered as it should, else the first failure.</summary>
    public async Task<string?> RunAsync(string key, string until = "return")
    {
        var (error, body) = await filing.SendAsync(citizen, key);
        if (error is not null) return $"file {error}";
        using var filed = JsonDocument.Parse(body);
        var id = filed.RootElement.GetProperty("id").GetGuid();
        var version = filed.RootElement.GetProperty("version").GetInt32();
        if (until == "none") return null;
        (StaffSession Who, string Action, Func<int, object> Body)[] steps =
        [
            (counter, "accept", v => new { version = v }),
            (specialist, "claim", v => new { version = v }),
            (specialist, "forward", v => new { version = v, note = "Đủ điều kiện" }),
            (leader, "approve", v => new { version = v }),
            (counter, "result", v => new { version = v, documents = new[] { new { name = "Giấy khai sinh (bản chính)", fileId = Guid.NewGuid() } } }),
            (counter, "return", v => new { version = v, channel = 1 }),
        ];
        foreach (var (who, action, makeBody) in steps)
        {
            (version, error) = await who.ActAsync(id, action, makeBody(version));
            if (error is not null) return error;
            if (action == until) break;
        }
        return null;
    }

    public void Dispose()
    {
        counter.Dispose();
        specialist.Dispose();
        leader.Dispose();
    }
}
