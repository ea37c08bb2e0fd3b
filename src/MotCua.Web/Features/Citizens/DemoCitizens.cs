using System.Globalization;
using System.Security.Claims;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Citizens;

/// <summary>A made-up citizen for demo mode: what VNeID would tell us about a person (identity issue replaces this).</summary>
public sealed record DemoCitizen(string IdNumber, string FullName, DateOnly DateOfBirth, string Phone, string Email, string Address)
{
    public string BornText => DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>
/// The three demo citizens of the demo sign-in, fixed in code so that tests, the banner and the docs agree. Their
/// ID numbers follow the 12-digit form (province 001 = Hà Nội, then century/sex, year and a serial).
/// </summary>
public static class DemoCitizens
{
    public static readonly IReadOnlyList<DemoCitizen> All =
    [
        new("001089012345", "Nguyễn Văn An", new DateOnly(1989, 4, 12), "0912345678", "an.nguyen@example.vn", "12 Hàng Bạc, phường Hoàn Kiếm, Hà Nội"),
        new("001192034567", "Trần Thị Bích", new DateOnly(1992, 9, 3), "0987654321", "bich.tran@example.vn", "45 Kim Mã, phường Giảng Võ, Hà Nội"),
        new("001075056789", "Lê Minh Cường", new DateOnly(1975, 1, 28), "0903112233", "cuong.le@example.vn", "8 Nguyễn Trãi, phường Thanh Xuân, Hà Nội"),
    ];

    public static DemoCitizen? Find(string? idNumber) => All.FirstOrDefault(c => c.IdNumber == idNumber);

    /// <summary>The cookie's principal: the same claims VNeID sign-in will give.</summary>
    public static ClaimsPrincipal Principal(DemoCitizen citizen)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        var identity = new ClaimsIdentity(
        [
            new Claim(CitizenIdentity.IdNumberClaim, citizen.IdNumber),
            new Claim(CitizenIdentity.NameClaim, citizen.FullName),
            new Claim(CitizenIdentity.PhoneClaim, citizen.Phone),
            new Claim(CitizenIdentity.EmailClaim, citizen.Email),
            new Claim(CitizenIdentity.AddressClaim, citizen.Address),
        ], CitizenIdentity.Scheme, CitizenIdentity.NameClaim, null);
        return new ClaimsPrincipal(identity);
    }
}

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
