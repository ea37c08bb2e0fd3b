namespace MotCua.Web.Features.Audit;

/// <summary><c>dotnet MotCua.Web.dll audit verify</c>: recomputes the chain; exit 0 when it holds, 1 naming the first bad entry.</summary>
public static class AuditCommand
{
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
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
