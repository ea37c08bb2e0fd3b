using System.Diagnostics;
using MotCua.Domain.Payments;

namespace MotCua.Domain.Tests.Payments;

/// <summary>
/// The checksums against an independent computation: the canonical string is the query of VNPay's own documented
/// example URL (its parameters sorted, form-encoded), and the HMAC-SHA512 is computed by `openssl dgst`.
/// </summary>
public class VnPaySignatureTests
{
    private const string Secret = "TESTSECRETKEY0123456789ABCDEFGHIJ";

    // From the integration guide's example payment URL (sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/).
    private static readonly Dictionary<string, string?> Example = new()
    {
        ["vnp_Version"] = "2.1.0", ["vnp_TxnRef"] = "5", ["vnp_TmnCode"] = "DEMOV210", ["vnp_ReturnUrl"] = "https://domainmerchant.vn/ReturnUrl",
        ["vnp_OrderType"] = "other", ["vnp_OrderInfo"] = "Thanh toan don hang :5", ["vnp_Locale"] = "vn", ["vnp_IpAddr"] = "127.0.0.1",
        ["vnp_CurrCode"] = "VND", ["vnp_CreateDate"] = "20210801153333", ["vnp_Command"] = "pay", ["vnp_Amount"] = "1806000",
        ["vnp_BankCode"] = "", ["vnp_SecureHash"] = "ignored", ["not_vnp"] = "ignored",
    };

    private const string ExampleQuery =
        "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn" +
        "&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl" +
        "&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0";

    [Fact]
    public void The_signed_string_is_the_sorted_form_encoded_query_of_the_documented_example() =>
        Assert.Equal(ExampleQuery, VnPaySignature.Canonical(Example));

    [Fact]
    public void The_hash_is_HMAC_SHA512_of_that_string_as_openssl_computes_it()
    {
        Assert.Equal(OpenSsl(ExampleQuery, Secret), VnPaySignature.Sign(Example, Secret));
    }

    [Fact]
    public void Vietnamese_text_is_encoded_as_UTF8_bytes()
    {
        var parameters = new Dictionary<string, string?> { ["vnp_OrderInfo"] = "Lệ phí (bản sao)*!" };

        Assert.Equal("vnp_OrderInfo=L%E1%BB%87+ph%C3%AD+%28b%E1%BA%A3n+sao%29%2A%21", VnPaySignature.Canonical(parameters));
        Assert.Equal(OpenSsl("vnp_OrderInfo=L%E1%BB%87+ph%C3%AD+%28b%E1%BA%A3n+sao%29%2A%21", Secret), VnPaySignature.Sign(parameters, Secret));
    }

    [Fact]
    public void The_merchant_API_checksum_is_over_the_fields_joined_by_a_bar()
    {
        string[] fields = ["req1", "2.1.0", "querydr", "DEMOV210", "5", "20210801153333", "20210801160000", "127.0.0.1", "Truy van"];

        Assert.Equal(OpenSsl(string.Join('|', fields), Secret), VnPaySignature.Checksum(fields, Secret));
    }

    [Fact]
    public void Verification_accepts_the_hash_in_any_case_and_refuses_any_change()
    {
        var hash = VnPaySignature.Sign(Example, Secret);

        Assert.True(VnPaySignature.Verify(Example, hash.ToUpperInvariant(), Secret));
        Assert.False(VnPaySignature.Verify(new Dictionary<string, string?>(Example) { ["vnp_Amount"] = "1806100" }, hash, Secret));
        Assert.False(VnPaySignature.Verify(Example, hash, Secret + "x"));
        Assert.False(VnPaySignature.Verify(Example, null, Secret));
    }

    private static string OpenSsl(string data, string key)
    {
        var start = new ProcessStartInfo("openssl", ["dgst", "-sha512", "-hmac", key, "-r"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(data);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split(' ')[0].Trim();
    }
}
