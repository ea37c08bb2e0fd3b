using System.Security.Claims;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Citizens;

public static class CitizenApplicant
{
    /// <summary>The signed-in citizen as the dossier's owner: the applicant is never typed, it comes from the identity.</summary>
    public static Applicant Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        static string? Claim(ClaimsPrincipal u, string type) => u.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;
        return new Applicant
        {
            Kind = ApplicantKind.Citizen,
            FullName = Claim(user, CitizenIdentity.NameClaim) ?? "",
            IdNumber = CitizenIdentity.IdNumberOf(user) ?? "",
            Phone = Claim(user, CitizenIdentity.PhoneClaim),
            Email = Claim(user, CitizenIdentity.EmailClaim),
            Address = Claim(user, CitizenIdentity.AddressClaim),
        };
    }
}
