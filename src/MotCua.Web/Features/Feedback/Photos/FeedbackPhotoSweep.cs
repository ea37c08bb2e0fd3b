using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Feedback.Photos;

public sealed class FeedbackPhotoSweepOptions
{
    public const string Section = "MotCua:Feedback:PhotoSweep";
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>
    /// How old a photo of no report must be before it goes: longer than anyone keeps a reporting form open (the nearby
    /// step carries its photos to the next request) or takes to send an answer.
    /// </summary>
    public TimeSpan MinAge { get; set; } = TimeSpan.FromHours(24);
    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Removes the photos stored for a filing or an answer that was never saved: rows of no report older than
/// <see cref="FeedbackPhotoSweepOptions.MinAge"/>, then their files. Safe on several instances: only the instance whose
/// delete removed the row deletes the file, and a photo attached meanwhile no longer matches the delete.
/// </summary>
public sealed class FeedbackPhotoSweep(MotCuaDbContext db, IFileStore store, IOptions<FeedbackPhotoSweepOptions> options, TimeProvider clock,
    ILogger<FeedbackPhotoSweep> log)
{
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.MinAge;
        var stale = await db.Set<FeedbackPhoto>().AsNoTracking().Where(p => p.ReportId == null && p.UploadedAt < cutoff)
            .OrderBy(p => p.UploadedAt).Take(options.Value.BatchSize).Select(p => new { p.Id, p.FileId }).ToListAsync(ct);
        var removed = 0;
        foreach (var photo in stale)
        {
            // Row first, then file. A crash between the two leaves a file that no row names (unreachable, a little disk),
            // never a row naming a missing file, which a report attached to it later would serve as a broken photo. The
            // condition re-checks "no report" in the same statement, so a photo attached since the query above stays.
            var deleted = await db.Set<FeedbackPhoto>().Where(p => p.Id == photo.Id && p.ReportId == null).ExecuteDeleteAsync(ct);
            if (deleted == 0) continue;
            if (FileId.TryParse(photo.FileId, out var file)) await store.DeleteAsync(file, ct);
            removed++;
        }
        if (removed > 0) log.LogInformation("Removed {Count} feedback photos that no report or answer took", removed);
        return removed;
    }
}

/// <summary>Runs <see cref="FeedbackPhotoSweep"/> every hour on each instance (see there why that is safe).</summary>
public sealed class FeedbackPhotoSweepWatch(IServiceScopeFactory scopes, IOptions<FeedbackPhotoSweepOptions> options, ILogger<FeedbackPhotoSweepWatch> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled ? Task.CompletedTask
        : PeriodicWork.RunAsync(options.Value.Interval, firstRoundNow: false,
            PeriodicWork.InScope<FeedbackPhotoSweep>(scopes, (sweep, ct) => sweep.SweepAsync(ct)), log, "Feedback photo sweep", stoppingToken);
}
