using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MotCua.Simulators.VNPay;

// The merchant API (POST JSON, one address for every command): querydr and refund, each checked with its own
// '|'-joined checksum and answered with one, as VNPay documents them.
public sealed partial class VnPaySimulator
{
    private static readonly string[] QueryFields = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"];
    private static readonly string[] RefundFields = ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"];
    private static readonly string[] QueryAnswerFields = ["vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"];

    private async Task<IResult> MerchantApiAsync(HttpContext c)
    {
        Dictionary<string, string> body;
        try
        {
            var raw = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(c.Request.Body, cancellationToken: c.RequestAborted) ?? [];
            body = raw.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return Answer(new() { ["vnp_ResponseCode"] = "99", ["vnp_Message"] = "Invalid request" }, []);
        }
        var command = body.GetValueOrDefault("vnp_Command");
        var fields = command == "refund" ? RefundFields : QueryFields;
        var answer = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"), ["vnp_Command"] = command ?? "", ["vnp_TmnCode"] = tmnCode,
            ["vnp_TxnRef"] = body.GetValueOrDefault("vnp_TxnRef") ?? "",
        };
        var answerFields = command == "refund" ? QueryAnswerFields[..13] : QueryAnswerFields;
        if (command is not ("querydr" or "refund")) return Answer(Code(answer, "02", "Invalid command"), answerFields);
        if (!SameHash(Hmac(string.Join('|', fields.Select(f => body.GetValueOrDefault(f) ?? ""))), body.GetValueOrDefault("vnp_SecureHash")))
            return Answer(Code(answer, "97", "Invalid Checksum"), answerFields);
        if (body.GetValueOrDefault("vnp_TmnCode") != tmnCode) return Answer(Code(answer, "02", "Merchant is not valid"), answerFields);
        if (!_transactions.TryGetValue(answer["vnp_TxnRef"], out var txn)) return Answer(Code(answer, "91", "Transaction not found"), answerFields);
        answer["vnp_Amount"] = txn.Amount100.ToString(CultureInfo.InvariantCulture);
        answer["vnp_BankCode"] = "NCB";
        answer["vnp_PayDate"] = txn.PayDate;
        answer["vnp_TransactionNo"] = txn.TransactionNo;
        answer["vnp_TransactionType"] = command == "refund" ? body.GetValueOrDefault("vnp_TransactionType") ?? "02" : "01";
        answer["vnp_OrderInfo"] = txn.OrderInfo;
        if (command == "querydr")
        {
            answer["vnp_TransactionStatus"] = txn.Refunded ? "06" : txn.TransactionStatus;
            return Answer(Code(answer, "00", "QueryDR Success"), answerFields);
        }
        if (txn.TransactionStatus != "00" || txn.Refunded) return Answer(Code(answer, "94", "Transaction cannot be refunded"), answerFields);
        if (!long.TryParse(body.GetValueOrDefault("vnp_Amount"), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > txn.Amount100)
            return Answer(Code(answer, "03", "Invalid amount"), answerFields);
        txn.Refunded = true;
        _refunds.Enqueue(txn.TxnRef);
        answer["vnp_Amount"] = amount.ToString(CultureInfo.InvariantCulture);
        answer["vnp_TransactionStatus"] = "05";
        return Answer(Code(answer, "00", "Refund Success"), answerFields);
    }

    private static Dictionary<string, string> Code(Dictionary<string, string> answer, string code, string message)
    {
        answer["vnp_ResponseCode"] = code;
        answer["vnp_Message"] = message;
        return answer;
    }

    private IResult Answer(Dictionary<string, string> answer, string[] signed)
    {
        if (signed.Length > 0) answer["vnp_SecureHash"] = Hmac(string.Join('|', signed.Select(f => answer.GetValueOrDefault(f) ?? "")));
        return Results.Json(answer);
    }
}
