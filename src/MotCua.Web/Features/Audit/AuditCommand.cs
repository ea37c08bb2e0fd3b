namespace MotCua.Web.Features.Audit;

/// <summary>
/// <c>dotnet MotCua.Web.dll audit verify</c>: recomputes the chain; exit 0 when it holds, 1 naming the first bad entry,
/// 2 when the log cannot be read at all.
/// </summary>
public static class AuditCommand
{
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        AuditVerification result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
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
            $"audit verify: OK, {result.Checked} entries chained, {result.Unsealed} waiting for the sealer; head link {result.HeadPosition}, hash {result.HeadHash}");
        return 0;
    }
}
