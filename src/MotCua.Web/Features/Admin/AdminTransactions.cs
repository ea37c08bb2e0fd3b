using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Admin;

public static class AdminTransactions
{
    /// <summary>
    /// Runs several saves as one: committed only when <paramref name="work"/> returns true, rolled back on
    /// false or an exception. Inside the provider's execution strategy, since PostgreSQL retries transient
    /// failures and a retried transaction must start again from the beginning.
    /// </summary>
    public static Task<bool> InTransactionAsync(this MotCuaDbContext db, Func<Task<bool>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await work()) return false;
            await tx.CommitAsync(ct);
            return true;
        });
    }
}
