using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// The active categories, in their order, read from the database and kept for <see cref="CacheFor"/> (a handful of
/// rows read on every report and every Open311 call; an administrator's change shows everywhere within the period).
/// </summary>
public sealed class FeedbackCategories(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string CacheKey = "feedback-categories";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<IReadOnlyList<FeedbackCategory>> ActiveAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<FeedbackCategoryRow>().AsNoTracking()
                .Where(c => c.Active).OrderBy(c => c.Order).ThenBy(c => c.Code).Select(c => c.Definition).ToListAsync(ct);
            return (IReadOnlyList<FeedbackCategory>)rows.Select(Read).ToList();
        }))!;

    public async Task<FeedbackCategory?> FindAsync(string? code, CancellationToken ct = default) =>
        code is null ? null : (await ActiveAsync(ct)).FirstOrDefault(c => c.Code == code);

    public void Invalidate() => cache.Remove(CacheKey);

    public static FeedbackCategory Read(string json) => JsonSerializer.Deserialize<FeedbackCategory>(json, Json)!;

    public static string Write(FeedbackCategory category) => JsonSerializer.Serialize(category, Json);
}
