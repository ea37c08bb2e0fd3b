using System.Security.Claims;
using MotCua.Web.Features.Citizens;

namespace MotCua.Web.Tests.Citizens;

/// <summary>What the product keeps of a validated VNeID ID token, and the tokens it will not turn into a citizen.</summary>
public sealed class VNeIdPrincipalTests
{
    private static readonly string[] Level2 = ["LoA2"];

    private static ClaimsPrincipal Token(string idNumber = CitizenClient.An, string acr = "LoA2") => new(new ClaimsIdentity(
    [
        new Claim("personal_id_number", idNumber), new Claim("name", "Nguyễn Văn An"), new Claim("acr", acr),
        new Claim("phone_number", "0912345678"), new Claim("address", """{"formatted":"12 Hàng Bạc, Hà Nội"}""", "JSON"),
        new Claim("birthdate", "1989-04-12"),
    ], "token"));

    [Fact]
    public void The_cookie_carries_the_id_number_and_the_contact_details_under_the_products_claim_names()
    {
        var citizen = VNeIdPrincipal.From(Token(), Level2);
        Assert.Equal(CitizenClient.An, CitizenIdentity.IdNumberOf(citizen));
        Assert.Equal("Nguyễn Văn An", citizen.Identity!.Name);
        Assert.Equal(CitizenIdentity.Scheme, citizen.Identity.AuthenticationType);
        Assert.Equal("12 Hàng Bạc, Hà Nội", citizen.FindFirst(CitizenIdentity.AddressClaim)!.Value);
        Assert.Equal("0912345678", citizen.FindFirst(CitizenIdentity.PhoneClaim)!.Value);
        Assert.Equal("LoA2", citizen.FindFirst(CitizenIdentity.AcrClaim)!.Value);
        Assert.Null(citizen.FindFirst(CitizenIdentity.EmailClaim));
    }

    [Theory]
    [InlineData("00108901234", "LoA2", VNeIdRefusal.Identity)]
    [InlineData("00108901234x", "LoA2", VNeIdRefusal.Identity)]
    [InlineData(CitizenClient.An, "LoA1", VNeIdRefusal.Assurance)]
    public void A_token_without_a_12_digit_id_number_or_below_the_asked_level_is_refused(string idNumber, string acr, string reason)
    {
        var refused = Assert.Throws<VNeIdRefusedException>(() => VNeIdPrincipal.From(Token(idNumber, acr), Level2));
        Assert.Equal(reason, refused.Reason);
        Assert.Equal(reason, VNeIdRefusal.Classify(new InvalidOperationException("wrapped", refused)));
    }
}
