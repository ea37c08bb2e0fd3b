using System.Security.Claims;
using System.Text.Json;
using MotCua.Simulators.VNeId;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Turns the claims of a validated VNeID ID token into the citizen cookie's principal: the same claims the rest of the
/// product reads (<see cref="CitizenIdentity"/>), keyed on the 12-digit personal ID number.
/// </summary>
public static class VNeIdPrincipal
{
    public static ClaimsPrincipal From(ClaimsPrincipal token, IReadOnlyCollection<string> acceptedAcr)
    {
        ArgumentNullException.ThrowIfNull(token);
        string? Claim(string type) => token.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;

        var idNumber = Claim(VNeIdClaims.PersonalIdNumber);
        if (idNumber is not { Length: 12 } || !idNumber.All(char.IsAsciiDigit))
            throw new VNeIdRefusedException(VNeIdRefusal.Identity, "The ID token carries no 12-digit personal ID number.");
        var acr = Claim("acr");
        if (acr is null || !acceptedAcr.Contains(acr))
            throw new VNeIdRefusedException(VNeIdRefusal.Assurance, $"Assurance level '{acr}' is not one of {string.Join(' ', acceptedAcr)}.");

        var claims = new List<Claim>
        {
            new(CitizenIdentity.IdNumberClaim, idNumber),
            new(CitizenIdentity.NameClaim, Claim("name") ?? ""),
            new(CitizenIdentity.AcrClaim, acr),
        };
        void Add(string type, string? value) { if (value is not null) claims.Add(new Claim(type, value)); }
        Add(CitizenIdentity.PhoneClaim, Claim("phone_number"));
        Add(CitizenIdentity.EmailClaim, Claim("email"));
        Add(CitizenIdentity.AddressClaim, Formatted(Claim("address")));
        Add(CitizenIdentity.BirthdateClaim, Claim("birthdate"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CitizenIdentity.Scheme, CitizenIdentity.NameClaim, null));
    }

    /// <summary>The OpenID Connect address claim is a JSON object; the product keeps its one-line "formatted" form.</summary>
    private static string? Formatted(string? address)
    {
        if (address is null) return null;
        try
        {
            using var json = JsonDocument.Parse(address);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("formatted", out var f) ? f.GetString() : null;
        }
        catch (JsonException)
        {
            return address;
        }
    }
}
