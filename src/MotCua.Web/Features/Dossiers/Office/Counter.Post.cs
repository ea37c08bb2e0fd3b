using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Features.Dossiers.Data;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.Office;

// Recording the paper dossier: the applicant, the answers and the scans are read and checked, then
// DossierService.ReceiveAtCounterAsync receives it with its code and due date in one transaction.
public sealed partial class CounterModel
{
    [BindProperty] public string? IdempotencyKey { get; set; }
    [BindProperty] public int? Channel { get; set; }
    [BindProperty] public Guid? Unit { get; set; }
    [BindProperty] public string? OwnerKind { get; set; }
    [BindProperty] public string? OwnerName { get; set; }
    [BindProperty] public string? OwnerId { get; set; }
    [BindProperty] public string? OwnerPhone { get; set; }
    [BindProperty] public string? OwnerEmail { get; set; }
    [BindProperty] public string? OwnerAddress { get; set; }

    public static string ScanField(string documentKey) => "Scan-" + documentKey;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadCountersAsync(ct)) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadProcedureAsync(ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(IdempotencyKey) || IdempotencyKey.Length > 100) IdempotencyKey = Guid.NewGuid().ToString("N");
        // A second click on the same form: the dossier already exists, show it instead of recording again.
        var key = "counter-" + IdempotencyKey;
        if (await db.Set<DossierSubmission>().Where(s => s.IdempotencyKey == key).Select(s => (Guid?)s.DossierId).FirstOrDefaultAsync(ct) is { } existing)
            return Redirect($"/staff/dossiers/{existing}?done=received");

        var unit = Counters.Count == 1 ? Counters[0] : Counters.FirstOrDefault(c => c.Id == Unit);
        if (unit is null) AddError(nameof(Unit), "office.counter.error.unit");
        if (Channel is not (1 or 3)) AddError(nameof(Channel), "office.counter.error.channel");
        var owner = new Applicant
        {
            Kind = OwnerKind == "organization" ? ApplicantKind.Organization : ApplicantKind.Citizen,
            FullName = OwnerName?.Trim() ?? "", IdNumber = OwnerId?.Trim() ?? "",
            Phone = Blank(OwnerPhone), Email = Blank(OwnerEmail), Address = Blank(OwnerAddress),
        };
        foreach (var problem in owner.Problems()) AddError("Owner" + (problem == "IdNumber" ? "Id" : problem == "FullName" ? "Name" : problem), "dossiers.applicant.invalid." + problem);
        if (Form is not null)
        {
            foreach (var step in Form.Steps) Answers = FormAnswers.ReadStep(Form, step.Index, Request.Form, Answers);
            FieldErrors = FormValidation.ValidateAll(Form, Answers);
            foreach (var e in FieldErrors) Errors.Add(e.FieldId, L[e.MessageKey, e.ArgumentArray]);
        }
        if (Errors.Any) return Page();

        var attachments = await StoreScansAsync(ct);
        if (attachments is null) return Page();
        try
        {
            var filing = new OnlineFiling(Definition!.NationalCode, unit!.Id, owner, null, Answers.ToJsonString(), attachments);
            var dossier = await service.ReceiveAtCounterAsync(filing, ChannelCode.FromCode(Channel!.Value), DossierActions.Officer(User), key, ct);
            return Redirect($"/staff/dossiers/{dossier.Id}?done=received");
        }
        catch (DossierProblem problem)
        {
            await ForgetAsync(attachments, ct);
            if (problem is DossierFormProblem form)
            {
                FieldErrors = form.Errors;
                foreach (var e in form.Errors) Errors.Add(e.FieldId, L[e.MessageKey, e.ArgumentArray]);
            }
            else
            {
                Errors.Add(problem.Code == "channel" ? nameof(Channel) : nameof(Procedure), problem.Message);
            }
            return Page();
        }
    }

    /// <summary>The scans, checked by content like every upload and stored by id; null with the errors when one is refused.</summary>
    private async Task<List<Attachment>?> StoreScansAsync(CancellationToken ct)
    {
        var check = HttpContext.RequestServices.GetRequiredService<AttachmentCheck>();
        var store = HttpContext.RequestServices.GetRequiredService<IFileStore>();
        var uploads = new List<(string Key, IFormFile File, AttachmentCheckResult Result)>();
        foreach (var document in Definition!.Documents)
        {
            var files = Request.Form.Files.GetFiles(ScanField(document.Key)).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
            for (var i = 0; i < files.Count; i++)
            {
                await using var stream = files[i].OpenReadStream();
                var result = await check.CheckAsync(stream, files[i].FileName, files[i].ContentType, uploads.Count, i, ct);
                foreach (var error in result.Errors) Errors.Add(ScanField(document.Key), $"{result.FileName ?? files[i].FileName}: {error.Text(L)}");
                uploads.Add((document.Key, files[i], result));
            }
        }
        if (Errors.Any) return null;
        var stored = new List<Attachment>();
        foreach (var (documentKey, file, result) in uploads)
        {
            await using var stream = file.OpenReadStream();
            var saved = await store.SaveAsync(stream, result.ContentType, ct);
            stored.Add(new Attachment(documentKey, saved.Id.Value, result.FileName!, result.ContentType, saved.Size, saved.Sha256Hex));
        }
        return stored;
    }

    private async Task ForgetAsync(IEnumerable<Attachment> attachments, CancellationToken ct)
    {
        var store = HttpContext.RequestServices.GetRequiredService<IFileStore>();
        foreach (var a in attachments) await store.DeleteAsync(new FileId(a.FileId), ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
