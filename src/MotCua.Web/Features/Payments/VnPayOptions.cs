namespace MotCua.Web.Features.Payments;

/// <summary>
/// The merchant's VNPay settings (<c>MotCua:VNPay</c>). Left empty in demo mode, the bundled gateway simulator is used
/// with demo credentials; left empty outside demo mode, online payment is unavailable (the counter still takes cash).
/// </summary>
public sealed class VnPayOptions
{
    public const string Section = "MotCua:VNPay";
    public const string SimulatorPrefix = "/simulators/vnpay";
    /// <summary>The demo's merchant code and secret: known to anyone who reads the source, so never used outside demo mode.</summary>
    public const string DemoTmnCode = "MOTCUA01";
    public const string DemoHashSecret = "demo-vnpay-secret-not-for-production";

    /// <summary>The gateway's payment page (sandbox: https://sandbox.vnpayment.vn/paymentv2/vpcpay.html).</summary>
    public string? PaymentUrl { get; set; }
    /// <summary>The merchant API for querydr and refund (sandbox: https://sandbox.vnpayment.vn/merchant_webapi/api/transaction).</summary>
    public string? ApiUrl { get; set; }
    public string? TmnCode { get; set; }
    public string? HashSecret { get; set; }
    /// <summary>vnp_OrderType; "other" unless VNPay assigned the merchant a category.</summary>
    public string OrderType { get; set; } = "other";
    /// <summary>How long the payer has on the gateway's page (vnp_ExpireDate).</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>An attempt still without an IPN this long after it began is asked about with querydr.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromMinutes(20);
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>After this long without an answer an attempt is given up (failed), so it is not queried for ever.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);
    public bool JobEnabled { get; set; } = true;
    public int BatchSize { get; set; } = 100;
}

/// <summary>The settings in force: the configured gateway, or the bundled simulator in demo mode, or none.</summary>
public sealed record VnPaySettings(string PaymentUrl, string ApiUrl, string TmnCode, string HashSecret, bool Bundled)
{
    public static VnPaySettings? From(VnPayOptions o, bool demo, string selfAddress)
    {
        if (!string.IsNullOrWhiteSpace(o.PaymentUrl) && !string.IsNullOrWhiteSpace(o.TmnCode) && !string.IsNullOrWhiteSpace(o.HashSecret))
            // The demo secret is public: outside demo mode it would let anyone sign an IPN, so it switches payment off.
            return !demo && o.HashSecret == VnPayOptions.DemoHashSecret ? null : new(o.PaymentUrl.Trim(), (o.ApiUrl ?? "").Trim(), o.TmnCode.Trim(), o.HashSecret, false);
        if (!demo) return null;
        var root = selfAddress.TrimEnd('/') + VnPayOptions.SimulatorPrefix;
        // The payer's browser is sent to a relative address, so the page opens on whatever host the citizen used.
        return new(VnPayOptions.SimulatorPrefix + "/paymentv2/vpcpay.html", root + "/merchant_webapi/api/transaction",
            VnPayOptions.DemoTmnCode, VnPayOptions.DemoHashSecret, true);
    }
}
