namespace MotCua.Web.Features.Audit;

/// <summary>
/// <c>dotnet MotCua.Web.dll audit verify [--anchor POSITION:HASH]…</c>: recomputes the chain, and checks it against links
/// kept outside the database (the sealer's log lines "head link …"); exit 0 when it holds, 1 naming the first bad entry,
/// 2 when the log cannot be read at all or an anchor is malformed.
/// </summary>
public static class AuditCommand
{
    public const string Usage = "usage: MotCua.Web audit verify [--anchor POSITION:HASH]...";

    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct, IReadOnlyList<string>? options = null)
    {
        if (!TryAnchors(options ?? [], out var anchors))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        AuditVerification result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct, anchors);
        }
        catch (System.Data.Common.DbException e)
        {
            // No database, or one not migrated yet: nothing was verified, which is not the same as a broken chain.
            await error.WriteLineAsync($"audit verify: cannot read the audit log: {e.Message}");
            return 2;
        }
        if (!result.Ok)
        {
            await error.WriteLineAsync($"audit verify: FAILED at entry {result.BadEntry}: {result.Problem}");
            await error.WriteLineAsync($"audit verify: the chain holds up to link {result.HeadPosition} (hash {result.HeadHash})");
            return 1;
        }
        await output.WriteLineAsync(
            $"audit verify: OK, {result.Checked} entries chained, {result.Unsealed} waiting for the sealer; head link {result.HeadPosition}, hash {result.HeadHash}"
            + (anchors.Count > 0 ? $"; {anchors.Count} kept link(s) match" : ""));
        return 0;
    }

    private static bool TryAnchors(IReadOnlyList<string> options, out Dictionary<long, byte[]> anchors)
    {
        anchors = [];
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] != "--anchor" || i + 1 >= options.Count) return false;
            var parts = options[++i].Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var position) || position < 1) return false;
            try { anchors[position] = Convert.FromHexString(parts[1]); }
            catch (FormatException) { return false; }
        }
        return true;
    }
}
