using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Features.Dossiers.Lookup;

/// <summary>
/// The public lookup (no sign-in): the dossier code and the applicant's phone or ID number. Posted, not in the
/// address, so the phone number stays out of logs and browser history. Rate-limited like its JSON twin
/// (<c>GET /api/v1/dossiers/lookup</c>), and "not found" reads the same whether the code or the phone was wrong.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DossierApi.LookupPolicy)]
public sealed class LookupModel(DossierLookup lookup) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public PublicDossier? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Code)) errors.Add(Error(nameof(Code), "lookup.error.code"));
        else if (Code.Trim().Length > DossierLookup.MaxLength) errors.Add(Error(nameof(Code), "lookup.error.codelength"));
        if (string.IsNullOrWhiteSpace(Contact)) errors.Add(Error(nameof(Contact), "lookup.error.contact"));
        else if (Contact.Trim().Length > DossierLookup.MaxLength) errors.Add(Error(nameof(Contact), "lookup.error.contactlength"));
        if (errors.Count == 0)
        {
            Result = await lookup.FindAsync(Code!, Contact!, ct);
            if (Result is null) errors.Add(Error(nameof(Code), "lookup.error.notfound"));
        }
        Errors = errors;
        return Page();
    }

    public LookupFieldView CodeField => new(nameof(Code), "lookup.code", "lookup.code.hint", Code, "off", ErrorFor(nameof(Code)));

    public LookupFieldView ContactField => new(nameof(Contact), "lookup.contact", "lookup.contact.hint", Contact, "tel", ErrorFor(nameof(Contact)));

    private FieldError? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field);

    private static FieldError Error(string field, string key) => new(field, field, key, []);
}
