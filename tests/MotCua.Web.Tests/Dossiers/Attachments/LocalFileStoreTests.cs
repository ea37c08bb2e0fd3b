using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Tests.Dossiers.Attachments;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "motcua-files-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFileStore _store;

    public LocalFileStoreTests() => _store = new LocalFileStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] AllFiles() => Directory.GetFiles(_root, "*", SearchOption.AllDirectories);

    private static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    [Fact]
    public async Task Stored_bytes_come_back_the_same_with_their_sha256_and_size()
    {
        var bytes = RandomBytes(300_000);
        var stored = await _store.SaveAsync(new MemoryStream(bytes), "application/pdf");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256Hex);
        Assert.Equal(bytes.Length, stored.Size);
        await using var read = await _store.OpenReadAsync(stored.Id);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Files_are_sharded_by_id_and_nothing_else_is_left_in_the_folder()
    {
        var stored = await _store.SaveAsync(new MemoryStream([1, 2, 3]), "image/png");
        var hex = stored.Id.ToString();
        Assert.Equal([Path.Combine(_root, hex[..2], hex[2..4], hex)], AllFiles());
    }

    [Fact]
    public async Task Exists_and_delete()
    {
        var stored = await _store.SaveAsync(new MemoryStream([1]), "image/png");
        Assert.True(await _store.ExistsAsync(stored.Id));
        Assert.True(await _store.DeleteAsync(stored.Id));
        Assert.False(await _store.ExistsAsync(stored.Id));
        Assert.False(await _store.DeleteAsync(stored.Id));
        Assert.Null(await _store.OpenReadAsync(stored.Id));
        Assert.Null(await _store.OpenReadAsync(FileId.New()));
    }

    [Fact]
    public async Task Concurrent_saves_each_keep_their_own_bytes()
    {
        var payloads = Enumerable.Range(0, 64).Select(i => RandomBytes(1000 + i * 997)).ToArray();
        var stored = await Task.WhenAll(payloads.Select(p => Task.Run(() => _store.SaveAsync(new MemoryStream(p), "application/pdf"))));
        Assert.Equal(64, stored.Select(s => s.Id).Distinct().Count());
        for (var i = 0; i < payloads.Length; i++)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(payloads[i])), stored[i].Sha256Hex);
            Assert.Equal(payloads[i], await File.ReadAllBytesAsync(_store.PathOf(stored[i].Id)));
        }
        Assert.Equal(64, AllFiles().Length);
    }

    [Fact]
    public async Task A_failing_upload_leaves_no_file_behind()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.SaveAsync(new BrokenStream(200_000, cancel: null), "application/pdf"));
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_no_file_behind()
    {
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.SaveAsync(new BrokenStream(200_000, cancel), "application/pdf", cancel.Token));
        Assert.Empty(AllFiles());
    }

    [Fact]
    public void File_ids_parse_only_as_32_hex_digits()
    {
        var id = FileId.New();
        Assert.True(FileId.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
        Assert.False(FileId.TryParse("../../etc/passwd", out _));
        Assert.False(FileId.TryParse(id.Value.ToString("D"), out _));
    }

    [Fact]
    public void The_folder_defaults_to_data_files_at_the_repository_root_and_can_be_set()
    {
        var empty = new ConfigurationBuilder().Build();
        var inProject = Path.Combine(RepositoryRoot(), "src", "MotCua.Web");
        Assert.Equal(Path.Combine(RepositoryRoot(), "data", "files"), StorageSetup.ResolveFolder(empty, inProject));
        var set = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MotCua:Storage:Path"] = "uploads" }).Build();
        Assert.Equal(Path.Combine(_root, "uploads"), StorageSetup.ResolveFolder(set, _root));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>Gives some bytes, then fails (or cancels the upload) mid-stream, as a dropped connection does.</summary>
    private sealed class BrokenStream(int failAfter, CancellationTokenSource? cancel) : Stream
    {
        private int _given;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Give(buffer.AsSpan(offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Give(buffer.Span));
        }

        private int Give(Span<byte> buffer)
        {
            if (_given >= failAfter)
            {
                if (cancel is null) throw new IOException("Connection reset.");
                cancel.Cancel();
                cancel.Token.ThrowIfCancellationRequested();
            }
            var n = Math.Min(buffer.Length, 10_000);
            buffer[..n].Fill(0x42);
            _given += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
