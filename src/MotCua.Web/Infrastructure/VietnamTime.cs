namespace MotCua.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown in Asia/Ho_Chi_Minh, which is UTC+7 all year (no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset t) => t.ToOffset(Offset);

    /// <summary>ISO 8601 in Vietnam time with the offset ("2026-03-02T09:00:00+07:00"), as every API answers.</summary>
    public static string Iso(DateTimeOffset t) =>
        t.ToOffset(Offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Iso(DateTimeOffset? t) => t is { } value ? Iso(value) : null;

    /// <summary>How pages show an instant: "09:00 02/03/2026", Vietnam time.</summary>
    public static string Display(DateTimeOffset t) =>
        t.ToOffset(Offset).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
