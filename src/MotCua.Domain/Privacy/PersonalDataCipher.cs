using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Privacy;

/// <summary>
/// Deterministic authenticated encryption of short personal identifiers (personal ID numbers, phone numbers), so that
/// a stolen database or backup does not give them away while the product can still find "the dossiers of this
/// number" with an ordinary equality on an indexed column (docs/adr/0023).
/// </summary>
/// <remarks>
/// A synthetic-IV construction: the IV is HMAC-SHA256(mac key, plaintext) cut to 16 bytes, the ciphertext is
/// AES-256-CBC(encryption key, IV, plaintext). The same plaintext always gives the same text (that is the point:
/// equality lookups), which reveals only that two rows hold the same number, exactly what a keyed-hash lookup
/// column would reveal. Decryption recomputes the HMAC and refuses a changed value or the wrong key.
/// The format carries a version prefix, so a later scheme or key can be told apart.
/// </remarks>
public sealed class PersonalDataCipher
{
    public const string Prefix = "pd1:";
    private const int BlockBytes = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;

    /// <param name="masterKey">At least 32 random bytes; two keys are derived from it (HKDF-SHA256).</param>
    public PersonalDataCipher(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length < 32) throw new ArgumentException("The personal-data key must be at least 32 bytes.", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "motcua/personal-data/aes/v1"u8.ToArray());
        _macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "motcua/personal-data/siv/v1"u8.ToArray());
    }

    /// <summary>The derived keys, for a bulk writer that must produce the same text elsewhere (the benchmark's SQL).</summary>
    public (byte[] Encryption, byte[] Mac) DerivedKeys => ((byte[])_encryptionKey.Clone(), (byte[])_macKey.Clone());

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var iv = HMACSHA256.HashData(_macKey, plain).AsSpan(0, BlockBytes).ToArray();
        using var aes = Aes.Create();
        aes.Key = _encryptionKey;
        var cipher = aes.EncryptCbc(plain, iv, PaddingMode.PKCS7);
        return Prefix + Convert.ToBase64String([.. iv, .. cipher]);
    }

    /// <summary>The plaintext of a protected value; a value written before protection existed comes back as it is.</summary>
    public string Unprotect(string stored)
    {
        if (!IsProtected(stored)) return stored;
        var bytes = Convert.FromBase64String(stored[Prefix.Length..]);
        if (bytes.Length < 2 * BlockBytes || bytes.Length % BlockBytes != 0) throw Altered();
        var iv = bytes.AsSpan(0, BlockBytes);
        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = _encryptionKey;
            try { plain = aes.DecryptCbc(bytes.AsSpan(BlockBytes), iv, PaddingMode.PKCS7); }
            catch (CryptographicException) { throw Altered(); }
        }
        var expected = HMACSHA256.HashData(_macKey, plain).AsSpan(0, BlockBytes);
        return CryptographicOperations.FixedTimeEquals(expected, iv) ? Encoding.UTF8.GetString(plain) : throw Altered();
    }

    /// <summary>"*******5678": enough for a person to recognise their own number, not enough to learn someone else's.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Length <= 4 ? new string('*', value.Length) : new string('*', value.Length - 4) + value[^4..];

    private static CryptographicException Altered() =>
        new("A protected personal identifier was altered, or the personal-data key is not the one it was written with.");
}
