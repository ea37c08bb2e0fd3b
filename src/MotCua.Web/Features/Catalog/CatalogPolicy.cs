using Microsoft.AspNetCore.Authorization;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// Who administers the catalogue: an administrator of the city (a root of today's unit tree). The catalogue is the
/// city's — procedures are published for the whole province by its People's Committee — so an administrator of a
/// ward or a department, who manages that unit's staff and calendar, must not create, change or retire them.
/// </summary>
public static class CatalogPolicy
{
    public const string Name = "catalogue-administrator";

    public static void Add(AuthorizationOptions o) =>
        o.AddPolicy(Name, p => StaffPolicies.SignedInWithTwoFactors(p).AddRequirements(new CityAdministratorRequirement()));
}

public sealed class CityAdministratorRequirement : IAuthorizationRequirement;

/// <summary>Asks the staff member's unit scope (roles as of today, in the unit tree as of today): claims alone cannot say which unit is the city.</summary>
public sealed class CityAdministratorHandler(UnitScope scope) : AuthorizationHandler<CityAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CityAdministratorRequirement requirement)
    {
        if (await scope.IsCityAdministratorAsync()) context.Succeed(requirement);
    }
}
