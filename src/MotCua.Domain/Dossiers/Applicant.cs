using System.Text.RegularExpressions;
using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// A person or organisation on a dossier (the catalogue's <see cref="ApplicantKind"/>, shared with who may apply). A citizen is identified by the 12-digit personal ID number
/// (căn cước), an organisation by its tax code (10 digits, or 10 + "-" + 3 for a branch).
/// </summary>
public sealed partial record Applicant
{
    public required ApplicantKind Kind { get; init; }
    public required string FullName { get; init; }
    /// <summary>Personal ID number for a citizen, tax code for an organisation.</summary>
    public required string IdNumber { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }

    /// <summary>What is wrong, as field names; empty when the applicant is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(FullName))
        {
            problems.Add(nameof(FullName));
        }

        var idOk = Kind == ApplicantKind.Citizen ? PersonalId().IsMatch(IdNumber ?? "") : TaxCode().IsMatch(IdNumber ?? "");
        if (!idOk)
        {
            problems.Add(nameof(IdNumber));
        }

        if (Phone is not null && !PhonePattern().IsMatch(Phone))
        {
            problems.Add(nameof(Phone));
        }

        if (Email is not null && !Email.Contains('@', StringComparison.Ordinal))
        {
            problems.Add(nameof(Email));
        }

        return problems;
    }

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalId();

    [GeneratedRegex(@"^\d{10}(-\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TaxCode();

    // Vietnamese numbers: 0 + 9 digits (mobile) or 10 digits (landline), or +84 in place of the 0.
    [GeneratedRegex(@"^(0|\+84)\d{9,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
