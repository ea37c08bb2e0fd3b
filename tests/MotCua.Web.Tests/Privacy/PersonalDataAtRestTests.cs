using System.Data.Common;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Privacy;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Lookup;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Privacy;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Privacy;

/// <summary>Personal ID and phone numbers as the database holds them: protected, yet found by equality (docs/adr/0023).</summary>
public sealed class PersonalDataAtRestTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string IdNumber = "001089077777";
    private const string Phone = "0987654321";

    [Fact]
    public async Task The_database_holds_neither_number_yet_the_citizens_dossiers_and_the_public_lookup_find_them()
    {
        var dossier = await FileAsync("at-rest-1", IdNumber, Phone);

        var raw = await RawAsync($"SELECT \"OwnerIdNumber\", \"OwnerPhone\", \"FiledByIdNumber\" FROM dossiers WHERE \"Reference\" = '{dossier.Reference}'");
        Assert.All(raw, value =>
        {
            Assert.StartsWith(PersonalDataCipher.Prefix, value, StringComparison.Ordinal);
            Assert.DoesNotContain("7777", value, StringComparison.Ordinal);
            Assert.DoesNotContain("4321", value, StringComparison.Ordinal);
        });
        var actors = await RawAsync($"SELECT e.\"ActorId\" FROM dossier_events e JOIN dossiers d ON d.\"Id\" = e.\"DossierId\" WHERE d.\"Reference\" = '{dossier.Reference}'");
        Assert.DoesNotContain(actors, a => a.Contains(IdNumber, StringComparison.Ordinal));
        var outbox = await RawAsync($"SELECT \"Payload\" FROM outbox_messages WHERE \"Type\" = '{SmsHandler.MessageType}'");
        Assert.NotEmpty(outbox);
        Assert.DoesNotContain(outbox, p => p.Contains(Phone, StringComparison.Ordinal));

        await factory.WithScopeAsync(async sp =>
        {
            var mine = await sp.GetRequiredService<DossierService>().ListOwnedAsync(IdNumber, CancellationToken.None);
            Assert.Equal(IdNumber, Assert.Single(mine).Owner.IdNumber);
            Assert.Equal(Phone, mine[0].Owner.Phone);
            var lookup = sp.GetRequiredService<DossierLookup>();
            Assert.NotNull(await lookup.FindAsync(dossier.Reference, Phone, CancellationToken.None));
            Assert.NotNull(await lookup.FindAsync(dossier.Reference, IdNumber, CancellationToken.None));
            Assert.Null(await lookup.FindAsync(dossier.Reference, "0987654320", CancellationToken.None));
            return 0;
        });
    }

    [Fact]
    public async Task Numbers_written_before_protection_are_protected_at_start_and_read_the_same()
    {
        var dossier = await FileAsync("at-rest-2", "001089066666", "0911222333");
        // As a database written by the previous version left it.
        await ExecuteAsync($"UPDATE dossiers SET \"OwnerIdNumber\" = '001089066666', \"OwnerPhone\" = '0911222333' WHERE \"Reference\" = '{dossier.Reference}'");
        await ExecuteAsync($"UPDATE dossier_events SET \"ActorId\" = '001089066666' WHERE \"ActorKind\" = 'Applicant' AND \"DossierId\" IN (SELECT \"Id\" FROM dossiers WHERE \"Reference\" = '{dossier.Reference}')");

        await factory.WithScopeAsync(async sp =>
        {
            await PersonalDataBackfill.RunAsync(sp.GetRequiredService<MotCuaDbContext>(), NullLogger.Instance, CancellationToken.None);
            await PersonalDataBackfill.RunAsync(sp.GetRequiredService<MotCuaDbContext>(), NullLogger.Instance, CancellationToken.None);
            return 0;
        });

        var raw = await RawAsync($"SELECT \"OwnerIdNumber\", \"OwnerPhone\" FROM dossiers WHERE \"Reference\" = '{dossier.Reference}'");
        Assert.All(raw, value => Assert.StartsWith(PersonalDataCipher.Prefix, value, StringComparison.Ordinal));
        var actors = await RawAsync($"SELECT \"ActorId\" FROM dossier_events WHERE \"ActorKind\" = 'Applicant' AND \"DossierId\" IN (SELECT \"Id\" FROM dossiers WHERE \"Reference\" = '{dossier.Reference}')");
        Assert.All(actors, value => Assert.StartsWith(PersonalDataCipher.Prefix, value, StringComparison.Ordinal));
        await factory.WithScopeAsync(async sp =>
        {
            var mine = await sp.GetRequiredService<DossierService>().ListOwnedAsync("001089066666", CancellationToken.None);
            Assert.Equal("0911222333", Assert.Single(mine).Owner.Phone);
            return 0;
        });
    }

    [Fact]
    public async Task The_audit_keeps_a_citizens_number_protected_and_shows_it_masked()
    {
        const string citizenId = "001089055555";
        await factory.WithScopeAsync(async sp =>
        {
            // What a citizen's request looks like to the audit log.
            var accessor = sp.GetRequiredService<IHttpContextAccessor>();
            accessor.HttpContext = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(CitizenIdentity.IdNumberClaim, citizenId), new Claim(CitizenIdentity.NameClaim, "Công Dân Thử")], CitizenIdentity.Scheme)),
            };
            try { await sp.GetRequiredService<IAuditLog>().WriteAsync(new AuditRecord("dossier.slip", new AuditObject("dossier", null, "thử"), []), CancellationToken.None); }
            finally { accessor.HttpContext = null; }
            return 0;
        });

        var stored = await RawAsync("SELECT \"ActorId\" FROM audit_entries WHERE \"ActorKind\" = 'citizen'");
        Assert.NotEmpty(stored);
        Assert.All(stored, value => Assert.StartsWith(PersonalDataCipher.Prefix, value, StringComparison.Ordinal));

        using var supervisor = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        var page = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit?who={citizenId}");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("********5555", i.GetProperty("actor").GetProperty("id").GetString()));
    }

    private async Task<Dossier> FileAsync(string key, string idNumber, string phone) =>
        await factory.WithScopeAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
            var owner = BirthFiling.Owner with { IdNumber = idNumber, Phone = phone };
            return await sp.GetRequiredService<DossierService>().FileOnlineAsync(
                BirthFiling.At(unit) with { Owner = owner }, Actor.Applicant(owner.FullName, idNumber), key, CancellationToken.None);
        });

    private Task<List<string>> RawAsync(string sql) => factory.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++) if (!reader.IsDBNull(i)) values.Add(reader.GetString(i));
        }
        return values;
    });

    private Task<int> ExecuteAsync(string sql) => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
