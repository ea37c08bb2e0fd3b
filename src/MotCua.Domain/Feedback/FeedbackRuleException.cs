namespace MotCua.Domain.Feedback;

/// <summary>An action the rules do not allow on this report now; <see cref="Code"/> is stable, the message Vietnamese.</summary>
public sealed class FeedbackRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public static class FeedbackErrors
{
    public const string WrongStatus = "feedback.wrong-status";
    public const string ReasonRequired = "feedback.reason-required";
    public const string AnswerRequired = "feedback.answer-required";
    public const string PhotoRequired = "feedback.photo-required";
    public const string NotReporter = "feedback.not-reporter";
    public const string ReopenWindowPassed = "feedback.reopen-window-passed";
    public const string SameUnit = "feedback.same-unit";
    public const string BadRating = "feedback.bad-rating";
    public const string Invalid = "feedback.invalid";
}
