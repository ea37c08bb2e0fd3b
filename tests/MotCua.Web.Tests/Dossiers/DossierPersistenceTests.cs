using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The dossier aggregate survives a save and a load whole, on SQLite and PostgreSQL, and two officers cannot both win.</summary>
public sealed class DossierPersistenceTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static readonly Actor Citizen = Actor.Applicant("Nguyễn Văn An", "001089012345");
    private static readonly Actor Officer = Actor.Staff("officer-1", "Lê Thị Tiếp");
    private static readonly Actor Specialist = Actor.Staff("specialist-1", "Phạm Văn Xử");
    private static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.FromHours(7));

    private async Task<(ProcessingContext Context, Guid VersionId, Guid Unit)> ContextAsync() => await factory.WithDbAsync(async db =>
    {
        var version = await db.ProcedureVersions.Join(db.Procedures.Where(p => p.NationalCode == "1.001193"), v => v.Id, p => p.PublishedVersionId, (v, p) => v).SingleAsync();
        var unit = await db.UnitVersions.Where(u => u.ValidTo == null && u.Name == "Phường Hoàn Kiếm").Select(u => u.UnitId).SingleAsync();
        return (new ProcessingContext(CatalogService.Read(version).Workflow!, _ => unit, WorkingCalendar.Default), version.Id, unit);
    });

    private static Dossier NewDossier(Guid versionId, Guid unit, string reference) => Dossier.SubmitOnline(Guid.NewGuid(), reference, new DossierFiling
    {
        ProcedureCode = "1.001193",
        ProcedureVersionId = versionId,
        ReceivingUnitId = unit,
        Owner = new Applicant { Kind = ApplicantKind.Citizen, FullName = "Nguyễn Văn An", IdNumber = "001089012345", Phone = "0912345678", Email = "an@example.vn", Address = "12 Hàng Bạc" },
        Answers = """{"hoTenTre":"Nguyễn Văn Bình"}""",
        Attachments = [new Attachment("giay-chung-sinh", Guid.NewGuid(), "giay-chung-sinh.pdf", "application/pdf", 12_345, new string('a', 64))],
    }, Citizen, At(9, 8));

    [Fact]
    public async Task A_dossier_with_tasks_events_and_a_supplement_round_reads_back_whole()
    {
        var (ctx, versionId, unit) = await ContextAsync();
        var dossier = NewDossier(versionId, unit, "WEB-TEST-0001");
        var received = At(9, 9);
        dossier.Accept(DossierCode.Create("000.01.60.H26", received, 1), WorkingCalendar.Default.DueDate(received, 3, TimeUnit.WorkingDays), ctx, Officer, received);
        dossier.Claim(Specialist, At(9, 10));
        dossier.RequestSupplement(ctx, "Thiếu bản sao giấy chứng sinh", ["giay-chung-sinh"], Specialist, At(9, 11));
        dossier.AnswerSupplement(WorkingCalendar.Default, Citizen, At(10, 9));

        await factory.WithDbAsync(async db => { db.Dossiers.Add(dossier); return await db.SaveChangesAsync(); });

        var loaded = await factory.WithDbAsync(db => db.Dossiers.AsNoTracking()
            .Include(d => d.Tasks).SingleAsync(d => d.Id == dossier.Id));
        Assert.Equal(dossier.Code, loaded.Code);
        Assert.Equal(dossier.Status, loaded.Status);
        Assert.Equal(dossier.Version, loaded.Version);
        Assert.Equal(dossier.DueAt, loaded.DueAt);
        Assert.Equal(dossier.DueAtAdjusted, loaded.DueAtAdjusted);
        Assert.Equal(dossier.Owner, loaded.Owner);
        Assert.Equal(dossier.Answers, loaded.Answers);
        Assert.Equal(dossier.Attachments, loaded.Attachments);
        Assert.Equal(dossier.Tasks.Select(t => (t.Id, t.StepKey, t.UnitId, t.StepDueAt, t.AssigneeId)), loaded.Tasks.Select(t => (t.Id, t.StepKey, t.UnitId, t.StepDueAt, t.AssigneeId)));
        Assert.Equal(dossier.Events.Select(e => (e.Sequence, e.Type, e.ToStatus, e.At)), loaded.Events.OrderBy(e => e.Sequence).Select(e => (e.Sequence, e.Type, e.ToStatus, e.At)));
        var round = Assert.Single(loaded.SupplementRounds);
        Assert.Equal(["giay-chung-sinh"], round.Items);
        Assert.Equal(dossier.SupplementRounds[0].PausedWorkingMinutes, round.PausedWorkingMinutes);
    }

    [Fact]
    public async Task When_two_officers_act_on_one_dossier_at_once_the_second_gets_a_conflict()
    {
        var (ctx, versionId, unit) = await ContextAsync();
        var dossier = NewDossier(versionId, unit, "WEB-TEST-0002");
        await factory.WithDbAsync(async db => { db.Dossiers.Add(dossier); return await db.SaveChangesAsync(); });

        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var a = await db1.Dossiers.Include(d => d.Tasks).SingleAsync(d => d.Id == dossier.Id);
        var b = await db2.Dossiers.Include(d => d.Tasks).SingleAsync(d => d.Id == dossier.Id);
        var received = At(9, 9);
        a.Accept(DossierCode.Create("000.01.60.H26", received, 7), WorkingCalendar.Default.DueDate(received, 3, TimeUnit.WorkingDays), ctx, Officer, received);
        b.Refuse("Hồ sơ không thuộc thẩm quyền", Officer, received);

        await db1.SaveChangesAsync();
        var conflict = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db2.SaveChangesAsync());
        Assert.True(Web.Features.Dossiers.DossierConflicts.IsConflict(conflict), conflict.ToString());

        var stored = await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id));
        Assert.Equal(DossierStatus.Processing, stored.Status);
    }
}
