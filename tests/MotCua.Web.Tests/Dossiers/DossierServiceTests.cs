using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>Filing online (idempotent) and acceptance at the counter (legal code, due date), on the real database.</summary>
public sealed class DossierServiceTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static readonly Actor Citizen = BirthFiling.Citizen;
    private static readonly Actor Officer = Actor.Staff("officer-1", "Lê Thị Tiếp");

    private static readonly Applicant Owner = BirthFiling.Owner;

    private Task<Guid> HoanKiemAsync() => factory.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id);

    private Task<T> WithServiceAsync<T>(Func<DossierService, Task<T>> work) => factory.WithScopeAsync(sp => work(sp.GetRequiredService<DossierService>()));

    private async Task<Dossier> FileAsync(string key, string procedure = "1.001193", Guid? unit = null) =>
        await WithServiceAsync(async s => await s.FileOnlineAsync(
            new OnlineFiling(procedure, unit ?? await HoanKiemAsync(), Owner, null, BirthAnswers, []), Citizen, key, CancellationToken.None));

    /// <summary>Answers that pass the seeded birth-registration form, made from its own schema.</summary>
    private static readonly string BirthAnswers = BirthFiling.Answers;

    [Fact]
    public async Task Answers_that_do_not_pass_the_form_are_refused_field_by_field_and_nothing_is_filed()
    {
        var before = await factory.WithDbAsync(db => db.Dossiers.CountAsync());
        var problem = await Assert.ThrowsAsync<DossierFormProblem>(() => WithServiceAsync(async s => await s.FileOnlineAsync(
            new OnlineFiling("1.001193", await HoanKiemAsync(), Owner with { IdNumber = "12" }, null, "{}", []), Citizen, "key-bad", CancellationToken.None)));
        Assert.NotEmpty(problem.Errors);
        Assert.All(problem.Errors, e => Assert.StartsWith("forms.", e.MessageKey, StringComparison.Ordinal));
        Assert.Contains("IdNumber", problem.ApplicantFields);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Dossiers.CountAsync()));
    }

    [Fact]
    public async Task Filing_twice_with_one_key_files_once_even_at_the_same_moment()
    {
        var first = await FileAsync("key-once");
        var again = await FileAsync("key-once");
        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => FileAsync("key-race"))));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(DossierStatus.New, first.Status);
        Assert.StartsWith("HS-", first.Reference, StringComparison.Ordinal);
        Assert.Single(racing.Select(d => d.Id).Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Dossiers.CountAsync(d => d.Id == racing[0].Id)));
    }

    [Fact]
    public async Task A_unit_that_does_not_receive_the_procedure_is_refused()
    {
        var department = await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode("000.00.02.H26")!.Id);
        var problem = await Assert.ThrowsAsync<DossierProblem>(() => FileAsync("key-wrong-unit", unit: department));
        Assert.Equal("unit", problem.Code);
        var unknown = await Assert.ThrowsAsync<DossierProblem>(() => FileAsync("key-unknown", procedure: "9.999999"));
        Assert.Equal("procedure", unknown.Code);
    }

    [Fact]
    public async Task Acceptance_gives_the_legal_code_and_the_due_date_and_starts_processing()
    {
        var filed = await FileAsync("key-accept");
        var accepted = await WithServiceAsync(s => s.AcceptAsync(filed.Id, filed.Version, Officer, CancellationToken.None));

        Assert.Matches(@"^000\.01\.60\.H26-\d{6}-\d{4}$", accepted.Code);
        Assert.Equal(DossierStatus.Processing, accepted.Status);
        Assert.NotNull(accepted.DueAt);
        Assert.True(accepted.DueAt > accepted.ReceivedAt);
        Assert.Equal("examine", accepted.MainTask!.StepKey);

        var stored = await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().Include(d => d.Tasks).SingleAsync(d => d.Id == filed.Id));
        Assert.Equal(accepted.Code, stored.Code);
        // PostgreSQL keeps microseconds: a due date counted from "now" inside working hours has 100-ns ticks to lose.
        Assert.Equal(Microseconds(accepted.DueAt!.Value), Microseconds(stored.DueAt!.Value));
    }

    private static long Microseconds(DateTimeOffset at) => at.UtcTicks / 10;

    [Fact]
    public async Task Counters_accepting_at_once_never_share_a_code_and_a_stale_version_is_refused()
    {
        var filed = new List<Dossier>();
        for (var i = 0; i < 12; i++) filed.Add(await FileAsync("key-parallel-" + i));
        var accepted = await Task.WhenAll(filed.Select(d => Task.Run(() => WithServiceAsync(s => s.AcceptAsync(d.Id, d.Version, Officer, CancellationToken.None)))));
        Assert.Equal(12, accepted.Select(d => d.Code).Distinct().Count());

        var stale = await Assert.ThrowsAsync<DossierRuleException>(() => WithServiceAsync(s => s.AcceptAsync(filed[0].Id, filed[0].Version, Officer, CancellationToken.None)));
        Assert.Equal(DossierErrors.VersionConflict, stale.Code);
    }
}
