namespace MotCua.Web.Infrastructure;

/// <summary>
/// The loop every background job shares: a round now (or after the first interval), then one per interval, each in a
/// scope of its own when it asks for one; a failed round is logged and the next one tries again, so a database away
/// for a moment never stops the host. The jobs themselves are safe on several instances (each says how).
/// </summary>
public static class PeriodicWork
{
    public static async Task RunAsync(TimeSpan interval, bool firstRoundNow, Func<CancellationToken, Task> round, ILogger log, string name,
        CancellationToken stoppingToken, TimeProvider? clock = null)
    {
        using var timer = new PeriodicTimer(interval, clock ?? TimeProvider.System);
        if (!firstRoundNow && !await timer.WaitForNextTickAsync(stoppingToken)) return;
        do
        {
            try
            {
                await round(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed; it runs again at the next interval", name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>A round that needs scoped services (a database context): a fresh scope per round.</summary>
    public static Func<CancellationToken, Task> InScope<TJob>(IServiceScopeFactory scopes, Func<TJob, CancellationToken, Task> work)
        where TJob : notnull => async ct =>
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TJob>(), ct);
    };
}
