using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Insight;
using MotCua.Web.Features.Payments;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Feedback;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Insight;

/// <summary>The fixture's month is built once and read by the fixture's and the API's tests.</summary>
[CollectionDefinition(Name)]
public sealed class KpiCollection : ICollectionFixture<KpiFactory>
{
    public const string Name = "kpi";
}

/// <summary>A host on a clock the test moves, whose KPI refresh runs only when the test asks (with no lag).</summary>
public sealed class KpiFactory : MotCuaFactory
{
    /// <summary>Monday 2 March 2026, 09:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    /// <summary>When the figures are read: Thursday 12 March 2026, 09:00.</summary>
    public static readonly DateTimeOffset Report = Start.AddDays(10);

    private readonly Lazy<Task<KpiFixture>> _fixture;

    public KpiFactory() => _fixture = new(() => KpiFixture.BuildAsync(this));

    public ManualClock Clock { get; } = new(Start);

    public Task<KpiFixture> FixtureAsync() => _fixture.Value;

    public void SetTime(DateTimeOffset at) => Clock.Advance(at - Clock.GetUtcNow());

    public Task<int> RefreshAsync() => WithScopeAsync(sp => sp.GetRequiredService<KpiRefresh>().RunAsync(CancellationToken.None));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Kpis:Refresh:Enabled", "false");
        builder.UseSetting("MotCua:Kpis:Refresh:Lag", "00:00:00");
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Lateness:Enabled", "false");
        builder.UseSetting("MotCua:Feedback:Escalation:Enabled", "false");
        builder.UseSetting("MotCua:VNPay:JobEnabled", "false");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// The hand-computed month (docs/kpis.md, "The fixture"): ten dossiers and four feedback reports of one ward, driven
/// through the real services on the real database. Letters name the dossiers in the expected figures.
/// </summary>
public sealed record KpiFixture(Guid Unit, IReadOnlyDictionary<string, Guid> Dossiers, IReadOnlyDictionary<string, Guid> Reports)
{
    private static readonly Actor Officer = Actor.Staff("officer-1", "Lê Thị Tiếp");
    private static readonly Reporter An = new() { CitizenId = BirthFiling.Owner.IdNumber, Name = BirthFiling.Owner.FullName };

