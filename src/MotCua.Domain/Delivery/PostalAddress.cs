namespace MotCua.Domain.Delivery;

/// <summary>
/// Where the post brings a result (or picks a file up): the receiver, their phone, the street line and the
/// commune/ward and province the postal service routes by.
/// </summary>
public sealed record PostalAddress(string ReceiverName, string Phone, string Street, string Commune, string Province)
{
    public const int MaxName = 100;
    public const int MaxStreet = 200;
    public const int MaxPlace = 100;

    /// <summary>The problems of each field, as (field, code) pairs: empty when the address can be posted to.</summary>
    public static IReadOnlyList<(string Field, string Code)> Problems(string? name, string? phone, string? street, string? commune, string? province)
    {
        var problems = new List<(string, string)>();
        Check(problems, "receiverName", name, MaxName);
        if (string.IsNullOrWhiteSpace(phone)) problems.Add(("phone", "required"));
        else if (NormalisePhone(phone) is null) problems.Add(("phone", "invalid"));
        Check(problems, "street", street, MaxStreet);
        Check(problems, "commune", commune, MaxPlace);
        Check(problems, "province", province, MaxPlace);
        return problems;
    }

    /// <summary>The address from checked input (call <see cref="Problems"/> first).</summary>
    public static PostalAddress From(string name, string phone, string street, string commune, string province) =>
        new(name.Trim(), NormalisePhone(phone) ?? throw new ArgumentException("Invalid phone.", nameof(phone)), street.Trim(), commune.Trim(), province.Trim());

    /// <summary>A Vietnamese phone (mobile or landline: 0 then 9–10 digits, or +84), as 0…; null when it is not one.</summary>
    public static string? NormalisePhone(string? phone)
    {
        if (phone is null) return null;
        var compact = new string([.. phone.Where(c => c is not (' ' or '.' or '-'))]);
        if (compact.StartsWith("+84", StringComparison.Ordinal)) compact = "0" + compact[3..];
        return compact.Length is 10 or 11 && compact[0] == '0' && compact.All(char.IsAsciiDigit) ? compact : null;
    }

    /// <summary>For lists: only the last four digits (****5678).</summary>
    public static string MaskPhone(string phone) => phone.Length <= 4 ? "****" : "****" + phone[^4..];

    private static void Check(List<(string, string)> problems, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add((field, "required"));
        else if (value.Trim().Length > max) problems.Add((field, "toolong"));
        else if (value.Any(char.IsControl)) problems.Add((field, "invalid"));
    }
}
