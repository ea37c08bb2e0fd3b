using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.MyDossiers;

/// <summary>
/// One of the citizen's dossiers: status, due date, public history, files, and the actions its status allows —
/// answer a supplement request, withdraw before the result, rate after the return. Another citizen's dossier is a 404.
/// </summary>
[Authorize(Policy = CitizenIdentity.Policy)]
public sealed class DetailModel(
    MotCuaDbContext db, DossierService service, UnitDirectory units, IFileStore store, AttachmentCheck check,
    IStringLocalizer<MotCuaOptions> t, ILogger<DetailModel> log) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;
    public string ProcedureName { get; private set; } = "";
    public string? UnitName { get; private set; }
    public IReadOnlyList<RequiredDocument> Documents { get; private set; } = [];
    public IReadOnlyList<(string FieldId, string Message)> PageErrors { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Score { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? DocumentKey { get; set; }

    public string DocumentName(string key) => Documents.FirstOrDefault(d => d.Key == key)?.Name ?? key;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done is "withdrawn" or "rated" or "supplemented" or "delivery" ? done : null;
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "withdrawn", () => service.WithdrawAsync(id, Owner, Reason, CitizenIdentity.ActorOf(User), ct), ct);

    public Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "rated", () => service.RateAsync(id, Owner, Score, Comment, CitizenIdentity.ActorOf(User), ct), ct);

    /// <summary>
    /// Every file is checked before any is stored: one refused file refuses the answer, with its reasons next to the
    /// file input, and nothing is kept. Stored files that the answer then does not use are deleted again.
    /// </summary>
    public async Task<IActionResult> OnPostSupplementAsync(Guid id, List<IFormFile> files, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var key = Documents.FirstOrDefault(d => d.Key == DocumentKey)?.Key ?? Dossier.SupplementRounds.LastOrDefault()?.Items.FirstOrDefault() ?? "bo-sung";
        var checks = new List<(IFormFile File, AttachmentCheckResult Result)>();
        var errors = new List<(string, string)>();
        foreach (var file in files)
        {
            var stream = file.OpenReadStream();
            var result = await check.CheckAsync(stream, file.FileName, file.ContentType,
                Dossier.Attachments.Count + checks.Count, Dossier.Attachments.Count(a => a.DocumentKey == key) + checks.Count, ct);
            errors.AddRange(result.Errors.Select(e => ("files", $"{result.FileName ?? file.FileName}: {e.Text(t)}")));
            checks.Add((file, result));
        }
        if (errors.Count > 0) return await ShowAsync(id, errors, ct);

        var added = new List<Attachment>();
        try
        {
            foreach (var (file, result) in checks)
            {
                await using var content = file.OpenReadStream();
                var stored = await store.SaveAsync(content, result.ContentType, ct);
                added.Add(new Attachment(key, stored.Id.Value, result.FileName!, result.ContentType, stored.Size, stored.Sha256Hex));
            }
            await service.AnswerSupplementAsync(id, Owner, added, null, CitizenIdentity.ActorOf(User), ct);
            return Redirect($"/my/dossiers/{id}?done=supplemented");
        }
        catch (DossierProblem problem)
        {
            await ForgetAsync(added);
            return await ShowAsync(id, [Message(problem)], ct);
        }
        catch (DossierRuleException e)
        {
            await ForgetAsync(added);
            return await ShowAsync(id, [("actions", e.Message)], ct);
        }
    }

    private string Owner => CitizenIdentity.IdNumberOf(User)!;

    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<Dossier>> act, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await act();
            return Redirect($"/my/dossiers/{id}?done={done}");
        }
        catch (DossierProblem problem)
        {
            return await ShowAsync(id, [Message(problem)], ct);
        }
        catch (DossierRuleException e)
        {
            return await ShowAsync(id, [("actions", e.Message)], ct);
        }
    }

    private (string, string) Message(DossierProblem problem) => problem is CitizenActionProblem p
        ? (p.Field.Length > 0 ? p.Field : "actions", p.Text(t))
        : ("actions", problem.Message);

    private async Task<IActionResult> ShowAsync(Guid id, IReadOnlyList<(string, string)> errors, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // show the dossier as stored, not the refused change
        if (!await LoadAsync(id, ct)) return NotFound();
        PageErrors = errors;
        Response.StatusCode = errors.Any(e => e.Item1 == "actions") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task ForgetAsync(IEnumerable<Attachment> added)
    {
        foreach (var a in added)
        {
            try { await store.DeleteAsync(new FileId(a.FileId), CancellationToken.None); }
            catch (IOException e) { log.LogWarning(e, "Could not delete unused supplement file {FileId}", a.FileId); }
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try { Dossier = await service.LoadOwnedAsync(id, Owner, ct); }
        catch (DossierProblem) { return false; }
        var definition = await service.VersionAsync(Dossier.ProcedureVersionId, ct);
        ProcedureName = definition.Name;
        Documents = definition.Documents;
        UnitName = (await units.TodayAsync(ct)).Find(Dossier.ReceivingUnitId)?.Name;
        return true;
    }
}
