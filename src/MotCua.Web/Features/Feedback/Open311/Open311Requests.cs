using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Open311;

/// <summary>The request resources: list with the specification's filters (and page/page_size), one, POST, and updates.</summary>
internal static partial class Open311Requests
{
    public const int MaxPageSize = 1000;
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/requests.{format}", (string format, HttpRequest request, IConfiguration config, MotCuaDbContext db,
            FeedbackCategories categories, UnitDirectory units, Documents.PublicAddress address, TimeProvider clock, CancellationToken ct) =>
            Open311Api.Checked(format, request, config) is { } refused ? Task.FromResult(refused) : ListAsync(format, request, db, categories, units, address, clock, ct))
            .CacheOutput(PublicListCache.Policy);
        api.MapGet("/requests/{id}.{format}", async (string id, string format, HttpRequest request, IConfiguration config, MotCuaDbContext db,
            FeedbackCategories categories, UnitDirectory units, Documents.PublicAddress address, CancellationToken ct) =>
        {
            if (Open311Api.Checked(format, request, config) is { } refused) return refused;
            var rows = await Visible(db).Where(r => r.Number == id).Select(Row).ToListAsync(ct);
            return rows.Count == 0
                ? Open311Format.Error(format, StatusCodes.Status404NotFound, $"service_request_id {id} not found")
                : Open311Format.Write(format, "service_requests", await RequestsAsync(rows, categories, units, address.Absolute(request, ""), ct));
        });
        api.MapPost("/requests.{format}", Open311Posting.PostAsync).DisableAntiforgery().RequireRateLimiting(PublicRateLimits.Submission);
        api.MapGet("/servicerequestupdates.{format}", (string format, HttpRequest request, IConfiguration config, MotCuaDbContext db,
            TimeProvider clock, CancellationToken ct) =>
            Open311Api.Checked(format, request, config) is { } refused ? Task.FromResult(refused) : UpdatesAsync(format, request, db, clock, ct));
    }

    /// <summary>What the public list shows of a report: row fields only, no events or answers loaded.</summary>
    internal sealed record RequestRow(
        string Number, FeedbackStatus Status, string CategoryCode, string Description, string? Published, Guid Unit,
        DateTimeOffset Received, DateTimeOffset Updated, DateTimeOffset Due, string? Address, double? Lat, double? Long,
        IReadOnlyList<Guid> Photos);

    internal static readonly System.Linq.Expressions.Expression<Func<FeedbackReport, RequestRow>> Row = r => new RequestRow(
        r.Number, r.Status, r.CategoryCode, r.Description, r.PublishedDescription, r.HandlingUnitId, r.ReceivedAt, r.UpdatedAt, r.DueAt,
        r.Address, r.Location == null ? null : r.Location.Latitude, r.Location == null ? null : r.Location.Longitude, r.PhotoIds);

    internal static IQueryable<FeedbackReport> Visible(MotCuaDbContext db) => db.Set<FeedbackReport>().AsNoTracking().Where(r => !r.Hidden);

    private static async Task<IResult> ListAsync(string format, HttpRequest request, MotCuaDbContext db, FeedbackCategories categories,
        UnitDirectory units, Documents.PublicAddress address, TimeProvider clock, CancellationToken ct)
    {
        var q = request.Query;
        var query = Visible(db);
        if (List(q["service_request_id"]) is { Count: > 0 } ids)
        {
            // The ids override every other filter (the specification).
            query = query.Where(r => ids.Contains(r.Number));
        }
        else
        {
            var window = Window(format, q, clock);
            if (window.Problem is not null) return window.Problem;
            var (start, end) = (window.First!.Value, window.Second!.Value);
            query = query.Where(r => r.ReceivedAt >= start && r.ReceivedAt <= end);
            if (List(q["service_code"]) is { Count: > 0 } codes) query = query.Where(r => codes.Contains(r.CategoryCode));
            var statuses = List(q["status"]);
            if (statuses.Any(s => s is not ("open" or "closed")))
                return Open311Format.Error(format, StatusCodes.Status400BadRequest, "status must be open or closed");
            if (statuses.Count == 1)
            {
                // Spelt out as constants, not a list parameter: the partial index of open reports (FeedbackModel.OpenFilter) matches only this.
                query = statuses[0] == "closed"
                    ? query.Where(r => r.Status == FeedbackStatus.Resolved || r.Status == FeedbackStatus.Rejected || r.Status == FeedbackStatus.Duplicate)
                    : query.Where(r => r.Status != FeedbackStatus.Resolved && r.Status != FeedbackStatus.Rejected && r.Status != FeedbackStatus.Duplicate);
            }
        }
        var paging = Paging(format, q);
        if (paging.Problem is not null) return paging.Problem;
        var (page, size) = (paging.First!.Value, paging.Second!.Value);
        var rows = await query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Number)
            .Skip((page - 1) * size).Take(size).Select(Row).ToListAsync(ct);
        return Open311Format.Write(format, "service_requests", await RequestsAsync(rows, categories, units, address.Absolute(request, ""), ct));
    }

    /// <param name="mediaRoot">The site's public root: media_url is an absolute address of the report's first photo.</param>
    internal static async Task<O311List> RequestsAsync(IReadOnlyList<RequestRow> rows, FeedbackCategories categories, UnitDirectory units,
        string mediaRoot, CancellationToken ct)
    {
        var names = (await categories.ActiveAsync(ct)).ToDictionary(c => c.Code, c => c.Name);
        var tree = await units.TodayAsync(ct);
        return new O311List("request", [.. rows.Select(r => (object)new O311Object
        {
            { "service_request_id", r.Number },
            { "status", r.Status.Open311() },
            { "status_notes", r.Status.VietnameseName() },
            { "service_name", names.GetValueOrDefault(r.CategoryCode, r.CategoryCode) },
            { "service_code", r.CategoryCode },
            { "description", r.Published ?? r.Description },
            { "agency_responsible", tree.Find(r.Unit)?.Name ?? "" },
            { "service_notice", "" },
            { "requested_datetime", r.Received },
            { "updated_datetime", r.Updated },
            { "expected_datetime", r.Due },
            { "address", r.Address ?? "" },
            { "address_id", "" },
            { "zipcode", "" },
            { "lat", r.Lat },
            { "long", r.Long },
            { "media_url", r.Photos.Count == 0 ? "" : mediaRoot + Photos.FeedbackPhotoApi.PathOf(r.Photos[0]) },
        })]);
    }

    private static async Task<IResult> UpdatesAsync(string format, HttpRequest request, MotCuaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var q = request.Query;
        var window = Window(format, q, clock);
        if (window.Problem is not null) return window.Problem;
        var (start, end) = (window.First!.Value, window.Second!.Value);
        var paging = Paging(format, q);
        if (paging.Problem is not null) return paging.Problem;
        var (page, size) = (paging.First!.Value, paging.Second!.Value);
        var events = Visible(db).SelectMany(r => r.Events.Where(e => e.PublicText != null && e.At >= start && e.At <= end),
            (r, e) => new { r.Number, e.Sequence, e.ToStatus, e.At, e.PublicText });
        if (List(q["service_request_id"]) is { Count: > 0 } ids) events = events.Where(e => ids.Contains(e.Number));
        var rows = await events.OrderByDescending(e => e.At).ThenBy(e => e.Number).ThenBy(e => e.Sequence)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Open311Format.Write(format, "service_request_updates", new O311List("request_update", [.. rows.Select(e => (object)new O311Object
        {
            { "update_id", string.Create(CultureInfo.InvariantCulture, $"{e.Number}-{e.Sequence}") },
            { "service_request_id", e.Number },
            { "status", e.ToStatus.Open311() },
            { "updated_datetime", e.At },
            { "description", e.PublicText },
        })]));
    }

    private sealed record Checked<T>(T? First, T? Second, IResult? Problem) where T : struct;

    /// <summary>start_date/end_date: ISO 8601 with an offset; default the last 90 days; at most 90 days apart.</summary>
    private static Checked<DateTimeOffset> Window(string format, IQueryCollection q, TimeProvider clock)
    {
        DateTimeOffset? start = null, end = null;
        foreach (var (name, set) in new (string, Action<DateTimeOffset>)[] { ("start_date", v => start = v), ("end_date", v => end = v) })
        {
            var text = q[name].ToString();
            if (text.Length == 0) continue;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
                return new(null, null, Open311Format.Error(format, StatusCodes.Status400BadRequest, $"{name} must be a W3C date-time (e.g. 2026-11-24T09:00:00+07:00)"));
            set(value);
        }
        end ??= start is { } s ? s + MaxSpan : clock.GetUtcNow();
        start ??= end - MaxSpan;
        if (end < start) return new(null, null, Open311Format.Error(format, StatusCodes.Status400BadRequest, "end_date is before start_date"));
        if (end - start > MaxSpan) return new(null, null, Open311Format.Error(format, StatusCodes.Status400BadRequest, "start_date and end_date are at most 90 days apart"));
        return new(start, end, null);
    }

    private static Checked<int> Paging(string format, IQueryCollection q)
    {
        var page = 1;
        var size = MaxPageSize;
        if (q["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > 100_000))
            return new(null, null, Open311Format.Error(format, StatusCodes.Status400BadRequest, "page must be a whole number from 1"));
        if (q["page_size"].ToString() is { Length: > 0 } s && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
            return new(null, null, Open311Format.Error(format, StatusCodes.Status400BadRequest, $"page_size must be from 1 to {MaxPageSize}"));
        return new(page, size, null);
    }

    internal static List<string> List(Microsoft.Extensions.Primitives.StringValues value) =>
        [.. value.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().Take(MaxPageSize)];

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]", RegexOptions.CultureInvariant)]
    internal static partial Regex Html();
}
