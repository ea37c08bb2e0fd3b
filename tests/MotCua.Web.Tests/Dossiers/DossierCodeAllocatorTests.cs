using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>Sequence numbers of the dossier code never repeat, also when many counters accept at once.</summary>
public sealed class DossierCodeAllocatorTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private async Task<int> AllocateAsync(string agency, DateOnly day, bool commit = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var value = await scope.ServiceProvider.GetRequiredService<DossierCodeAllocator>().NextAsync(agency, day, CancellationToken.None);
            if (commit) await tx.CommitAsync();
            else await tx.RollbackAsync();
            return value;
        });
    }

    [Fact]
    public async Task Concurrent_acceptances_get_distinct_consecutive_numbers()
    {
        var day = new DateOnly(2026, 3, 2);
        var values = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Task.Run(() => AllocateAsync("000.00.02.H26", day))));
        Assert.Equal(Enumerable.Range(1, 60), values.Order());
    }

    [Fact]
    public async Task Each_agency_and_day_has_its_own_sequence()
    {
        Assert.Equal(1, await AllocateAsync("000.01.60.H26", new DateOnly(2026, 3, 3)));
        Assert.Equal(2, await AllocateAsync("000.01.60.H26", new DateOnly(2026, 3, 3)));
        Assert.Equal(1, await AllocateAsync("000.02.60.H26", new DateOnly(2026, 3, 3)));
        Assert.Equal(1, await AllocateAsync("000.01.60.H26", new DateOnly(2026, 3, 4)));
    }

    [Fact]
    public async Task A_rolled_back_acceptance_does_not_use_up_a_number()
    {
        var day = new DateOnly(2026, 3, 5);
        Assert.Equal(1, await AllocateAsync("000.03.60.H26", day));
        Assert.Equal(2, await AllocateAsync("000.03.60.H26", day, commit: false));
        Assert.Equal(2, await AllocateAsync("000.03.60.H26", day));
    }

    [Fact]
    public async Task Allocating_outside_a_transaction_is_refused()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var allocator = scope.ServiceProvider.GetRequiredService<DossierCodeAllocator>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => allocator.NextAsync("000.00.02.H26", new DateOnly(2026, 3, 2), CancellationToken.None));
    }
}
