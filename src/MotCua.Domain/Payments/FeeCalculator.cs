using System.Globalization;
using MotCua.Domain.Catalog;

namespace MotCua.Domain.Payments;

/// <summary>
/// One line of a fee: <see cref="Known"/> is false while the answer it depends on (number of copies, table key) is
/// missing or unusable — the catalogue page shows the rule instead of an amount, and filing fixes it from the answers.
/// </summary>
public sealed record FeeLine(string Name, FeeKind Kind, long UnitAmount, int Quantity, long Amount, bool Known, string? Note);

/// <summary>The fee of one filing: its lines and their total (VND).</summary>
public sealed record FeeQuote(IReadOnlyList<FeeLine> Lines)
{
    public static FeeQuote None { get; } = new([]);

    public long Total => Lines.Where(l => l.Known).Sum(l => l.Amount);

    /// <summary>Every line has an amount (no answer is missing).</summary>
    public bool Complete => Lines.All(l => l.Known);
}

/// <summary>
/// Computes a procedure's fees from its rules and the form's answers. Pure: the caller says how to read an answer
/// (a field name to its value as text, null when not answered), so the rules need neither JSON nor a database.
/// </summary>
public static class FeeCalculator
{
    /// <summary>More copies than anyone asks for at a counter; a bigger number is a typing mistake, not a fee.</summary>
    public const int MaxCopies = 1000;

    public static FeeQuote Quote(IReadOnlyList<FeeRule> rules, Func<string, string?> answer)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(answer);
        return new FeeQuote([.. rules.Select(r => Line(r, answer))]);
    }

    /// <summary>The rules without answers (the catalogue page): fixed fees are known, the others show their rule.</summary>
    public static FeeQuote Rules(IReadOnlyList<FeeRule> rules) => Quote(rules, _ => null);

    private static FeeLine Line(FeeRule rule, Func<string, string?> answer)
    {
        switch (rule.Kind)
        {
            case FeeKind.PerCopy:
                var copies = rule.Field is null ? null : Copies(answer(rule.Field));
                return copies is { } n
                    ? new(rule.Name, rule.Kind, rule.Amount, n, checked(rule.Amount * n), true, rule.Note)
                    : new(rule.Name, rule.Kind, rule.Amount, 0, 0, false, rule.Note);
            case FeeKind.Table:
                var key = rule.Field is null ? null : answer(rule.Field)?.Trim();
                var row = key is null ? null : rule.Table.FirstOrDefault(t => string.Equals(t.Value, key, StringComparison.Ordinal));
                return row is null
                    ? new(rule.Name, rule.Kind, 0, 0, 0, false, rule.Note)
                    : new(rule.Name, rule.Kind, row.Amount, 1, row.Amount, true, rule.Note);
            default:
                return new(rule.Name, rule.Kind, rule.Amount, 1, rule.Amount, true, rule.Note);
        }
    }

    /// <summary>A whole number of copies from 0 to <see cref="MaxCopies"/>; anything else is not a usable answer.</summary>
    private static int? Copies(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxCopies ? n : null;
}

/// <summary>Who says the applicant owes nothing: the applicant claims it when filing, a counter officer records or confirms it.</summary>
public enum ExemptionState { None = 0, Claimed = 1, Confirmed = 2 }

/// <summary>What the applicant owes for the filing once an exemption is taken into account.</summary>
public static class FeeDue
{
    /// <summary>Only a confirmed exemption removes the fee: a claim waits for the counter officer to check it.</summary>
    public static long Of(long total, ExemptionState exemption) => exemption == ExemptionState.Confirmed ? 0 : total;

    /// <summary>The reason an exemption needs: recorded with it, and shown on the receipt and in the audit log.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Ghi rõ lý do miễn phí, lệ phí (đối tượng được miễn và căn cứ)."
        : reason.Trim().Length > 500 ? "Lý do tối đa 500 ký tự." : null;
}
