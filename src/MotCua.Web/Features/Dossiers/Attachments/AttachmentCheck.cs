using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Dossiers.Attachments;

/// <summary>One refusal: a UI string key (files.*) and its arguments; a <see cref="FileKind"/> argument is shown by its localised name.</summary>
public sealed record AttachmentError(string Key, params object[] Args)
{
    public string Text(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var args = Args.Select(a => a switch
        {
            FileKind kind => localizer[FileKinds.TextKey(kind)].Value,
            IEnumerable<FileKind> kinds => string.Join(", ", kinds.Select(k => localizer[FileKinds.TextKey(k)].Value)),
            _ => a,
        }).ToArray();
        return localizer[Key, args].Value;
    }
}

/// <summary>The verdict on one upload. When <see cref="Ok"/>, store it with <see cref="ContentType"/> and show it as <see cref="FileName"/>.</summary>
public sealed record AttachmentCheckResult(FileKind Kind, string ContentType, string? FileName, long Size, bool DeclaredTypeDiffers, IReadOnlyList<AttachmentError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// The house rule "uploads are checked by content, size and count", in one place for the form, the counter and
/// the API. Every problem is reported at once so the applicant fixes them in one go.
/// </summary>
public sealed class AttachmentCheck(IOptions<AttachmentPolicy> options)
{
    public const string Empty = "files.empty";
    public const string TooLarge = "files.toolarge";
    public const string TypeNotAllowed = "files.typenotallowed";
    public const string NameInvalid = "files.nameinvalid";
    public const string TooManyForDossier = "files.toomany.dossier";
    public const string TooManyForDocument = "files.toomany.document";

    private readonly AttachmentPolicy _policy = options.Value;

    public AttachmentPolicy Policy => _policy;

    /// <summary>
    /// Checks a seekable stream (ASP.NET buffers an <c>IFormFile</c> to memory or disk, so its stream is); the
    /// position is left at 0 for the store. The declared name and type are the client's claims: the name is only
    /// cleaned for display, the type only compared for the record.
    /// </summary>
    public async Task<AttachmentCheckResult> CheckAsync(Stream content, string? declaredFileName, string? declaredContentType,
        int existingCountForDossier, int existingCountForKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek || !content.CanRead) throw new ArgumentException("The upload must be buffered (a seekable stream) before it is checked.", nameof(content));

        var errors = new List<AttachmentError>();
        var size = content.Length;
        var kind = FileKind.Unknown;
        if (size == 0)
        {
            errors.Add(new(Empty));
        }
        else
        {
            if (size > _policy.MaxFileBytes) errors.Add(new(TooLarge, Megabytes(_policy.MaxFileBytes)));
            kind = await ContentSniffer.IdentifyAsync(content, _policy.MaxZipEntries, cancellationToken);
            if (!_policy.Allows(kind)) errors.Add(new(TypeNotAllowed, kind, _policy.Allowed));
        }

        var name = SafeFileName.Clean(declaredFileName);
        if (name is null) errors.Add(new(NameInvalid));
        if (existingCountForDossier >= _policy.MaxFilesPerDossier) errors.Add(new(TooManyForDossier, _policy.MaxFilesPerDossier));
        if (existingCountForKey >= _policy.MaxFilesPerDocument) errors.Add(new(TooManyForDocument, _policy.MaxFilesPerDocument));

        content.Position = 0;
        var contentType = FileKinds.ContentType(kind);
        var declaredDiffers = !string.Equals(declaredContentType?.Split(';')[0].Trim(), contentType, StringComparison.OrdinalIgnoreCase);
        return new AttachmentCheckResult(kind, contentType, name is null ? null : SafeFileName.ForDownload(name, kind), size, declaredDiffers, errors);
    }

    private static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture);
}

public static class AttachmentSetup
{
    /// <summary>Called by the Dossiers module: binds the policy and registers the check.</summary>
    public static IServiceCollection AddDossierAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AttachmentPolicy>(configuration.GetSection(AttachmentPolicy.Section));
        services.AddSingleton<AttachmentCheck>();
        return services;
    }
}
