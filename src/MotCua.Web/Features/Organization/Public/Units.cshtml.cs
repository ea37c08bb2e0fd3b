using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Public;

/// <summary>The city's organisation as on a day, for everyone: who receives dossiers, and how it looked before a reform.</summary>
[AllowAnonymous]
public sealed class UnitsModel(UnitDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public UnitTree Tree { get; private set; } = null!;
    public bool DateInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var day = directory.Today;
        if (!string.IsNullOrEmpty(Date))
        {
            if (DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 1900 and <= 2199)
                day = parsed;
            else
                DateInvalid = true;
        }
        Tree = await directory.OnAsync(day, ct);
    }
}
