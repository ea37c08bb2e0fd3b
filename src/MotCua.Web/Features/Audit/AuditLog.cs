using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Audit;

/// <summary>Builds entries from the current request (who, from where) and stages or writes them.</summary>
public sealed class AuditLog(MotCuaDbContext db, AuditGroupWriter writer, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
{
    public AuditEntry Stage(AuditRecord record)
    {
        var entry = Build(record);
        db.Add(entry);
        return entry;
    }

    public void Discard(AuditEntry staged)
    {
        // A copy: detaching a unit takes it out of the entry's list as well.
        foreach (var unit in staged.Units.ToList()) db.Entry(unit).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        db.Entry(staged).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    /// <summary>
    /// An entry of its own, outside the request's context (which may hold a failed change, a refused action, that must
    /// not be saved): group-committed with the other requests' entries, awaited until committed.
    /// </summary>
    public Task WriteAsync(AuditRecord record, CancellationToken ct) => writer.WriteAsync(Build(record), ct);

    private AuditEntry Build(AuditRecord r)
    {
        var context = http.HttpContext;
        var (kind, id, name) = Who(context?.User);
        var now = clock.GetUtcNow();
        return new AuditEntry
        {
            At = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            ActorKind = context is null ? AuditActorKinds.System : kind,
            ActorId = Cut(id, 64),
            ActorName = Cut(name, 200),
            Action = Cut(r.Action, 64)!,
            ObjectType = Cut(r.Object.Type, 32)!,
            ObjectId = Cut(r.Object.Id, 64),
            ObjectLabel = Cut(r.Object.Label, 200),
            ClientIp = Cut(context?.Connection.RemoteIpAddress?.ToString(), 64),
            UserAgent = Cut(context?.Request.Headers.UserAgent.ToString(), 200),
            Reason = Cut(r.Reason?.Trim(), AuditModel.MaxText),
            Outcome = r.Refused ? AuditOutcomes.Refused : AuditOutcomes.Done,
            Detail = Cut(r.Detail, 200),
            Units = [.. r.Units.Where(u => u != Guid.Empty).Distinct().Select(u => new AuditEntryUnit { UnitId = u })],
        };
    }

    /// <summary>A citizen by their personal ID number (protected, docs/adr/0023), staff by account id and name, otherwise anonymous.</summary>
    private static (string Kind, string? Id, string? Name) Who(ClaimsPrincipal? user)
    {
        if (user is null) return (AuditActorKinds.Anonymous, null, null);
        if (CitizenIdentity.IdNumberOf(user) is { Length: > 0 } citizen)
            return (AuditActorKinds.Citizen, PersonalData.Protect(citizen), user.FindFirst(CitizenIdentity.NameClaim)?.Value);
        if (UnitScope.StaffIdOf(user) is { } staff)
            return (AuditActorKinds.Staff, staff.ToString(), user.FindFirst(StaffClaims.FullName)?.Value ?? user.Identity?.Name);
        return (AuditActorKinds.Anonymous, null, null);
    }

    private static string? Cut(string? text, int max) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..max];
}
