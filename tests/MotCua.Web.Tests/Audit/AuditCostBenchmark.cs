using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Audit;
using MotCua.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MotCua.Web.Tests.Audit;

/// <summary>
/// What an audited read costs on its own, and how fast the sealer chains: a tiny benchmark, run by hand
/// (MOTCUA_BENCH=1 dotnet test … --filter AuditCostBenchmark --logger "console;verbosity=detailed"); otherwise it returns at once.
/// </summary>
public sealed class AuditCostBenchmark(UnsealedFactory factory, ITestOutputHelper output) : IClassFixture<UnsealedFactory>
{
    [Fact]
    public async Task An_audited_read_costs_one_small_insert_transaction()
    {
        if (Environment.GetEnvironmentVariable("MOTCUA_BENCH") != "1") return;
        var units = new[] { Guid.NewGuid(), Guid.NewGuid() };
        async Task<double> TimeAsync(int n, Func<IServiceProvider, Task> work)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) await factory.WithScopeAsync(async sp => { await work(sp); return 0; });
            return clock.Elapsed.TotalMilliseconds / n;
        }
        Task Write(IServiceProvider sp) => sp.GetRequiredService<IAuditLog>().WriteAsync(
            new AuditRecord("dossier.view", new AuditObject("dossier", Guid.NewGuid().ToString(), "HS-260101-ABCDEFGH"), units, DossierRecords.View), CancellationToken.None);
        // The same scope and a round trip that writes nothing: what a request pays anyway.
        Task Read(IServiceProvider sp) => sp.GetRequiredService<Web.Infrastructure.Persistence.MotCuaDbContext>().Set<AuditSeal>().AnyAsync();

        await TimeAsync(200, Write);
        await TimeAsync(200, Read);
        var read = await TimeAsync(1000, Read);
        var write = await TimeAsync(1000, Write);
        var clock = Stopwatch.StartNew();
        var sealedCount = await AuditTestKit.SealAllAsync(factory);
        var seal = clock.Elapsed.TotalMilliseconds;
        output.WriteLine($"BENCH {(TestDatabase.IsPostgres ? "postgres" : "sqlite")}: a read's entry {write:F2} ms, a round trip that writes nothing {read:F2} ms, "
            + $"so {write - read:F2} ms extra per audited read; sealer {sealedCount / (seal / 1000):F0} entries/s ({sealedCount} in {seal:F0} ms)");
    }
}
