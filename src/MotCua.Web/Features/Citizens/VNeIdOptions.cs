namespace MotCua.Web.Features.Citizens;

/// <summary>The product as a VNeID relying party: section "MotCua:VNeId" of the configuration.</summary>
public sealed class VNeIdOptions
{
    public const string Section = "MotCua:VNeId";

    /// <summary>
    /// The provider's issuer URL (its discovery document is under it). Empty in demo mode: the bundled stand-in at
    /// /simulators/vneid on this server's own address. Empty outside demo mode: citizen sign-in is off.
    /// </summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "";

    /// <summary>Given by the provider at registration; in production from a secret store, never from appsettings.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The secret appsettings.json ships for the bundled stand-in: public, so the product refuses it outside demo mode.</summary>
    public const string DemoClientSecret = "demo-only-not-a-secret";

    /// <summary>
    /// The assurance levels asked for (acr_values, space separated) and accepted back in the ID token's acr: filing
    /// dossiers online needs an identified (level 2) account.
    /// </summary>
    public string AcrValues { get; set; } = "LoA2";
}
