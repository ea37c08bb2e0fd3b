using System.Buffers;
using System.Security.Cryptography;

namespace MotCua.Web.Infrastructure.Storage;

/// <summary>
/// Files in a local folder, sharded as <c>ab/cd/abcd…</c> so that no folder grows to millions of entries.
/// A file is written to a temporary name in its final folder, flushed to disk, then renamed: readers never see a
/// half-written file, and once <see cref="SaveAsync"/> returns the file survives a crash or a power cut.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const int BufferSize = 81920;
    internal const string TempSuffix = ".tmp";

    public LocalFileStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public async Task<StoredFile> SaveAsync(Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = FileId.New();
        var target = PathOf(id);
        var folder = Path.GetDirectoryName(target)!;
        var newFolder = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        // Same folder as the target: a rename within one file system is atomic; a leading dot keeps it out of listings.
        var temp = Path.Combine(folder, $".{id}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            var (hash, size) = await WriteAsync(content, temp, cancellationToken);
            File.Move(temp, target, overwrite: false);
            // The rename is only durable once the folder itself is flushed; new shard folders need their parents flushed too.
            DirectorySync.Flush(folder);
            if (newFolder)
            {
                DirectorySync.Flush(Path.GetDirectoryName(folder)!);
                DirectorySync.Flush(Root);
            }
            return new StoredFile(id, hash, size);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static async Task<(string Hash, long Size)> WriteAsync(Stream content, string temp, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // BufferSize 0: our own buffer is enough, and Flush(true) then reaches the disk without a second copy.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous, BufferSize = 0 };
            await using var file = new FileStream(temp, options);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }
            file.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    public Task<Stream?> OpenReadAsync(FileId id, CancellationToken cancellationToken = default)
    {
        try
        {
            Stream stream = new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(FileId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(id)));

    public Task<bool> DeleteAsync(FileId id, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>Built only from the Guid's hex digits: no client input ever reaches the path.</summary>
    internal string PathOf(FileId id)
    {
        var hex = id.ToString();
        return Path.Combine(Root, hex[..2], hex[2..4], hex);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure matters more; a stray temp file is only disk space, swept with the folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
