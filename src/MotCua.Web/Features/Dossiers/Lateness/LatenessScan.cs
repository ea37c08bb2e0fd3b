using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.Lateness;

public sealed class LatenessOptions
{
    public const string Section = "MotCua:Lateness";
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How long before the appointment the handler is prompted (the apology must reach the citizen before the date passes).</summary>
    public TimeSpan Warning { get; set; } = TimeSpan.FromHours(24);
    public int BatchSize { get; set; } = 200;
}

/// <summary>
/// Prompts handlers before a dossier misses its appointment: an e-mail to whoever holds the current step (or,
/// when nobody has claimed it, to the staff with the step's role in its unit) asking for the apology slip
/// (form 04). One prompt per dossier and appointment, remembered in <see cref="LatenessPrompt"/>: a new date after an
/// apology can be prompted again, and two instances scanning at once write the prompt once.
/// </summary>
public sealed class LatenessScan(MotCuaDbContext db, OutboxWriter outbox, DossierStaff staff, IOptions<LatenessOptions> options,
    IOptions<MotCuaOptions> product, TimeProvider clock, ILogger<LatenessScan> log)
{
    /// <summary>Queues the prompts due now; returns how many were written.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now + options.Value.Warning;
        // Those already prompted for their current appointment are left out here, in SQL: otherwise they would fill every
        // batch and a dossier behind them would never be reached.
        var prompts = db.Set<LatenessPrompt>();
        var candidates = await db.Dossiers.AsNoTracking().Include(d => d.Tasks).AsSplitQuery()
            .Where(d => d.Status == DossierStatus.Processing && d.AppointmentAt != null && d.AppointmentAt <= horizon
                && !prompts.Any(p => p.DossierId == d.Id && p.AppointmentAt == d.AppointmentAt))
            .OrderBy(d => d.AppointmentAt).Take(options.Value.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0) return 0;

        var planned = new List<(Dossier Dossier, string Key, IReadOnlyList<(string Email, string Name)> Recipients)>();
        foreach (var dossier in candidates)
        {
            var recipients = dossier.MainTask is { } task ? await RecipientsAsync(task, ct) : [];
            if (recipients.Count == 0) log.LogWarning("Dossier {Code} will be late and nobody holds its current step", dossier.Code);
            planned.Add((dossier, $"late:{dossier.Id:N}:{dossier.AppointmentAt!.Value.ToUnixTimeSeconds()}", recipients));
        }
        // Prompts already in the outbox under their exact keys (written before prompts were remembered, or by an instance
        // racing this one) are not written again: the outbox's unique key would refuse the whole batch.
        var keys = planned.SelectMany(p => p.Recipients.Select(r => $"{p.Key}:{r.Email}")).ToList();
        var sent = (await db.OutboxMessages.AsNoTracking().Where(m => m.DedupeKey != null && keys.Contains(m.DedupeKey))
            .Select(m => m.DedupeKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var written = 0;
        foreach (var (dossier, key, recipients) in planned)
        {
            foreach (var (email, name) in recipients.Where(r => !sent.Contains($"{key}:{r.Email}")))
            {
                outbox.Add(EmailHandler.MessageType, Prompt(dossier, email, name, now), $"{key}:{email}");
                written++;
            }
            // Remembered even when nobody could be told: the dossier must not hold a place in every later batch.
            db.Add(new LatenessPrompt { DossierId = dossier.Id, AppointmentAt = dossier.AppointmentAt!.Value, PromptedAt = now });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            // Another instance wrote the same prompts a moment ago.
            db.ChangeTracker.Clear();
            return 0;
        }
        return written;
    }

    private async Task<IReadOnlyList<(string Email, string Name)>> RecipientsAsync(DossierTask task, CancellationToken ct)
    {
        var ids = task.AssigneeId is { } assignee && Guid.TryParse(assignee, out var id)
            ? [id]
            : (await staff.CandidatesAsync(task.UnitId, task.Role, ct)).Select(s => s.Id).ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Email, u.FullName }).ToListAsync(ct)).Select(u => (u.Email!, u.FullName)).ToList();
    }

    private EmailNotification Prompt(Dossier dossier, string email, string name, DateTimeOffset now)
    {
        var appointment = VietnamTime.Iso(dossier.AppointmentAt)!;
        var late = dossier.AppointmentAt <= now ? "đã quá" : "sắp đến";
        var link = product.Value.PublicUrl is { Length: > 0 } root ? $"\nMở hồ sơ: {root.TrimEnd('/')}/staff/dossiers/{dossier.Id}\n" : "";
        return new EmailNotification(email,
            $"Hồ sơ {dossier.Code} {late} hạn trả kết quả — cần phiếu xin lỗi (mẫu 04)",
            $"Kính gửi {name},\n\nHồ sơ {dossier.Code} ({dossier.ProcedureCode}) {late} ngày hẹn trả kết quả ({appointment}) nhưng chưa xử lý xong.\n"
            + "Nếu không kịp trả kết quả đúng hẹn, hãy lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) để công dân được thông báo trước khi quá hạn.\n"
            + link + "\nThư này được gửi tự động.", name);
    }
}

/// <summary>Runs <see cref="LatenessScan"/> every few minutes on each instance (the dedupe key makes that safe).</summary>
public sealed class LatenessWatch(IServiceScopeFactory scopes, IOptions<LatenessOptions> options, ILogger<LatenessWatch> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled ? Task.CompletedTask
        : PeriodicWork.RunAsync(options.Value.Interval, firstRoundNow: true,
            PeriodicWork.InScope<LatenessScan>(scopes, (scan, ct) => scan.ScanAsync(ct)), log, "Lateness scan", stoppingToken);
}
