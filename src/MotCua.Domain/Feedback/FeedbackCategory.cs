namespace MotCua.Domain.Feedback;

/// <summary>
/// What a citizen can report (an Open311 service): its own extra questions, its time limit in working days, and who
/// answers it wherever the pin falls.
/// </summary>
public sealed record FeedbackCategory
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    /// <summary>A heading to group categories under (Open311 "group").</summary>
    public string Group { get; init; } = "";
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public int TimeLimitWorkingDays { get; init; } = 15;
    public required Responsibility Responsibility { get; init; }
    public IReadOnlyList<CategoryQuestion> Questions { get; init; } = [];
}

/// <summary>Which level of the organisation answers the category where the pin falls.</summary>
public enum ResponsibleLevel
{
    /// <summary>The commune or ward the pin is in (the nearest level up that has a boundary, when it has none).</summary>
    Local,
    /// <summary>One named unit whatever the place (a department: water, power, transport).</summary>
    Named,
}

public sealed record Responsibility(ResponsibleLevel Level, string? UnitCode = null)
{
    public static Responsibility Local { get; } = new(ResponsibleLevel.Local);

    public static Responsibility Unit(string code) => new(ResponsibleLevel.Named, code);
}

/// <summary>Open311's attribute data types.</summary>
public enum QuestionType { String, Number, DateTime, Text, SingleValueList, MultiValueList }

public sealed record CategoryQuestion
{
    public required string Code { get; init; }
    public required string Description { get; init; }
    public QuestionType Type { get; init; } = QuestionType.String;
    public bool Required { get; init; }
    public int Order { get; init; }
    public string? TypeDescription { get; init; }
    public IReadOnlyList<QuestionChoice> Choices { get; init; } = [];
}

public sealed record QuestionChoice(string Key, string Name);
