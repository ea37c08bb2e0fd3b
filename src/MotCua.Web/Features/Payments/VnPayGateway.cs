using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using MotCua.Domain.Payments;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

/// <summary>What the gateway said about one transaction (a verified IPN, return or querydr answer).</summary>
public sealed record GatewayResult(string TxnRef, long Amount, string ResponseCode, string TransactionStatus, string? TransactionNo, string? BankCode, string? PayDate)
{
    public bool Succeeded => ResponseCode == "00" && TransactionStatus == "00";
}

/// <summary>
/// The merchant side of VNPay 2.1.0: the signed payment URL, the check of a return or IPN, and the merchant API's
/// querydr and refund with their '|'-joined checksums. The secret is read from the settings and never logged.
/// </summary>
public sealed class VnPayGateway(IOptions<VnPayOptions> options, IOptions<MotCuaOptions> product, IServer server, IHttpClientFactory clients, TimeProvider clock)
{
    public const string HttpClientName = "vnpay";
    public const string Version = "2.1.0";
    private static readonly TimeSpan Gmt7 = TimeSpan.FromHours(7);

    public VnPaySettings? Settings => VnPaySettings.From(options.Value, product.Value.Demo, SelfAddress());

    public bool Available => Settings is not null;

    /// <summary>Dates as VNPay writes them: yyyyMMddHHmmss in GMT+7.</summary>
    public static string Format(DateTimeOffset at) => at.ToOffset(Gmt7).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public string PaymentUrl(string txnRef, long amount, string orderInfo, string ipAddress, string locale, string returnUrl)
    {
        var s = Settings ?? throw new InvalidOperationException("VNPay is not configured.");
        var now = clock.GetUtcNow();
        var parameters = new Dictionary<string, string?>
        {
            ["vnp_Version"] = Version,
            ["vnp_Command"] = "pay",
            ["vnp_TmnCode"] = s.TmnCode,
            ["vnp_Amount"] = checked(amount * 100).ToString(CultureInfo.InvariantCulture),
            ["vnp_CreateDate"] = Format(now),
            ["vnp_ExpireDate"] = Format(now + options.Value.ExpireAfter),
            ["vnp_CurrCode"] = "VND",
            ["vnp_IpAddr"] = ipAddress,
            ["vnp_Locale"] = locale == "en" ? "en" : "vn",
            ["vnp_OrderInfo"] = orderInfo,
            ["vnp_OrderType"] = options.Value.OrderType,
            ["vnp_ReturnUrl"] = returnUrl,
            ["vnp_TxnRef"] = txnRef,
        };
        var query = VnPaySignature.Canonical(parameters);
        return $"{s.PaymentUrl}?{query}&{VnPaySignature.HashParameter}={VnPaySignature.Hmac(query, s.HashSecret)}";
    }

