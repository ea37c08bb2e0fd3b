using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The search's filters: <paramref name="Who"/> an account id, a personal ID number or part of a name;
/// <paramref name="Object"/> an object's id or label (a dossier's code); <paramref name="Action"/> an action code or
/// its start ("dossier."); <paramref name="From"/>–<paramref name="To"/> days in Vietnam time, both included.
/// </summary>
public sealed record AuditFilter(string? Who, string? Object, string? Action, DateOnly? From, DateOnly? To);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Page, bool HasNext);

/// <summary>
/// The log as supervisors and administrators search it, newest first, and only entries concerning units they see
/// (including closed units that were theirs); entries about no unit (the catalogue) only for those who see the
/// whole city. Everyone else gets null: the page answers 403.
/// </summary>
public sealed class AuditSearch(MotCuaDbContext db, UnitScope scope)
{
    public const int PageSize = 50;

    public async Task<AuditPage?> RunAsync(AuditFilter filter, int page, CancellationToken ct)
    {
        if (!await scope.IsBackOfficeAsync(ct)) return null;
        page = Math.Clamp(page, 1, 10_000);
        var query = await ScopedAsync(ct);
        if (Text(filter.Who) is { } who)
        {
            // A citizen's number is stored protected (entries written before protection keep it as it was: both match).
            var stored = who.All(char.IsAsciiDigit) ? PersonalData.Protect(who) : who;
            query = Guid.TryParse(who, out _) || who.All(char.IsAsciiDigit)
                ? query.Where(e => e.ActorId == who || e.ActorId == stored)
                : query.Where(e => e.ActorName != null && e.ActorName.Contains(who));
        }
        if (Text(filter.Object) is { } target) query = query.Where(e => e.ObjectId == target || e.ObjectLabel == target);
        if (Text(filter.Action) is { } action) query = query.Where(e => e.Action.StartsWith(action));
        if (filter.From is { } from)
        {
            var start = Start(from);
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = Start(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        // One row more than the page says whether there is a next one, without counting a table that only grows.
        var rows = await query.OrderByDescending(e => e.Sequence).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return new AuditPage([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }

    private async Task<IQueryable<AuditEntry>> ScopedAsync(CancellationToken ct)
    {
        var units = await scope.EverVisibleAsync(ct);
        var tree = await scope.TodayTreeAsync(ct);
        var all = db.Set<AuditEntry>().AsNoTracking();
        if (tree.Roots.Any(r => units.Contains(r.Id))) return all;
        var ids = units.ToList();
        return all.Where(e => e.Units.Any(u => ids.Contains(u.UnitId)));
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);

    private static string? Text(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        return text.Length <= 200 ? text : text[..200];
    }
}
