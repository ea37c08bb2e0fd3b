using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Feedback.Reporting;

/// <summary>
/// The citizen's report (anonymous, or signed in with VNeID to follow it): a category and its questions, the place (a
/// pin on the map, coordinates or an address; a photo's own location when neither), a description and up to five
/// photos. Works without JavaScript: the map is an addition, and the open reports nearby are a step after the first
/// send. The key in the form makes a double send file once. Reads the citizen cookie so the anti-forgery token is made
/// and checked for the same user.
/// </summary>
[AllowAnonymous]
[Authorize(AuthenticationSchemes = CitizenIdentity.Scheme)]
[EnableRateLimiting(PublicRateLimits.Submission)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * FeedbackPhotos.MaxBytes)]
[RequestSizeLimit(6 * FeedbackPhotos.MaxBytes)]
public sealed class ReportModel(
    FeedbackCategories categories, FeedbackService service, FeedbackPhotos photos, NearbyReports nearby,
    IDataProtectionProvider protection, IOptions<ReportingOptions> options, IStringLocalizer<MotCuaOptions> t) : PageModel
{
    private IDataProtector Protector => protection.CreateProtector("MotCua.Feedback.Reporting.Photos");

    [BindProperty(SupportsGet = true, Name = "category")] public string? CategoryCode { get; set; }
    [BindProperty(Name = "lat")] public string? Lat { get; set; }
    [BindProperty(Name = "lng")] public string? Lng { get; set; }
    [BindProperty(Name = "address")] public string? Address { get; set; }
    [BindProperty(Name = "description")] public string? Description { get; set; }
    [BindProperty(Name = "anonymous")] public bool Anonymous { get; set; }
    [BindProperty(Name = "key")] public string? Key { get; set; }
    [BindProperty(Name = "kept")] public string? Kept { get; set; }
    [BindProperty(Name = "skipNearby")] public bool SkipNearby { get; set; }

    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];
    public FeedbackCategory? Category { get; private set; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    public List<(string FieldId, string Message)> Errors { get; } = [];
    public IReadOnlyList<NearbyReport> Nearby { get; private set; } = [];
    public int KeptPhotos { get; private set; }
    public ReportingOptions Map => options.Value;
    public string? CitizenName => CitizenIdentity.IdNumberOf(User) is null ? null : User.FindFirst(CitizenIdentity.NameClaim)?.Value ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Key = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A second send of the same form (a double click, a retry after a lost answer) lands on the first's confirmation.
        if (string.IsNullOrWhiteSpace(Key) || Key.Length > 100) Key = Guid.NewGuid().ToString("N");
        else if (await service.FindByKeyAsync(Key, ct) is { } already) return Sent(already);
        await LoadAsync(ct);
        if (Category is null)
        {
            Errors.Add(("category", CategoryCode is null ? t["feedback.error.category.missing"].Value : t["feedback.error.category.unknown"].Value));
            return Page();
        }
        Answers = Category.Questions.ToDictionary(q => q.Code,
            q => (IReadOnlyList<string>)Request.Form[ReportForm.AnswerField(q.Code)].OfType<string>().Where(v => v.Length > 0).ToList(), StringComparer.Ordinal);
        var files = Request.HasFormContentType ? Request.Form.Files.GetFiles("photos") : [];
        CheckFields(files.Count > 0 || !string.IsNullOrEmpty(Kept));
        if (Errors.Count > 0) return Page();

        PhotoBatch batch;
        try
        {
            batch = files.Count > 0 ? await photos.StoreAsync(files, ct) : await photos.StillUnattachedAsync(ReportForm.Restore(Protector, Kept), ct);
        }
        catch (FeedbackProblem e)
        {
            Errors.Add(("photos", FeedbackMessages.Localize(e.Message, t)));
            return Page();
        }
        Kept = ReportForm.Keep(Protector, batch);
        KeptPhotos = batch.Photos.Count;

        var pin = ReportForm.ParsePoint(Lat, Lng);
        if (!SkipNearby && (pin ?? batch.Location) is { IsValid: true } place)
        {
            Nearby = await nearby.FindAsync(Category.Code, place, ct);
            if (Nearby.Count > 0) return Page();
        }
        try
        {
            var filing = new FeedbackFiling(Category.Code, pin, Blank(Address), Description, Answers, batch, ReportForm.ReporterOf(User, Anonymous));
            return Sent(await service.FileAsync(filing, Key, ct));
        }
        catch (FeedbackProblem e)
        {
            Errors.Add((ReportForm.FieldOf(e.Field), FeedbackMessages.Localize(e.Message, t)));
            return Page();
        }
    }

    private IActionResult Sent(FeedbackReport report) => LocalRedirect($"/feedback/sent/{report.Number}");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await categories.ActiveAsync(ct);
        Category = Categories.FirstOrDefault(c => c.Code == CategoryCode);
    }

    /// <summary>Every problem the page can see itself, all at once (the service stops at its first).</summary>
    private void CheckFields(bool hasPhotos)
    {
        var pin = ReportForm.ParsePoint(Lat, Lng);
        var someCoordinate = !string.IsNullOrWhiteSpace(Lat) || !string.IsNullOrWhiteSpace(Lng);
        if (someCoordinate && pin is not { IsValid: true })
            Errors.Add(("lat", t["feedback.error.coordinates"].Value));
        else if (pin is null && string.IsNullOrWhiteSpace(Address) && !hasPhotos)
            Errors.Add(("lat", t["feedback.error.place"].Value));
        if (Address is { Length: > 500 }) Errors.Add(("address", t["feedback.error.address.long"].Value));
        if (string.IsNullOrWhiteSpace(Description)) Errors.Add(("description", t["feedback.error.description"].Value));
        else if (Description.Length > CategoryAnswers.MaxTextLength) Errors.Add(("description", t["feedback.error.description.long", CategoryAnswers.MaxTextLength].Value));
        foreach (var (code, problem) in CategoryAnswers.Problems(Category!, Answers.Where(a => a.Value.Count > 0).ToDictionary()))
            Errors.Add((ReportForm.AnswerField(code), FeedbackMessages.Localize(problem, t)));
    }

    public bool Answered(string code, string value) => Answers.TryGetValue(code, out var v) && v.Contains(value);

    public string AnswerOf(string code) => Answers.TryGetValue(code, out var v) && v.Count > 0 ? v[0] : "";
}
