using System.Diagnostics.CodeAnalysis;

namespace MotCua.Web.Infrastructure.Storage;

/// <summary>
/// A stored file's name in the store: a random Guid, never anything the client sent, so a path can only ever be
/// built from 32 hex digits and a hostile file name cannot reach the file system.
/// </summary>
public readonly record struct FileId(Guid Value)
{
    public static FileId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("N");

    public static bool TryParse([NotNullWhen(true)] string? text, out FileId id)
    {
        var ok = Guid.TryParseExact(text, "N", out var guid);
        id = new FileId(guid);
        return ok;
    }
}

/// <summary>What the store acknowledged: once this is returned the bytes are on disk (or in the bucket) for good.</summary>
public sealed record StoredFile(FileId Id, string Sha256Hex, long Size);

/// <summary>
/// Attachment bytes live outside the database behind this interface: the local folder by default, an object
/// store later, with no change to the callers. The database keeps the id, the hash and the size.
/// </summary>
public interface IFileStore
{
    /// <summary>Streams <paramref name="content"/> to the store, hashing it on the way; the content type is a hint for stores that keep one.</summary>
    Task<StoredFile> SaveAsync(Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(FileId id, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(FileId id, CancellationToken cancellationToken = default);

    /// <summary>Only for files of abandoned drafts: a filed dossier's attachments are part of the record and are never deleted.</summary>
    Task<bool> DeleteAsync(FileId id, CancellationToken cancellationToken = default);
}
