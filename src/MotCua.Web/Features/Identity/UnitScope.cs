using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Identity;

/// <summary>A role the signed-in staff member holds today.</summary>
public sealed record RoleHolding(StaffRole Role, Guid UnitId, DateOnly ValidFrom);

/// <summary>
/// Which units the signed-in staff member may see and manage. A role applies to its unit; a supervisor's or
/// administrator's also to every unit below it. Anything not granted is denied.
/// Roles are read from the database, not from the sign-in cookie: assignments end, and move when units
/// merge, long before the cookie expires, and a deactivated account must lose its reach at once.
/// </summary>
public sealed class UnitScope(IHttpContextAccessor http, MotCuaDbContext db, UnitDirectory directory)
{
    private State? _state;
    private HashSet<Guid>? _everVisible;

    private sealed record State(
        Guid? StaffId, IReadOnlyList<RoleHolding> Roles, UnitTree Today, HashSet<Guid> Visible, HashSet<Guid> Managed);

    public DateOnly Today => directory.Today;

    public static Guid? StaffIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<Guid?> StaffIdAsync(CancellationToken ct = default) => (await LoadAsync(ct)).StaffId;

    public async Task<IReadOnlyList<RoleHolding>> RolesAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Roles;

    /// <summary>The administration pages are for those who oversee or manage units, not for day-to-day roles.</summary>
    public async Task<bool> IsBackOfficeAsync(CancellationToken ct = default) =>
        (await LoadAsync(ct)).Roles.Any(r => r.Role is StaffRole.Administrator or StaffRole.Supervisor);

    public async Task<bool> IsAdministratorAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Managed.Count > 0;

    /// <summary>An administrator of a root of today's tree: the only one who may change what applies city-wide.</summary>
    public async Task<bool> IsCityAdministratorAsync(CancellationToken ct = default)
    {
        var state = await LoadAsync(ct);
        return state.Today.Roots.Any(r => state.Managed.Contains(r.Id));
    }

    public async Task<UnitTree> TodayTreeAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Today;

    /// <summary>Units open today that the staff member may see.</summary>
    public async Task<IReadOnlySet<Guid>> VisibleTodayAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Visible;

    /// <summary>Units open today that the staff member administers.</summary>
    public async Task<IReadOnlySet<Guid>> ManagedTodayAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Managed;

    /// <summary>Administrator of the unit or of a unit above it, today.</summary>
    public async Task<bool> CanManageAsync(Guid unitId, CancellationToken ct = default) => (await LoadAsync(ct)).Managed.Contains(unitId);

    /// <summary>
    /// Administrator of the unit or an ancestor as the tree stands on <paramref name="day"/>: a dated
    /// reorganisation works on that day's tree, where the unit may sit elsewhere or not yet exist.
    /// </summary>
    public async Task<bool> CanManageOnAsync(Guid unitId, DateOnly day, CancellationToken ct = default)
    {
        var state = await LoadAsync(ct);
        var admin = state.Roles.Where(r => r.Role == StaffRole.Administrator).Select(r => r.UnitId).ToHashSet();
        if (admin.Count == 0) return false;
        if (day == state.Today.Day) return state.Managed.Contains(unitId);
        var tree = await directory.OnAsync(day, ct);
        return tree.Find(unitId) is not null && (admin.Contains(unitId) || tree.AncestorsOf(unitId).Any(a => admin.Contains(a.Id)));
    }

    /// <summary>Whether the unit, open or long closed, is one the staff member may read about.</summary>
    public async Task<bool> CanSeeAsync(Guid unitId, CancellationToken ct = default) => (await EverVisibleAsync(ct)).Contains(unitId);

    /// <summary>
    /// Every unit, past or future, that falls within the staff member's reach: those visible today; closed or
    /// not-yet-open units that sat within reach on their last (or first) day; and the predecessors of any of
    /// them, so the history of a merged ward stays readable to whoever runs its successor.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> EverVisibleAsync(CancellationToken ct = default)
    {
        if (_everVisible is not null) return _everVisible;
        var state = await LoadAsync(ct);
        var set = new HashSet<Guid>(state.Visible);
        if (state.Roles.Count == 0) return _everVisible = set;

        var any = state.Roles.Select(r => r.UnitId).ToHashSet();
        var broad = state.Roles.Where(r => r.Role is StaffRole.Administrator or StaffRole.Supervisor).Select(r => r.UnitId).ToHashSet();
        var today = state.Today.Day;
        var others = await db.Units.AsNoTracking()
            .Where(u => u.ValidFrom > today || (u.ValidTo != null && u.ValidTo <= today))
            .Select(u => new { u.Id, u.ValidFrom, u.ValidTo })
            .ToListAsync(ct);
        foreach (var group in others.Where(u => u.ValidTo is null || u.ValidTo > u.ValidFrom)
                     .GroupBy(u => u.ValidFrom > today ? u.ValidFrom : u.ValidTo!.Value.AddDays(-1)))
        {
            var tree = await directory.OnAsync(group.Key, ct);
            foreach (var unit in group)
            {
                if (any.Contains(unit.Id) || tree.AncestorsOf(unit.Id).Any(a => broad.Contains(a.Id))) set.Add(unit.Id);
            }
        }

        var successions = await db.UnitSuccessions.AsNoTracking().Select(s => new { s.PredecessorId, s.SuccessorId }).ToListAsync(ct);
        for (var added = true; added;)
        {
            added = false;
            foreach (var s in successions)
            {
                if (set.Contains(s.SuccessorId) && set.Add(s.PredecessorId)) added = true;
            }
        }
        return _everVisible = set;
    }

    /// <summary>
    /// Compiled once: this runs on every staff request, and building and looking up the LINQ query each time cost more
    /// CPU than PostgreSQL spends answering it (docs/performance.md, the inbox profile).
    /// </summary>
    private static readonly Func<MotCuaDbContext, Guid, DateOnly, IAsyncEnumerable<RoleHolding>> RolesOn = EF.CompileAsyncQuery(
        (MotCuaDbContext db, Guid id, DateOnly today) => db.RoleAssignments.AsNoTracking()
            .Where(r => r.StaffId == id && r.ValidFrom <= today && (r.ValidTo == null || r.ValidTo > today)
                && db.Users.Any(u => u.Id == id && u.IsActive))
            .Select(r => new RoleHolding(r.Role, r.UnitId, r.ValidFrom)));

    private async Task<State> LoadAsync(CancellationToken ct)
    {
        if (_state is not null) return _state;
        var tree = await directory.TodayAsync(ct);
        var staffId = StaffIdOf(http.HttpContext?.User);
        var roles = new List<RoleHolding>();
        if (staffId is { } id)
        {
            var today = tree.Day;
            // One round trip on every staff request: the roles, and none at all for a deactivated account.
            await foreach (var r in RolesOn(db, id, today).WithCancellation(ct))
            {
                if (tree.Find(r.UnitId) is not null) roles.Add(r);
            }
        }

        var visible = new HashSet<Guid>();
        var managed = new HashSet<Guid>();
        foreach (var role in roles)
        {
            visible.Add(role.UnitId);
            if (role.Role is StaffRole.Supervisor or StaffRole.Administrator)
            {
                visible.UnionWith(tree.SelfAndDescendants(role.UnitId).Select(u => u.Id));
            }
            if (role.Role == StaffRole.Administrator)
            {
                managed.UnionWith(tree.SelfAndDescendants(role.UnitId).Select(u => u.Id));
            }
        }
        return _state = new State(staffId, roles, tree, visible, managed);
    }
}
