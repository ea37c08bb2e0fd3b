using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Identity;

/// <summary>The staff member's roles in units, carried in the sign-in cookie as "Role:unitId" claims.</summary>
public static class StaffClaims
{
    public const string RoleInUnit = "motcua:role";
    public const string FullName = "motcua:name";

    public static string Value(StaffRole role, Guid unitId) => $"{role}:{unitId}";

    public static IEnumerable<(StaffRole Role, Guid UnitId)> RolesOf(ClaimsPrincipal user)
    {
        foreach (var claim in user.FindAll(RoleInUnit))
        {
            var parts = claim.Value.Split(':');
            if (parts.Length == 2 && Enum.TryParse<StaffRole>(parts[0], out var role) && Guid.TryParse(parts[1], out var unit))
            {
                yield return (role, unit);
            }
        }
    }

    public static bool HasRole(this ClaimsPrincipal user, StaffRole role) => RolesOf(user).Any(r => r.Role == role);
}

/// <summary>Adds the active role assignments to the principal when a staff member signs in.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    MotCuaDbContext db, TimeProvider clock)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.FullName, user.FullName));
        var today = VietnamTime.Today(clock);
        var assignments = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.StaffId == user.Id && r.ValidFrom <= today && (r.ValidTo == null || r.ValidTo > today))
            .Select(r => new { r.Role, r.UnitId })
            .ToListAsync();
        foreach (var a in assignments)
        {
            identity.AddClaim(new Claim(StaffClaims.RoleInUnit, StaffClaims.Value(a.Role, a.UnitId)));
        }
        identity.AddClaim(new Claim("motcua:signed-in", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        return identity;
    }
}

public static class StaffPolicies
{
    public const string Administrator = "administrator";
    public const string Staff = "staff";

    /// <summary>The claim the sign-in flow adds once the password and the second factor are both proven.</summary>
    public const string MethodClaim = "amr";
    public const string TwoFactors = "mfa";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Administrator, p => SignedInWithTwoFactors(p).RequireAssertion(c => c.User.HasRole(StaffRole.Administrator)));
        o.AddPolicy(Staff, p => SignedInWithTwoFactors(p).RequireClaim(StaffClaims.RoleInUnit));
        // Deny by default: a page or endpoint that does not say who may use it is for staff signed in with both factors,
        // and public ones opt out with [AllowAnonymous] / AllowAnonymous().
        o.FallbackPolicy = SignedInWithTwoFactors(new AuthorizationPolicyBuilder()).Build();
        o.DefaultPolicy = o.FallbackPolicy;
    }

    /// <summary>
    /// Every staff policy starts here: a staff cookie is only ever issued after both factors, but the policy says so
    /// itself, so a future sign-in path that forgets the second factor opens nothing (docs/adr/0018).
    /// </summary>
    public static AuthorizationPolicyBuilder SignedInWithTwoFactors(AuthorizationPolicyBuilder p) =>
        p.RequireAuthenticatedUser().RequireClaim(MethodClaim, TwoFactors);
}
