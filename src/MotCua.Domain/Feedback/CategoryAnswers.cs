using System.Globalization;

namespace MotCua.Domain.Feedback;

/// <summary>
/// Checks a report's answers to its category's questions: every required one answered, each answer of its type, a
/// list answer among the choices, nothing answered that was not asked. Problems name the question's code.
/// </summary>
public static class CategoryAnswers
{
    public const int MaxTextLength = 4000;

    public static IReadOnlyList<(string Code, string Problem)> Problems(FeedbackCategory category, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var problems = new List<(string, string)>();
        var asked = category.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        foreach (var code in answers.Keys.Where(k => !asked.ContainsKey(k)).Order(StringComparer.Ordinal))
            problems.Add((code, "Câu hỏi này không thuộc loại phản ánh đã chọn."));
        foreach (var q in category.Questions.OrderBy(q => q.Order))
        {
            var values = answers.TryGetValue(q.Code, out var given) ? given.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : [];
            if (values.Count == 0)
            {
                if (q.Required) problems.Add((q.Code, $"Cần trả lời: {q.Description}."));
                continue;
            }
            if (q.Type != QuestionType.MultiValueList && values.Count > 1)
            {
                problems.Add((q.Code, "Chỉ nhận một câu trả lời."));
                continue;
            }
            foreach (var value in values)
            {
                if (Problem(q, value) is { } problem)
                {
                    problems.Add((q.Code, problem));
                    break;
                }
            }
        }
        return problems;
    }

    private static string? Problem(CategoryQuestion q, string value) => q.Type switch
    {
        _ when value.Length > MaxTextLength => $"Tối đa {MaxTextLength} ký tự.",
        QuestionType.Number when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => "Cần một số.",
        QuestionType.DateTime when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "Cần ngày giờ dạng ISO 8601.",
        QuestionType.SingleValueList or QuestionType.MultiValueList when q.Choices.All(c => c.Key != value) => "Chọn một trong các giá trị được liệt kê.",
        _ => null,
    };
}
