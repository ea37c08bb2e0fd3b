namespace MotCua.Domain.Dossiers;

/// <summary>The service is rated once, 1 to 5, after the result was returned.</summary>
public static class RatingRule
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>Why the rating is not allowed (Vietnamese), or null when it is.</summary>
    public static string? Problem(DossierStatus status, Rating? existing, int score) =>
        status != DossierStatus.ResultReturned ? "Chỉ đánh giá được sau khi đã nhận kết quả."
        : existing is not null ? "Hồ sơ này đã được đánh giá."
        : score is < MinScore or > MaxScore ? $"Điểm đánh giá từ {MinScore} đến {MaxScore}."
        : null;
}
