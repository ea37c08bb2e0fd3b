namespace MotCua.Simulators.VNeId;

/// <summary>
/// The one relying party registered with the stand-in. Its redirect addresses are paths on the provider's own origin:
/// the stand-in runs inside the product, so it answers on whatever address the browser used, and so must the callbacks.
/// </summary>
public sealed record VNeIdClient(string ClientId, string ClientSecret, string RedirectPath, string PostLogoutRedirectPath);

/// <summary>What the stand-in can be told to get wrong, so tests can check that the relying party refuses it.</summary>
public enum VNeIdFault
{
    None,
    /// <summary>ID tokens signed with a key that is not in the published JWKS (same key id).</summary>
    ForeignSignature,
    /// <summary>ID tokens issued for another client.</summary>
    WrongAudience,
}
