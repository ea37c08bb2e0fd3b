using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Privacy;

namespace MotCua.Domain.Tests.Privacy;

public sealed class PersonalDataCipherTests
{
    private static readonly PersonalDataCipher Cipher = new(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"));

    [Theory]
    [InlineData("001089012345")]
    [InlineData("0912345678")]
    [InlineData("+84912345678")]
    [InlineData("0101234567-001")]
    [InlineData("")]
    public void A_value_comes_back_and_never_shows_in_its_protected_form(string value)
    {
        var stored = Cipher.Protect(value);
        Assert.StartsWith(PersonalDataCipher.Prefix, stored, StringComparison.Ordinal);
        if (value.Length > 0) Assert.DoesNotContain(value, stored, StringComparison.Ordinal);
        Assert.Equal(value, Cipher.Unprotect(stored));
    }

    [Fact]
    public void The_same_number_always_gives_the_same_text_and_two_numbers_differ()
    {
        Assert.Equal(Cipher.Protect("001089012345"), Cipher.Protect("001089012345"));
        Assert.NotEqual(Cipher.Protect("001089012345"), Cipher.Protect("001089012346"));
    }

    [Fact]
    public void Another_key_cannot_read_it_and_writes_another_text()
    {
        var other = new PersonalDataCipher(RandomNumberGenerator.GetBytes(32));
        var stored = Cipher.Protect("001089012345");
        Assert.NotEqual(stored, other.Protect("001089012345"));
        Assert.Throws<CryptographicException>(() => other.Unprotect(stored));
    }

    [Fact]
    public void Any_changed_byte_is_refused()
    {
        var bytes = Convert.FromBase64String(Cipher.Protect("001089012345")[PersonalDataCipher.Prefix.Length..]);
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            Assert.Throws<CryptographicException>(() => Cipher.Unprotect(PersonalDataCipher.Prefix + Convert.ToBase64String(changed)));
        }
        Assert.Throws<CryptographicException>(() => Cipher.Unprotect(PersonalDataCipher.Prefix + Convert.ToBase64String(bytes[..16])));
    }

    [Fact]
    public void A_value_written_before_protection_reads_as_it_is()
    {
        Assert.Equal("0912345678", Cipher.Unprotect("0912345678"));
        Assert.False(PersonalDataCipher.IsProtected("0912345678"));
    }

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new PersonalDataCipher(new byte[16]));

    [Theory]
    [InlineData("001089012345", "********2345")]
    [InlineData("0912345678", "******5678")]
    [InlineData("123", "***")]
    [InlineData(null, "")]
    public void Masks_keep_the_last_four(string? value, string masked) => Assert.Equal(masked, PersonalDataCipher.Mask(value));
}
