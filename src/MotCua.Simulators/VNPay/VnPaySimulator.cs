using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Simulators.VNPay;

/// <summary>How the simulator delivers the IPN after the payer acts: the ways a real gateway's calls arrive.</summary>
public enum IpnMode
{
    /// <summary>Once, before the payer is sent back (retried only if the merchant does not answer 00 or 02).</summary>
    Normal,
    /// <summary>Three times in a row, as when the merchant's answers are lost on the way back.</summary>
    Retried,
    /// <summary>Twice at the same instant.</summary>
    Duplicated,
    /// <summary>After the payer is back (the return arrives first).</summary>
    Delayed,
    /// <summary>The outcome, then a stale failure for the same transaction.</summary>
    OutOfOrder,
    /// <summary>Never: only querydr tells the merchant what happened.</summary>
    Never,
}

/// <summary>One IPN call the simulator made and the merchant's RspCode (null when the call failed).</summary>
public sealed record IpnCall(string TxnRef, string ResponseCode, string? RspCode);

/// <summary>A transaction the simulated gateway knows (what querydr and refund look up).</summary>
public sealed record SimulatedTransaction(string TxnRef, long Amount100, string OrderInfo, string TransactionNo, string ResponseCode, string TransactionStatus, string PayDate)
{
    public bool Refunded { get; set; }
}

/// <summary>
/// A stand-in for the VNPay gateway (API 2.1.0) for the demo and the tests: the payment page (pay, cancel, fail), the
/// signed redirect back, the IPN to the merchant (in the <see cref="IpnMode"/>s a real gateway shows), and the merchant
/// API's querydr and refund. It checks every signature the merchant sends with its own implementation of the hash
/// (not the product's), so a mistake in either side shows up as a refused call. All state is in memory.
/// </summary>
public sealed partial class VnPaySimulator(string tmnCode, string hashSecret, Func<string> ipnUrl, Func<HttpClient> http, TimeProvider clock)
{
    private static readonly TimeSpan Gmt7 = TimeSpan.FromHours(7);
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IpnCall> _ipnCalls = new();
    private readonly ConcurrentQueue<string> _refunds = new();
    private int _transactionNo = 14_000_000;

    /// <summary>How IPNs are delivered unless the payer page picks another mode.</summary>
    public IpnMode Mode { get; set; } = IpnMode.Normal;
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    public IReadOnlyCollection<IpnCall> IpnCalls => _ipnCalls;
    public IReadOnlyCollection<string> RefundedTxnRefs => _refunds;
    public SimulatedTransaction? Transaction(string txnRef) => _transactions.GetValueOrDefault(txnRef);

    public void Map(IEndpointRouteBuilder routes, string prefix)
    {
        var group = routes.MapGroup(prefix).AllowAnonymous();
        group.MapGet("/paymentv2/vpcpay.html", (HttpContext c) => Checkout(c, prefix));
        group.MapPost("/paymentv2/pay", (Func<HttpContext, Task<IResult>>)(c => PayAsync(c, prefix)));
        group.MapPost("/merchant_webapi/api/transaction", (Func<HttpContext, Task<IResult>>)MerchantApiAsync);
        group.MapGet("/style.css", () => Results.Text(VnPayPages.Stylesheet, "text/css; charset=utf-8"));
    }