    public static async Task<KpiFixture> BuildAsync(KpiFactory f)
    {
        var t0 = KpiFactory.Start;
        f.SetTime(t0);
        var reports = new Dictionary<string, Guid>();
        var r1 = await FileReportAsync(f);
        var unit = r1.HandlingUnitId;
        reports["R1"] = r1.Id;
        reports["R2"] = (await FileReportAsync(f)).Id;
        reports["R4"] = (await FileReportAsync(f)).Id;
        var d = new Dictionary<string, Guid>();

        // A: online, finished the same day (due the next working day): early, electronic result, returned, rated 2/5.
        var a = await AcceptAsync(f, await FileAsync(f, unit, "A"));
        d["A"] = a.Id;
        // B: at the counter, finished a minute before its due time: on time.
        var b = await f.WithScopeAsync(sp => sp.GetRequiredService<DossierService>().ReceiveAtCounterAsync(
            BirthFiling.At(unit), Channel.Counter, Officer, "kpi-B", CancellationToken.None));
        d["B"] = b.Id;
        // C: online, finished a day after its due date with no electronic result: late.
        d["C"] = (await AcceptAsync(f, await FileAsync(f, unit, "C"))).Id;
        // D: asked for papers once during processing; finished after the original due date but before the due date moved by the pause: on time.
        d["D"] = (await AcceptAsync(f, await FileAsync(f, unit, "D"))).Id;
        // E: asked for papers twice, finished within the hour: late all the same.
        d["E"] = (await AcceptAsync(f, await FileAsync(f, unit, "E"))).Id;
        // F: refused at reception: never received.
        var fd = await FileAsync(f, unit, "F");
        await f.WithScopeAsync(sp => sp.GetRequiredService<DossierService>().RefuseAsync(fd.Id, fd.Version, "Sai thủ tục", Officer, CancellationToken.None));
        d["F"] = fd.Id;
        // G: withdrawn by the applicant during processing: received, not judged.
        d["G"] = (await AcceptAsync(f, await FileAsync(f, unit, "G"))).Id;
        // I: at the counter with two extract copies, paid in cash, still open at the report time: overdue.
        var i = await f.WithScopeAsync(sp => sp.GetRequiredService<DossierService>().ReceiveAtCounterAsync(
            BirthFiling.At(unit) with { Answers = Copies(2) }, Channel.Counter, Officer, "kpi-I", CancellationToken.None));
        d["I"] = i.Id;
        // J: stopped during examination two hours in: its end is the stop, on the first day: early, no result document.
        d["J"] = (await AcceptAsync(f, await FileAsync(f, unit, "J"))).Id;

        f.SetTime(t0.AddMinutes(10));
        await ApplyAsync(f, d["E"], (x, c, now) => x.RequestSupplement(c, "Thiếu giấy tờ", ["Giấy chứng sinh"], Officer, now));
        f.SetTime(t0.AddMinutes(20));
        await ApplyAsync(f, d["E"], (x, c, now) => x.AnswerSupplement(c.Time, BirthFiling.Citizen, now));
        f.SetTime(t0.AddMinutes(30));
        await ApplyAsync(f, d["E"], (x, c, now) => x.RequestSupplement(c, "Thiếu giấy tờ", ["Giấy chứng sinh"], Officer, now));
        await ApplyAsync(f, d["D"], (x, c, now) => x.RequestSupplement(c, "Thiếu giấy tờ", ["Giấy chứng sinh"], Officer, now));
        f.SetTime(t0.AddMinutes(40));
        await ApplyAsync(f, d["E"], (x, c, now) => x.AnswerSupplement(c.Time, BirthFiling.Citizen, now));
        await CashAsync(f, i.Id);
        f.SetTime(t0.AddHours(1));
        await FinishAsync(f, d["A"], electronic: true, then: (x, now) =>
        {
            x.ReturnResult(Channel.Online, Officer, now);
            x.Rate(2, "Chậm trả lời", BirthFiling.Citizen, now);
        });
        await FinishAsync(f, d["E"], electronic: true);
        await ApplyAsync(f, d["G"], (x, _, now) => x.Withdraw("Không còn nhu cầu", BirthFiling.Citizen, now));
        f.SetTime(t0.AddHours(2));
        await ApplyAsync(f, d["J"], (x, c, now) => x.Stop(c, "Người yêu cầu đã mất", Officer, now));

        f.SetTime(b.DueAt!.Value.AddMinutes(-1));
        await FinishAsync(f, d["B"], electronic: true);
        f.SetTime(t0.AddDays(1));
        await ApplyAsync(f, d["D"], (x, c, now) => x.AnswerSupplement(c.Time, BirthFiling.Citizen, now));
        await ReportAsync(f, r1.Id, (r, now) => { r.Resolve("Đã thay bóng đèn hỏng ven hồ", [Guid.NewGuid()], "ward-1", "Cán bộ phường", now); r.Rate(An.CitizenId!, 5, null, now); });
        await ReportAsync(f, reports["R4"], (r, now) => r.Resolve("Đã sửa lại đường dây điện", [Guid.NewGuid()], "ward-1", "Cán bộ phường", now));
        var dueD = (await LoadAsync(f, d["D"])).DueAtAdjusted!.Value;
        f.SetTime(dueD.AddMinutes(-1));
        await FinishAsync(f, d["D"], electronic: true);
        f.SetTime(t0.AddDays(2));
        await ReportAsync(f, reports["R4"], (r, now) => r.Reopen(An.CitizenId!, "Vẫn hỏng", TimeSpan.FromDays(30), now, now.AddDays(7)));
        var dueC = (await LoadAsync(f, d["C"])).DueAt!.Value;
        f.SetTime(dueC.AddDays(1));
        await FinishAsync(f, d["C"], electronic: false);
        f.SetTime(t0.AddDays(9));
        await ReportAsync(f, reports["R2"], (r, now) => { r.Resolve("Đã xử lý xong đèn đường", [Guid.NewGuid()], "ward-1", "Cán bộ phường", now); r.Rate(An.CitizenId!, 2, null, now); });

        // H: filed with two copies, paid online, accepted half an hour before the report time: in processing, in time.
        f.SetTime(KpiFactory.Report.AddMinutes(-30));
        var h = await FileAsync(f, unit, "H", Copies(2));
        await PayOnlineAsync(f, h.Id);
        d["H"] = (await AcceptAsync(f, await LoadAsync(f, h.Id))).Id;
        // R3: filed just before the report time, open and in time.
        reports["R3"] = (await FileReportAsync(f)).Id;

        f.SetTime(KpiFactory.Report);
        await f.RefreshAsync();
        return new KpiFixture(unit, d, reports);
    }

