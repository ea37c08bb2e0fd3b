using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback;

/// <summary>What a citizen (on the page) or an Open311 client sends.</summary>
public sealed record FeedbackFiling(
    string? CategoryCode, GeoPoint? Pin, string? Address, string? Description,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers, PhotoBatch Photos, Reporter? Reporter);

/// <summary>A report that cannot be accepted as sent: the field it is about and the message for the person.</summary>
public sealed class FeedbackProblem(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Receives reports: checks them, routes them, numbers them and gives them their time limit, once per key.</summary>
public sealed class FeedbackService(
    MotCuaDbContext db, FeedbackCategories categories, FeedbackRouting routing, UnitCalendars calendars, DossierCodeAllocator numbers,
    FeedbackPhotos photos, FeedbackNotifier notifier, IAuditLog audit, Microsoft.Extensions.Options.IOptions<Reporting.ReportingOptions> options,
    TimeProvider clock)
{
    /// <summary>The numbering series of reports in the shared daily sequence table.</summary>
    private const string Series = "PA";

    public async Task<FeedbackReport> FileAsync(FeedbackFiling filing, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is { Length: > 100 }) throw new FeedbackProblem("idempotency_key", "Khóa chống gửi trùng dài quá 100 ký tự.");
        if (idempotencyKey is not null && await FindByKeyAsync(idempotencyKey, ct) is { } already) return already;

        var category = await categories.FindAsync(filing.CategoryCode, ct)
            ?? throw new FeedbackProblem("service_code", "Chọn một loại phản ánh trong danh sách.");
        // No pin but a photo that knows where it was taken: the photo's place is the report's.
        var pin = filing.Pin ?? filing.Photos.Location;
        if (pin is null && string.IsNullOrWhiteSpace(filing.Address))
            throw new FeedbackProblem("location", "Đặt vị trí trên bản đồ hoặc nhập địa chỉ.");
        if (pin is { IsValid: false }) throw new FeedbackProblem("location", "Vị trí không hợp lệ.");
        if (string.IsNullOrWhiteSpace(filing.Description)) throw new FeedbackProblem("description", "Mô tả vấn đề bạn gặp.");
        if (filing.Description.Length > CategoryAnswers.MaxTextLength)
            throw new FeedbackProblem("description", $"Mô tả tối đa {CategoryAnswers.MaxTextLength} ký tự.");
        if (filing.Address is { Length: > 500 }) throw new FeedbackProblem("address_string", "Địa chỉ tối đa 500 ký tự.");
        if (filing.Photos.Photos.Count > FeedbackPhotos.MaxPhotos) throw new FeedbackProblem("photos", $"Tối đa {FeedbackPhotos.MaxPhotos} ảnh.");
        if (CategoryAnswers.Problems(category, filing.Answers) is [var first, ..])
            throw new FeedbackProblem($"attribute[{first.Code}]", first.Problem);
        var routed = await routing.RouteAsync(category, pin, ct)
            ?? throw new FeedbackProblem("location", "Vị trí này nằm ngoài địa bàn thành phố.");

        var now = clock.GetUtcNow();
        var calendar = await calendars.ForUnitAsync(routed.HandlingUnitId, ct);
        var due = calendar.DueDate(now, category.TimeLimitWorkingDays, TimeUnit.WorkingDays).DueAt;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var day = VietnamTime.Today(clock);
                var sequence = await numbers.NextAsync(Series, day, ct);
                var report = FeedbackReport.Receive(Guid.NewGuid(), Number(day, sequence), category, pin, filing.Address,
                    routed.LocatedUnitId, routed.HandlingUnitId, filing.Description, filing.Answers, filing.Photos.Ids, filing.Reporter, now, due,
                    options.Value.ModerateBeforePublishing);
                db.Add(report);
                photos.Attach(filing.Photos, report.Id);
                await notifier.QueueAsync(report, notifiedUpTo: 0, ct);
                if (idempotencyKey is not null) db.Entry(report).Property<string?>(FeedbackKeys.Property).CurrentValue = idempotencyKey;
                audit.Stage(new AuditRecord("feedback.received", new AuditObject("feedback", report.Id.ToString(), report.Number), [routed.HandlingUnitId]));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return report;
            }, ct);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && DossierConflicts.IsConflict(e))
        {
            // The same key twice at once: the other request filed it.
            db.ChangeTracker.Clear();
            return await FindByKeyAsync(idempotencyKey, ct) ?? throw new FeedbackProblem("idempotency_key", "Không lưu được phản ánh; hãy thử lại.");
        }
        catch (FeedbackRuleException e)
        {
            throw new FeedbackProblem("description", e.Message);
        }
    }

    public Task<FeedbackReport?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.Set<FeedbackReport>().FirstOrDefaultAsync(r => EF.Property<string?>(r, FeedbackKeys.Property) == key, ct);

    /// <summary>PA-261124-00042: the day of receipt (Vietnam time) and its sequence.</summary>
    public static string Number(DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Series}-{day:yyMMdd}-{sequence:00000}");
}

/// <summary>The idempotency key of a filing, kept on the report row (a shadow column: the domain has no use for it).</summary>
public static class FeedbackKeys
{
    public const string Property = "IdempotencyKey";
}