    /// <summary>The payment page: the merchant's request is checked (signature, merchant, command, amount) before it is shown.</summary>
    private IResult Checkout(HttpContext c, string prefix)
    {
        var query = c.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        string Get(string k) => query.GetValueOrDefault(k) ?? "";
        if (!SameHash(Sign(query), Get("vnp_SecureHash")))
            return VnPayPages.Problem(prefix, "Sai chữ ký (mã lỗi 97): yêu cầu thanh toán không do đơn vị chấp nhận thanh toán ký.");
        if (Get("vnp_TmnCode") != tmnCode || Get("vnp_Version") != "2.1.0" || Get("vnp_Command") != "pay" || Get("vnp_CurrCode") != "VND"
            || !long.TryParse(Get("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0
            || string.IsNullOrEmpty(Get("vnp_TxnRef")) || !Uri.TryCreate(Get("vnp_ReturnUrl"), UriKind.Absolute, out _))
            return VnPayPages.Problem(prefix, "Yêu cầu thanh toán thiếu hoặc sai tham số (mã lỗi 03).");
        if (DateTime.TryParseExact(Get("vnp_ExpireDate"), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
            && new DateTimeOffset(expires, Gmt7) < clock.GetUtcNow())
            return VnPayPages.Problem(prefix, "Giao dịch đã quá thời gian chờ thanh toán (mã lỗi 11).");
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _pending[token] = query;
        return VnPayPages.Checkout(prefix, token, Get("vnp_TmnCode"), amount / 100, Get("vnp_OrderInfo"), Get("vnp_TxnRef"), Mode);
    }

    /// <summary>The payer's choice: the transaction is recorded, the IPN sent in the chosen mode, the payer redirected back signed.</summary>
    private async Task<IResult> PayAsync(HttpContext c, string prefix)
    {
        var form = await c.Request.ReadFormAsync(c.RequestAborted);
        if (!_pending.TryRemove(form["token"].ToString(), out var request))
            return VnPayPages.Problem(prefix, "Phiên thanh toán không còn hiệu lực (mã lỗi 02).");
        var (response, status) = form["action"].ToString() switch
        {
            "pay" => ("00", "00"),
            "fail" => ("51", "02"), // the account has not enough money
            _ => ("24", "02"),      // the payer cancelled
        };
        var mode = Enum.TryParse<IpnMode>(form["ipn"], out var chosen) ? chosen : Mode;
        var number = Interlocked.Increment(ref _transactionNo).ToString(CultureInfo.InvariantCulture);
        var payDate = clock.GetUtcNow().ToOffset(Gmt7).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var txn = new SimulatedTransaction(request["vnp_TxnRef"], long.Parse(request["vnp_Amount"], CultureInfo.InvariantCulture),
            request.GetValueOrDefault("vnp_OrderInfo") ?? "", number, response, status, payDate);
        _transactions[txn.TxnRef] = txn;
        var result = Signed(Outcome(txn, response, status));
        var stale = Signed(Outcome(txn, "99", "02"));
        switch (mode)
        {
            case IpnMode.Normal: await SendUntilAnsweredAsync(result); break;
            case IpnMode.Retried: for (var i = 0; i < 3; i++) await SendAsync(result); break;
            case IpnMode.Duplicated: await Task.WhenAll(SendAsync(result), SendAsync(result)); break;
            case IpnMode.OutOfOrder: await SendAsync(result); await SendAsync(stale); break;
            case IpnMode.Delayed:
                _ = Task.Run(async () => { await Task.Delay(Delay, clock); await SendUntilAnsweredAsync(result); });
                break;
        }
        return Results.Redirect(request["vnp_ReturnUrl"] + (request["vnp_ReturnUrl"].Contains('?', StringComparison.Ordinal) ? "&" : "?") + result);
    }

    private Dictionary<string, string> Outcome(SimulatedTransaction t, string response, string status) => new(StringComparer.Ordinal)
    {
        ["vnp_Amount"] = t.Amount100.ToString(CultureInfo.InvariantCulture),
        ["vnp_BankCode"] = "NCB",
        ["vnp_BankTranNo"] = "VNP" + t.TransactionNo,
        ["vnp_CardType"] = "ATM",
        ["vnp_OrderInfo"] = t.OrderInfo,
        ["vnp_PayDate"] = t.PayDate,
        ["vnp_ResponseCode"] = response,
        ["vnp_TmnCode"] = tmnCode,
        ["vnp_TransactionNo"] = response == "00" ? t.TransactionNo : "0",
        ["vnp_TransactionStatus"] = status,
        ["vnp_TxnRef"] = t.TxnRef,
    };

    /// <summary>The query string of the parameters with their signature appended.</summary>
    private string Signed(Dictionary<string, string> parameters)
    {
        var data = Canonical(parameters);
        return data + "&vnp_SecureHash=" + Hmac(data);
    }

    /// <summary>A real gateway calls again when the merchant does not confirm (here: up to three times).</summary>
    private async Task SendUntilAnsweredAsync(string query)
    {
        for (var i = 0; i < 3; i++)
        {
            if (await SendAsync(query) is "00" or "02") return;
        }
    }

    private async Task<string?> SendAsync(string query)
    {
        var txnRef = Uri.UnescapeDataString(query.Split('&').First(p => p.StartsWith("vnp_TxnRef=", StringComparison.Ordinal))["vnp_TxnRef=".Length..]);
        var response = query.Split('&').First(p => p.StartsWith("vnp_ResponseCode=", StringComparison.Ordinal))["vnp_ResponseCode=".Length..];
        string? rsp = null;
        try
        {
            using var answer = await http().GetAsync(new Uri(ipnUrl() + "?" + query));
            var body = await answer.Content.ReadAsStringAsync();
            rsp = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("RspCode").GetString();
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The merchant did not answer in the documented form: counted as no confirmation.
        }
        _ipnCalls.Enqueue(new IpnCall(txnRef, response, rsp));
        return rsp;
    }

    /// <summary>
    /// The simulator's own canonical form: vnp_ fields with a value, sorted by name, each part escaped per RFC 3986
    /// and then written as an HTML form would (space as '+', '~' escaped too).
    /// </summary>
    private static string Canonical(IReadOnlyDictionary<string, string> parameters) =>
        string.Join("&", parameters.Keys.Where(k => k.StartsWith("vnp_", StringComparison.Ordinal) && k is not "vnp_SecureHash" and not "vnp_SecureHashType"
                && parameters[k].Length > 0)
            .Order(StringComparer.Ordinal).Select(k => Escape(k) + "=" + Escape(parameters[k])));

    private static string Escape(string s) => Uri.EscapeDataString(s).Replace("%20", "+", StringComparison.Ordinal).Replace("~", "%7E", StringComparison.Ordinal);

    private string Sign(IReadOnlyDictionary<string, string> parameters) => Hmac(Canonical(parameters));

    private string Hmac(string data)
    {
        using var mac = new HMACSHA512(Encoding.UTF8.GetBytes(hashSecret));
        return Convert.ToHexStringLower(mac.ComputeHash(Encoding.UTF8.GetBytes(data)));
    }

    private static bool SameHash(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
}
