using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Domain.Privacy;

namespace MotCua.Web.Infrastructure.Privacy;

/// <summary>
/// The process's personal-data key and the column converter that uses it (docs/adr/0023). Static because EF Core
/// builds the model once per context type and caches it: a converter cannot take the key from the container. One
/// key per process, checked: a second, different key is a configuration error, not something to silently mix.
/// </summary>
public static class PersonalData
{
    private static readonly Lock Gate = new();
    private static PersonalDataCipher? _cipher;
    private static byte[]? _fingerprint;

    /// <summary>Stored protected, read and compared as plaintext: equality in LINQ protects the parameter the same way.</summary>
    public static ValueConverter<string, string> Converter { get; } = new(v => Protect(v), v => Reveal(v));

    /// <summary>The same for an optional column (EF never hands a null to a converter).</summary>
    public static ValueConverter<string?, string?> OptionalConverter { get; } = new(v => Protect(v!), v => Reveal(v!));

    public static void Use(ReadOnlySpan<byte> masterKey)
    {
        var fingerprint = SHA256.HashData(masterKey);
        lock (Gate)
        {
            if (_fingerprint is not null)
            {
                if (!CryptographicOperations.FixedTimeEquals(_fingerprint, fingerprint))
                    throw new InvalidOperationException("This process already uses another personal-data key; one key per process.");
                return;
            }
            _cipher = new PersonalDataCipher(masterKey);
            _fingerprint = fingerprint;
        }
    }

    private static PersonalDataCipher Cipher =>
        _cipher ?? throw new InvalidOperationException("The personal-data key is not loaded (PersonalDataSetup runs when the host is built).");

    public static string Protect(string plaintext) => Cipher.Protect(plaintext);

    public static string Reveal(string stored) => Cipher.Unprotect(stored);

    /// <summary>The last four characters of a stored (protected or not) identifier, for lists and logs.</summary>
    public static string MaskStored(string? stored) => stored is null ? "" : PersonalDataCipher.Mask(Reveal(stored));
}

/// <summary>The width of a protected identifier's column: "pd1:" and the base64 of the IV and up to 48 bytes of ciphertext.</summary>
public static class PersonalDataColumn
{
    public const int Length = 96;
}