    private static string Copies(int n)
    {
        var answers = JsonNode.Parse(BirthFiling.Answers)!.AsObject();
        answers["soBanSao"] = n;
        return answers.ToJsonString();
    }

    private static Task<Dossier> FileAsync(KpiFactory f, Guid unit, string key, string? answers = null) => f.WithScopeAsync(sp =>
        sp.GetRequiredService<DossierService>().FileOnlineAsync(BirthFiling.At(unit) with { Answers = answers ?? Copies(0) }, BirthFiling.Citizen, "kpi-" + key, CancellationToken.None));

    private static Task<Dossier> AcceptAsync(KpiFactory f, Dossier d) => f.WithScopeAsync(sp =>
        sp.GetRequiredService<DossierService>().AcceptAsync(d.Id, d.Version, Officer, CancellationToken.None));

    public static Task<Dossier> LoadAsync(KpiFactory f, Guid id) => f.WithScopeAsync(sp => sp.GetRequiredService<DossierService>().LoadAsync(id, CancellationToken.None));

    private static Task<Dossier> ApplyAsync(KpiFactory f, Guid id, Action<Dossier, ProcessingContext, DateTimeOffset> action) => f.WithScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<DossierService>();
        var dossier = await service.LoadAsync(id, CancellationToken.None);
        return await service.ApplyAsync(dossier, dossier.Version, action, CancellationToken.None);
    });

    private static Task<Dossier> FinishAsync(KpiFactory f, Guid id, bool electronic, Action<Dossier, DateTimeOffset>? then = null) => ApplyAsync(f, id, (x, c, now) =>
    {
        x.Forward(c, Officer, now);
        x.Approve(c, Officer, now);
        x.IssueResult(c, electronic ? [new ResultDocumentRef("Giấy khai sinh", Guid.NewGuid())] : [], Officer, now);
        then?.Invoke(x, now);
    });

    private static Task PayOnlineAsync(KpiFactory f, Guid id) => f.WithScopeAsync(async sp =>
    {
        var payments = sp.GetRequiredService<PaymentService>();
        var dossier = await sp.GetRequiredService<DossierService>().LoadAsync(id, CancellationToken.None);
        var order = (await payments.ViewAsync(dossier, CancellationToken.None)).Due.First();
        var attempt = await payments.StartAttemptAsync(dossier, order.Id, CancellationToken.None);
        return await payments.SettleAsync(attempt, new GatewayResult(attempt.TxnRef, attempt.Amount, "00", "00", "14000001", "NCB", "20260312083000"), "ipn", CancellationToken.None);
    });

    private static Task CashAsync(KpiFactory f, Guid id) => f.WithScopeAsync(async sp =>
    {
        var payments = sp.GetRequiredService<PaymentService>();
        var dossier = await sp.GetRequiredService<DossierService>().LoadAsync(id, CancellationToken.None);
        var order = (await payments.ViewAsync(dossier, CancellationToken.None)).Due.First();
        return await payments.RecordCashAsync(dossier, order.Id, Officer, CancellationToken.None);
    });

    private static Task<FeedbackReport> FileReportAsync(KpiFactory f) => f.WithScopeAsync(sp =>
        sp.GetRequiredService<FeedbackService>().FileAsync(FeedbackFilingTests.Lighting(reporter: An), null, CancellationToken.None));

    private static Task<int> ReportAsync(KpiFactory f, Guid id, Action<FeedbackReport, DateTimeOffset> action) => f.WithDbAsync(async db =>
    {
        var report = await db.Set<FeedbackReport>().SingleAsync(r => r.Id == id);
        action(report, f.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });
}
