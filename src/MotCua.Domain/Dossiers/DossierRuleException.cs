namespace MotCua.Domain.Dossiers;

/// <summary>
/// An action that the rules do not allow on this dossier now. <see cref="Code"/> is stable (the web layer
/// maps it to an HTTP status and a localised message); <see cref="Exception.Message"/> is the Vietnamese
/// text for staff and citizens.
/// </summary>
public sealed class DossierRuleException : Exception
{
    public DossierRuleException()
        : this(DossierErrors.Invalid, "Thao tác không hợp lệ.")
    {
    }

    public DossierRuleException(string message)
        : this(DossierErrors.Invalid, message)
    {
    }

    public DossierRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = DossierErrors.Invalid;
    }

    public DossierRuleException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}

/// <summary>The stable error codes of dossier rules, one per reason an action is refused.</summary>
public static class DossierErrors
{
    public const string Invalid = "dossier.invalid";
    public const string VersionConflict = "dossier.version-conflict";
    public const string WrongStatus = "dossier.wrong-status";
    public const string ActionNotAllowedAtStep = "dossier.action-not-allowed-at-step";
    public const string UnknownStep = "dossier.unknown-step";
    public const string ConsultationsOpen = "dossier.consultations-open";
    public const string NoSuchTask = "dossier.no-such-task";
    public const string TaskAlreadyAssigned = "dossier.task-already-assigned";
    public const string ReasonRequired = "dossier.reason-required";
    public const string ApplicantInvalid = "dossier.applicant-invalid";
    public const string CodeDayMismatch = "dossier.code-day-mismatch";
    public const string WithdrawalNotAllowed = "dossier.withdrawal-not-allowed";
    public const string RatingNotAllowed = "dossier.rating-not-allowed";
    public const string ApologyNotAllowed = "dossier.apology-not-allowed";
    public const string AmountInvalid = "dossier.amount-invalid";
    public const string SameUnit = "dossier.same-unit";

    internal static DossierRuleException Status(DossierStatus status, string action) =>
        new(WrongStatus, $"Không thể {action} khi hồ sơ đang ở trạng thái \"{status.VietnameseName()}\".");
}
