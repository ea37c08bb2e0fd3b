using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>
/// The sealer and the verification on the real database: links in entry order, one sealer's work when two run at
/// once, gaps from rolled-back transactions tolerated, and every kind of tampering found and named. The tests share
/// one database and run one after another: each tampering is undone before the next.
/// </summary>
public sealed class AuditChainTests(UnsealedFactory factory) : IClassFixture<UnsealedFactory>
{
    private Task WriteAsync(string label) => factory.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<IAuditLog>().WriteAsync(new AuditRecord("test.chain", new AuditObject("test", null, label), [Guid.NewGuid()], "kiểm thử"), CancellationToken.None);
        return 0;
    });

    private Task<List<AuditSeal>> SealsAsync() => factory.WithDbAsync(db => db.Set<AuditSeal>().AsNoTracking().OrderBy(s => s.Position).ToListAsync());

    private Task<long> LastEntryAsync() => factory.WithDbAsync(db => db.Set<AuditEntry>().MaxAsync(e => e.Sequence));

    [Fact]
    public async Task The_sealer_chains_entries_in_order_across_a_gap_and_the_verification_holds()
    {
        await WriteAsync("first");
        // A rolled-back transaction takes a number and leaves a gap.
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MotCuaDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                sp.GetRequiredService<IAuditLog>().Stage(new AuditRecord("test.chain", new AuditObject("test", null, "rolled back"), []));
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            });
            return 0;
        });
        // SQLite gives a rolled-back number back; take three numbers there as PostgreSQL's sequence would have.
        if (!TestDatabase.IsPostgres)
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE sqlite_sequence SET seq = seq + 3 WHERE name = 'audit_entries'"));
        await WriteAsync("after the gap");
        await AuditTestKit.SealAllAsync(factory);

        var seals = await SealsAsync();
        Assert.NotEmpty(seals);
        Assert.Equal(Enumerable.Range(1, seals.Count).Select(i => (long)i), seals.Select(s => s.Position));
        Assert.Equal(seals.Select(s => s.EntrySequence).Order(), seals.Select(s => s.EntrySequence));
        Assert.Null(seals[0].PreviousEntrySequence);
        Assert.All(seals.Skip(1).Zip(seals), p => Assert.Equal(p.Second.EntrySequence, p.First.PreviousEntrySequence));
        Assert.Contains(seals.Zip(seals.Skip(1)), p => p.Second.EntrySequence > p.First.EntrySequence + 1);

        var result = await AuditTestKit.VerifyAsync(factory);
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(0, result.Unsealed);
        Assert.Equal(seals.Count, result.Checked);
    }

    [Fact]
    public async Task Two_sealers_at_once_chain_each_entry_once()
    {
        for (var i = 0; i < 30; i++) await WriteAsync("race " + i);
        // Two instances' sealers (separate objects, separate connections) and this host's own, all at once.
        AuditSealer Another() => new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IOptions<AuditOptions>>(),
            TimeProvider.System, NullLogger<AuditSealer>.Instance);
        var sealers = new[] { Another(), Another(), factory.Services.GetRequiredService<AuditSealer>() };
        await Task.WhenAll(sealers.Select(s => Task.Run(() => s.SealOnceAsync(CancellationToken.None))));
        await AuditTestKit.SealAllAsync(factory);

        var seals = await SealsAsync();
        Assert.Equal(seals.Count, seals.Select(s => s.EntrySequence).Distinct().Count());
        Assert.Equal(await LastEntryAsync(), seals[^1].EntrySequence);
        var result = await AuditTestKit.VerifyAsync(factory);
        Assert.True(result.Ok, result.Problem);
    }

    [Fact]
    public async Task A_changed_field_is_found_and_named()
    {
        await WriteAsync("to change");
        await AuditTestKit.SealAllAsync(factory);
        var target = await LastEntryAsync();

        await AuditTestKit.AsOwnerAsync(factory, $"UPDATE audit_entries SET \"Reason\" = 'sửa lén' WHERE \"Sequence\" = {target}");
        var result = await AuditTestKit.VerifyAsync(factory);
        Assert.False(result.Ok);
        Assert.Equal(target, result.BadEntry);
        Assert.Contains("changed", result.Problem, StringComparison.Ordinal);

        // The command-line verification says the same and exits non-zero.
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, await AuditCommand.VerifyAsync(factory.Services, output, error, CancellationToken.None));
        Assert.Contains($"entry {target}", error.ToString(), StringComparison.Ordinal);

        await AuditTestKit.AsOwnerAsync(factory, $"UPDATE audit_entries SET \"Reason\" = 'kiểm thử' WHERE \"Sequence\" = {target}");
        Assert.True((await AuditTestKit.VerifyAsync(factory)).Ok);
        Assert.Equal(0, await AuditCommand.VerifyAsync(factory.Services, output, error, CancellationToken.None));
    }

    [Fact]
    public async Task A_cut_off_tail_holds_as_a_chain_but_not_against_the_head_kept_outside_the_database()
    {
        await WriteAsync("kept head");
        await AuditTestKit.SealAllAsync(factory);
        var head = (await SealsAsync())[^1];
        var anchor = $"{head.Position}:{Convert.ToHexStringLower(head.Hash)}";
        using var output = new StringWriter();
        using var error = new StringWriter();
        Task<int> VerifyAsync(params string[] options) => AuditCommand.VerifyAsync(factory.Services, output, error, CancellationToken.None, options);

        Assert.Equal(0, await VerifyAsync("--anchor", anchor));
        Assert.Equal(1, await VerifyAsync("--anchor", $"{head.Position}:{new string('0', 64)}"));
        Assert.Contains("kept copy", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await VerifyAsync("--anchor", "not-a-link"));

        // The newest entry and its link removed together: what is left is a valid, shorter chain.
        var target = head.EntrySequence;
        await AuditTestKit.AsOwnerAsync(factory,
            $"CREATE TABLE audit_saved AS SELECT * FROM audit_entries WHERE \"Sequence\" = {target}; " +
            $"CREATE TABLE audit_saved_units AS SELECT * FROM audit_entry_units WHERE \"EntrySequence\" = {target}; " +
            $"CREATE TABLE audit_saved_seals AS SELECT * FROM audit_seals WHERE \"EntrySequence\" = {target}; " +
            $"DELETE FROM audit_seals WHERE \"EntrySequence\" = {target}; DELETE FROM audit_entry_units WHERE \"EntrySequence\" = {target}; " +
            $"DELETE FROM audit_entries WHERE \"Sequence\" = {target}");
        Assert.Equal(0, await VerifyAsync());
        Assert.Equal(1, await VerifyAsync("--anchor", anchor));
        Assert.Contains($"link {head.Position} is gone", error.ToString(), StringComparison.Ordinal);

        await AuditTestKit.AsOwnerAsync(factory,
            "INSERT INTO audit_entries SELECT * FROM audit_saved; INSERT INTO audit_entry_units SELECT * FROM audit_saved_units; " +
            "INSERT INTO audit_seals SELECT * FROM audit_saved_seals; DROP TABLE audit_saved; DROP TABLE audit_saved_units; DROP TABLE audit_saved_seals");
        Assert.Equal(0, await VerifyAsync("--anchor", anchor));
    }

    [Fact]
    public async Task A_deleted_entry_is_found_and_named_whether_or_not_its_link_goes_with_it()
    {
        await WriteAsync("to delete");
        await WriteAsync("after it");
        await AuditTestKit.SealAllAsync(factory);
        var after = await LastEntryAsync();
        var seals = await SealsAsync();
        var target = seals.Single(s => s.EntrySequence == after).PreviousEntrySequence!.Value;

        await AuditTestKit.AsOwnerAsync(factory,
            $"CREATE TABLE audit_saved AS SELECT * FROM audit_entries WHERE \"Sequence\" = {target}; " +
            $"CREATE TABLE audit_saved_units AS SELECT * FROM audit_entry_units WHERE \"EntrySequence\" = {target}; " +
            $"CREATE TABLE audit_saved_seals AS SELECT * FROM audit_seals WHERE \"EntrySequence\" = {target}; " +
            $"DELETE FROM audit_entry_units WHERE \"EntrySequence\" = {target}; DELETE FROM audit_entries WHERE \"Sequence\" = {target}");
        var result = await AuditTestKit.VerifyAsync(factory);
        Assert.False(result.Ok);
        Assert.Equal(target, result.BadEntry);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);

        // Its link removed too, as someone covering their tracks would: the next link names it.
        await AuditTestKit.AsOwnerAsync(factory, $"DELETE FROM audit_seals WHERE \"EntrySequence\" = {target}");
        result = await AuditTestKit.VerifyAsync(factory);
        Assert.False(result.Ok);
        Assert.Equal(target, result.BadEntry);

        await AuditTestKit.AsOwnerAsync(factory,
            "INSERT INTO audit_entries SELECT * FROM audit_saved; INSERT INTO audit_entry_units SELECT * FROM audit_saved_units; " +
            "INSERT INTO audit_seals SELECT * FROM audit_saved_seals; DROP TABLE audit_saved; DROP TABLE audit_saved_units; DROP TABLE audit_saved_seals");
        var restored = await AuditTestKit.VerifyAsync(factory);
        Assert.True(restored.Ok, restored.Problem);
    }

    [Fact]
    public async Task Reordered_entries_or_links_are_found()
    {
        await WriteAsync("first of two");
        await WriteAsync("second of two");
        await AuditTestKit.SealAllAsync(factory);
        var seals = await SealsAsync();
        var (a, b) = (seals[^2], seals[^1]);

        // The two entries' contents swapped: the earlier one no longer matches its link.
        await AuditTestKit.AsOwnerAsync(factory, Swap("audit_entries", "Sequence", "ObjectLabel", a.EntrySequence, b.EntrySequence));
        var result = await AuditTestKit.VerifyAsync(factory);
        Assert.False(result.Ok);
        Assert.Equal(a.EntrySequence, result.BadEntry);
        await AuditTestKit.AsOwnerAsync(factory, Swap("audit_entries", "Sequence", "ObjectLabel", a.EntrySequence, b.EntrySequence));
        Assert.True((await AuditTestKit.VerifyAsync(factory)).Ok);

        // The two links swapped (entry numbers exchanged between positions): the chain's order no longer holds.
        await AuditTestKit.AsOwnerAsync(factory, Swap("audit_seals", "Position", "EntrySequence", a.Position, b.Position, unique: true));
        result = await AuditTestKit.VerifyAsync(factory);
        Assert.False(result.Ok);
        Assert.Equal(b.EntrySequence, result.BadEntry);
        await AuditTestKit.AsOwnerAsync(factory, Swap("audit_seals", "Position", "EntrySequence", a.Position, b.Position, unique: true));
        Assert.True((await AuditTestKit.VerifyAsync(factory)).Ok);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_entries_units_and_links()
    {
        await WriteAsync("protected");
        await AuditTestKit.SealAllAsync(factory);
        var n = await LastEntryAsync();
        string[] attempts =
        [
            $"UPDATE audit_entries SET \"Reason\" = 'sửa' WHERE \"Sequence\" = {n}",
            $"DELETE FROM audit_entries WHERE \"Sequence\" = {n}",
            $"UPDATE audit_entry_units SET \"UnitId\" = \"UnitId\" WHERE \"EntrySequence\" = {n}",
            $"DELETE FROM audit_entry_units WHERE \"EntrySequence\" = {n}",
            $"UPDATE audit_seals SET \"Hash\" = \"Hash\" WHERE \"EntrySequence\" = {n}",
            $"DELETE FROM audit_seals WHERE \"EntrySequence\" = {n}",
            .. TestDatabase.IsPostgres ? new[] { "TRUNCATE audit_seals", "TRUNCATE audit_entries CASCADE" } : [],
        ];
        foreach (var sql in attempts)
        {
            var e = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("append-only", e.Message, StringComparison.Ordinal);
        }
        Assert.True((await AuditTestKit.VerifyAsync(factory)).Ok);
    }

    /// <summary>Exchanges one column's values between two rows (a unique column goes through negated values on the way).</summary>
    private static string Swap(string table, string key, string column, long x, long y, bool unique = false) =>
        $"CREATE TABLE audit_swap AS SELECT \"{key}\" AS k, \"{column}\" AS v FROM {table} WHERE \"{key}\" IN ({x}, {y}); " +
        (unique ? $"UPDATE {table} SET \"{column}\" = -\"{column}\" WHERE \"{key}\" IN ({x}, {y}); " : "") +
        $"UPDATE {table} SET \"{column}\" = (SELECT v FROM audit_swap WHERE k = CASE WHEN {table}.\"{key}\" = {x} THEN {y} ELSE {x} END) WHERE \"{key}\" IN ({x}, {y}); " +
        "DROP TABLE audit_swap";
}
