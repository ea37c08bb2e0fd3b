using Microsoft.AspNetCore.DataProtection;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The address printed as a QR code on the receipt: whoever holds the paper sees the dossier's status without
/// typing the phone number. The token is the code protected by the product's data-protection keys (kept in
/// the database, never deleted), so it cannot be forged for another code and old receipts keep working.
/// </summary>
public sealed class LookupLink(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MotCua.Dossiers.LookupLink.v1");

    /// <summary>Path and query (no host): <c>/lookup/{code}?t=…</c>.</summary>
    public string PathFor(string code) => $"/lookup/{Uri.EscapeDataString(code)}?t={_protector.Protect(code)}";

    /// <summary>True when the token was made by <see cref="PathFor"/> for exactly this code.</summary>
    public bool Verify(string code, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512) return false;
        try { return _protector.Unprotect(token) == code; }
        catch (System.Security.Cryptography.CryptographicException) { return false; }
    }
}
