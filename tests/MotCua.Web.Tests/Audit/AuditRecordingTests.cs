using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>What is written to the audit log: every staff action (done or refused), intake, administration, and reads of personal data.</summary>
public sealed class AuditRecordingTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string Counter = "motcua@motcua.demo";
    private const string Specialist = "chuyenvien@motcua.demo";
    private const string Leader = "lanhdao@motcua.demo";

    private static async Task<int> VersionAfterAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        return JsonDocument.Parse(json).RootElement.GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task A_staff_action_is_recorded_with_who_what_units_why_and_from_where_in_the_action_s_own_save()
    {
        var filed = await AuditTestKit.FileAsync(factory, "audit-action");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        counter.Http.DefaultRequestHeaders.UserAgent.ParseAdd("AuditTest/1.0");

        await VersionAfterAsync(await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/refuse", new { version = filed.Version, reason = "Thiếu bản sao giấy chứng sinh" }));

        var entry = Assert.Single(await AuditTestKit.EntriesAsync(factory, filed.Id), e => e.Action == "dossier.refuse");
        Assert.Equal(AuditOutcomes.Done, entry.Outcome);
        Assert.Equal(AuditActorKinds.Staff, entry.ActorKind);
        Assert.Equal("Lê Thị Tiếp", entry.ActorName);
        Assert.Equal("Thiếu bản sao giấy chứng sinh", entry.Reason);
        Assert.Equal("AuditTest/1.0", entry.UserAgent);
        Assert.Equal(filed.Reference, entry.ObjectLabel);
        Assert.Equal(filed.ReceivingUnitId, Assert.Single(entry.Units).UnitId);
    }

    [Fact]
    public async Task Refused_actions_are_recorded_as_refused_with_the_reason_and_no_done_entry()
    {
        var filed = await AuditTestKit.FileAsync(factory, "audit-refused");
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        using var counter = await StaffClient.SignInAsync(factory, Counter);

        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/accept", new { version = filed.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/accept", new { version = filed.Version + 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/refuse", new { version = filed.Version })).StatusCode);

        var entries = await AuditTestKit.EntriesAsync(factory, filed.Id);
        Assert.All(entries.Where(e => e.Action.StartsWith("dossier.", StringComparison.Ordinal) && e.Action != "dossier.view"),
            e => Assert.Equal(AuditOutcomes.Refused, e.Outcome));
        Assert.Contains(entries, e => e.Action == "dossier.accept" && e.ActorName == "Phạm Văn Xử" && e.Detail == "Forbidden");
        Assert.Contains(entries, e => e.Action == "dossier.accept" && e.ActorName == "Lê Thị Tiếp" && e.Detail == DossierErrors.VersionConflict);
        Assert.Contains(entries, e => e.Action == "dossier.refuse" && e.Detail == "reason");
    }

    [Fact]
    public async Task Two_officers_racing_leave_one_done_entry_the_loser_s_entry_rolled_back_with_its_change()
    {
        var filed = await AuditTestKit.FileAsync(factory, "audit-race");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var specialist = await StaffClient.SignInAsync(factory, Specialist);
        using var leader = await StaffClient.SignInAsync(factory, Leader);
        var version = await VersionAfterAsync(await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/accept", new { version = filed.Version }));

        var results = await Task.WhenAll(
            specialist.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/forward", new { version }),
            leader.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/forward", new { version }));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        var statuses = string.Join(", ", await Task.WhenAll(results.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));

        var forwards = (await AuditTestKit.EntriesAsync(factory, filed.Id)).Where(e => e.Action == "dossier.forward").ToList();
        Assert.Single(forwards, e => e.Outcome == AuditOutcomes.Done);
        Assert.True(forwards.Count(e => e.Outcome == AuditOutcomes.Refused) == 1, statuses);
    }

    [Fact]
    public async Task A_staged_entry_commits_or_rolls_back_with_the_transaction_it_joined()
    {
        var marker = Guid.NewGuid();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MotCuaDbContext>();
            var audit = sp.GetRequiredService<IAuditLog>();
            // As the product's own transactions run: inside the provider's execution strategy (PostgreSQL retries).
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                audit.Stage(new AuditRecord("test.staged", new AuditObject("test", marker.ToString(), "rolled back"), []));
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            });
            db.ChangeTracker.Clear();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                audit.Stage(new AuditRecord("test.staged", new AuditObject("test", marker.ToString(), "committed"), []));
                await db.SaveChangesAsync();
                await tx.CommitAsync();
            });
            return 0;
        });
        var entry = Assert.Single(await AuditTestKit.EntriesAsync(factory, marker));
        Assert.Equal("committed", entry.ObjectLabel);
        Assert.Equal(AuditActorKinds.System, entry.ActorKind);
    }

    [Fact]
    public async Task Reads_of_personal_data_are_recorded_once_per_view_and_the_public_lookup_is_not()
    {
        var filed = await AuditTestKit.FileAsync(factory, "audit-reads");
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        await VersionAfterAsync(await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/accept", new { version = filed.Version }));

        Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync($"/api/v1/dossiers/{filed.Id}")).StatusCode);
        await counter.GetPageAsync($"/staff/dossiers/{filed.Id}");
        Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync($"/staff/dossiers/{filed.Id}/slips/01.pdf")).StatusCode);
        await counter.GetPageAsync($"/staff/dossiers/{filed.Id}/slips/01");

        var entries = await AuditTestKit.EntriesAsync(factory, filed.Id);
        Assert.Equal(2, entries.Count(e => e.Action == "dossier.view" && e.Reason == DossierRecords.View && e.ActorName == "Lê Thị Tiếp"));
        Assert.Equal(2, entries.Count(e => e.Action == "dossier.slip" && e.Detail == "mẫu 01"));

        // The work list: one entry for the page, however many applicants' names it showed.
        var lists = (await AuditTestKit.EntriesAsync(factory, "dossier.list")).Count(e => e.ActorName == "Lê Thị Tiếp");
        await counter.GetPageAsync("/staff/inbox");
        Assert.Equal(lists + 1, (await AuditTestKit.EntriesAsync(factory, "dossier.list")).Count(e => e.ActorName == "Lê Thị Tiếp"));

        var before = entries.Count;
        var lookup = await factory.CreateClient().GetAsync(new Uri($"/api/v1/dossiers/lookup?code={filed.Reference}&phone={BirthFiling.Owner.Phone}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal(before, (await AuditTestKit.EntriesAsync(factory, filed.Id)).Count);
    }

    [Fact]
    public async Task Counter_intake_and_administration_changes_are_recorded()
    {
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/counter/dossiers", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                procedureCode = BirthFiling.Code, receivingUnit = UnitCodes.Commune2025(1), channel = 1,
                owner = new { kind = "citizen", fullName = "Trần Thị Bình", idNumber = "001190045678", phone = "0987654321" },
                answers = Dossiers.Forms.SeededForms.ValidAnswers(Dossiers.Forms.SeededForms.Form(BirthFiling.Code)),
            }),
        };
        request.Headers.Add("Idempotency-Key", "audit-intake");
        var created = await counter.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Single(await AuditTestKit.EntriesAsync(factory, id), e => e.Action == "dossier.counter-intake" && e.Outcome == AuditOutcomes.Done);

        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var ward = UnitCodes.Commune2025(3);
        await admin.PostFormExpectingRedirectAsync($"/admin/calendar?unit={ward}&year=2026",
            new() { ["Date"] = "2026-05-09", ["Kind"] = "working", ["Name"] = "Làm bù (nhật ký)" }, action: $"/admin/calendar?handler=Add&unit={ward}&year=2026");
        var change = Assert.Single(await AuditTestKit.EntriesAsync(factory, "calendar.day-added"), e => e.Reason == "Làm bù (nhật ký)");
        Assert.Equal("Nguyễn Văn Quản", change.ActorName);
        Assert.Equal(ward, change.ObjectLabel);
        Assert.Single(change.Units);
    }
}
