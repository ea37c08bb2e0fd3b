using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.Filing;

/// <summary>One upload as the wizard received it; the stream must be seekable (ASP.NET buffers IFormFile).</summary>
public sealed record Upload(Stream Content, string? FileName, string? ContentType);

/// <summary>
/// The citizen's drafts: only ever read through the owner's ID number, so another citizen's draft is simply not
/// found. Uploaded files are checked (content, size, count) before anything is stored; a refused file leaves no
/// bytes and no row behind.
/// </summary>
public sealed class DraftStore(MotCuaDbContext db, IFileStore files, AttachmentCheck check, TimeProvider clock, ILogger<DraftStore> log)
{
    private DbSet<DossierDraft> Drafts => db.Set<DossierDraft>();

    public Task<List<DossierDraft>> ListAsync(string owner, CancellationToken ct) =>
        Drafts.AsNoTracking().Include(d => d.Attachments).Where(d => d.OwnerIdNumber == owner)
            .OrderByDescending(d => d.UpdatedAt).ToListAsync(ct);

    /// <summary>The owner's draft, or null for an unknown id and for anybody else's draft alike.</summary>
    public Task<DossierDraft?> FindAsync(Guid id, string owner, CancellationToken ct) =>
        Drafts.Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id && d.OwnerIdNumber == owner, ct);

    public async Task<DossierDraft> StartAsync(string owner, string procedureCode, Guid receivingUnit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = new DossierDraft
        {
            Id = Guid.NewGuid(), OwnerIdNumber = owner, ProcedureCode = procedureCode, ReceivingUnitId = receivingUnit,
            IdempotencyKey = "draft-" + Guid.NewGuid().ToString("N"), CreatedAt = now, UpdatedAt = now, Step = 1,
        };
        Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>Saves the draft's answers, unit and step as they are now.</summary>
    public async Task SaveAsync(DossierDraft draft, CancellationToken ct)
    {
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Checks and stores one file for a required document; the errors when refused (then nothing is stored).</summary>
    public async Task<IReadOnlyList<AttachmentError>> AddFileAsync(DossierDraft draft, string documentKey, Upload upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(upload);
        var result = await check.CheckAsync(upload.Content, upload.FileName, upload.ContentType,
            draft.Attachments.Count, draft.Attachments.Count(a => a.DocumentKey == documentKey), ct);
        if (!result.Ok) return result.Errors;

        var stored = await files.SaveAsync(upload.Content, result.ContentType, ct);
        draft.Attachments.Add(new DraftAttachment
        {
            FileId = stored.Id.Value, DraftId = draft.Id, DocumentKey = documentKey, FileName = result.FileName!,
            ContentType = result.ContentType, Size = stored.Size, Sha256 = stored.Sha256Hex, AddedAt = clock.GetUtcNow(),
        });
        try
        {
            await SaveAsync(draft, ct);
        }
        catch
        {
            // The row was not written: the bytes would be an orphan nobody can reach.
            await DeleteQuietlyAsync(stored.Id.Value);
            throw;
        }
        return [];
    }

    public async Task<bool> RemoveFileAsync(DossierDraft draft, Guid fileId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var attachment = draft.Attachments.FirstOrDefault(a => a.FileId == fileId);
        if (attachment is null) return false;
        draft.Attachments.Remove(attachment);
        db.Remove(attachment);
        await SaveAsync(draft, ct);
        await DeleteQuietlyAsync(fileId);
        return true;
    }

    /// <summary>Deletes an abandoned draft and its files (a filed draft's files belong to the dossier and stay).</summary>
    public async Task DeleteAsync(DossierDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var fileIds = draft.Attachments.Select(a => a.FileId).ToList();
        Drafts.Remove(draft);
        await db.SaveChangesAsync(ct);
        foreach (var id in fileIds) await DeleteQuietlyAsync(id);
    }

    // The row is gone first, so a failed delete leaves an unreachable file, never a row pointing at nothing.
    private async Task DeleteQuietlyAsync(Guid fileId)
    {
        try { await files.DeleteAsync(new FileId(fileId), CancellationToken.None); }
        catch (IOException e) { log.LogWarning(e, "Could not delete draft file {FileId}", fileId); }
    }
}
