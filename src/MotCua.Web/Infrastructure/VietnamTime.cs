namespace MotCua.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown in Asia/Ho_Chi_Minh, which is UTC+7 all year (no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset t) => t.ToOffset(Offset);
}