    /// <summary>The parameters of a return or IPN call if their signature is the merchant secret's; null otherwise.</summary>
    public GatewayResult? Verify(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var s = Settings;
        var all = query.ToList();
        string? Get(string k) => all.FirstOrDefault(p => p.Key == k).Value;
        if (s is null || !VnPaySignature.Verify(all, Get(VnPaySignature.HashParameter), s.HashSecret)) return null;
        if (Get("vnp_TmnCode") != s.TmnCode) return null;
        return long.TryParse(Get("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? new(Get("vnp_TxnRef") ?? "", amount, Get("vnp_ResponseCode") ?? "", Get("vnp_TransactionStatus") ?? "",
                Get("vnp_TransactionNo"), Get("vnp_BankCode"), Get("vnp_PayDate"))
            : new(Get("vnp_TxnRef") ?? "", -1, Get("vnp_ResponseCode") ?? "", Get("vnp_TransactionStatus") ?? "", null, null, null);
    }

    /// <summary>querydr: the gateway's word on a transaction whose IPN never came; null when it cannot be trusted or reached.</summary>
    public async Task<GatewayResult?> QueryAsync(string txnRef, DateTimeOffset createdAt, string orderInfo, CancellationToken ct)
    {
        var s = Settings ?? throw new InvalidOperationException("VNPay is not configured.");
        var request = new MerchantRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), Version = Version, Command = "querydr", TmnCode = s.TmnCode, TxnRef = txnRef,
            OrderInfo = orderInfo, TransactionDate = Format(createdAt), CreateDate = Format(clock.GetUtcNow()), IpAddr = "127.0.0.1",
        };
        request.SecureHash = VnPaySignature.Checksum([request.RequestId, request.Version, request.Command, request.TmnCode, request.TxnRef,
            request.TransactionDate, request.CreateDate, request.IpAddr, request.OrderInfo], s.HashSecret);
        var answer = await SendAsync(s, request, ct);
        if (answer is null || !VnPaySignature.Same(VnPaySignature.Checksum([answer.ResponseId, answer.Command, answer.ResponseCode, answer.Message,
                answer.TmnCode, answer.TxnRef, answer.Amount, answer.BankCode, answer.PayDate, answer.TransactionNo, answer.TransactionType,
                answer.TransactionStatus, answer.OrderInfo, answer.PromotionCode, answer.PromotionAmount], s.HashSecret), answer.SecureHash))
            return null;
        if (answer.ResponseCode != "00") return new(txnRef, -1, answer.ResponseCode ?? "", "", null, null, null);
        return new(txnRef, long.TryParse(answer.Amount, CultureInfo.InvariantCulture, out var a) ? a : -1, "00", answer.TransactionStatus ?? "",
            answer.TransactionNo, answer.BankCode, answer.PayDate);
    }

    /// <summary>refund (02 full): the gateway's response code, or null when it could not be reached or its answer is not signed.</summary>
    public async Task<string?> RefundAsync(string txnRef, long amount, string? transactionNo, DateTimeOffset paidAt, string orderInfo, string createdBy, CancellationToken ct)
    {
        var s = Settings ?? throw new InvalidOperationException("VNPay is not configured.");
        var request = new MerchantRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), Version = Version, Command = "refund", TmnCode = s.TmnCode, TransactionType = "02",
            TxnRef = txnRef, Amount = checked(amount * 100).ToString(CultureInfo.InvariantCulture), TransactionNo = transactionNo ?? "",
            TransactionDate = Format(paidAt), CreateBy = createdBy, CreateDate = Format(clock.GetUtcNow()), IpAddr = "127.0.0.1", OrderInfo = orderInfo,
        };
        request.SecureHash = VnPaySignature.Checksum([request.RequestId, request.Version, request.Command, request.TmnCode, request.TransactionType,
            request.TxnRef, request.Amount, request.TransactionNo, request.TransactionDate, request.CreateBy, request.CreateDate, request.IpAddr,
            request.OrderInfo], s.HashSecret);
        var answer = await SendAsync(s, request, ct);
        return answer is not null && VnPaySignature.Same(VnPaySignature.Checksum([answer.ResponseId, answer.Command, answer.ResponseCode, answer.Message,
                answer.TmnCode, answer.TxnRef, answer.Amount, answer.BankCode, answer.PayDate, answer.TransactionNo, answer.TransactionType,
                answer.TransactionStatus, answer.OrderInfo], s.HashSecret), answer.SecureHash)
            ? answer.ResponseCode : null;
    }

    private async Task<MerchantAnswer?> SendAsync(VnPaySettings s, MerchantRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(s.ApiUrl)) return null;
        using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync(new Uri(s.ApiUrl), request, ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<MerchantAnswer>(ct) : null;
    }

    /// <summary>This server's own address (the bundled simulator's API lives in it); http://localhost in a test server.</summary>
    private string SelfAddress() => Infrastructure.SelfAddress.OrLocalhost(server);

    /// <summary>The merchant API's request body (querydr and refund), with VNPay's parameter names.</summary>
    private sealed class MerchantRequest
    {
        [JsonPropertyName("vnp_RequestId")] public string RequestId { get; set; } = "";
        [JsonPropertyName("vnp_Version")] public string Version { get; set; } = "";
        [JsonPropertyName("vnp_Command")] public string Command { get; set; } = "";
        [JsonPropertyName("vnp_TmnCode")] public string TmnCode { get; set; } = "";
        [JsonPropertyName("vnp_TransactionType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TransactionType { get; set; }
        [JsonPropertyName("vnp_TxnRef")] public string TxnRef { get; set; } = "";
        [JsonPropertyName("vnp_Amount"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Amount { get; set; }
        [JsonPropertyName("vnp_TransactionNo"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TransactionNo { get; set; }
        [JsonPropertyName("vnp_OrderInfo")] public string OrderInfo { get; set; } = "";
        [JsonPropertyName("vnp_TransactionDate")] public string TransactionDate { get; set; } = "";
        [JsonPropertyName("vnp_CreateBy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CreateBy { get; set; }
        [JsonPropertyName("vnp_CreateDate")] public string CreateDate { get; set; } = "";
        [JsonPropertyName("vnp_IpAddr")] public string IpAddr { get; set; } = "";
        [JsonPropertyName("vnp_SecureHash")] public string SecureHash { get; set; } = "";
    }

    private sealed class MerchantAnswer
    {
        [JsonPropertyName("vnp_ResponseId")] public string? ResponseId { get; set; }
        [JsonPropertyName("vnp_Command")] public string? Command { get; set; }
        [JsonPropertyName("vnp_ResponseCode")] public string? ResponseCode { get; set; }
        [JsonPropertyName("vnp_Message")] public string? Message { get; set; }
        [JsonPropertyName("vnp_TmnCode")] public string? TmnCode { get; set; }
        [JsonPropertyName("vnp_TxnRef")] public string? TxnRef { get; set; }
        [JsonPropertyName("vnp_Amount")] public string? Amount { get; set; }
        [JsonPropertyName("vnp_BankCode")] public string? BankCode { get; set; }
        [JsonPropertyName("vnp_PayDate")] public string? PayDate { get; set; }
        [JsonPropertyName("vnp_TransactionNo")] public string? TransactionNo { get; set; }
        [JsonPropertyName("vnp_TransactionType")] public string? TransactionType { get; set; }
        [JsonPropertyName("vnp_TransactionStatus")] public string? TransactionStatus { get; set; }
        [JsonPropertyName("vnp_OrderInfo")] public string? OrderInfo { get; set; }
        [JsonPropertyName("vnp_PromotionCode")] public string? PromotionCode { get; set; }
        [JsonPropertyName("vnp_PromotionAmount")] public string? PromotionAmount { get; set; }
        [JsonPropertyName("vnp_SecureHash")] public string? SecureHash { get; set; }
    }
}
