using System.Runtime.InteropServices;
using System.Text;

namespace MotCua.Web.Infrastructure.Storage;

/// <summary>
/// fsync of a folder, so that a rename or a new entry in it survives a power cut (POSIX makes the file's own fsync
/// cover only its data). .NET has no managed call for it, so this goes to libc. On Windows NTFS journals the
/// folder's metadata itself and a folder cannot be flushed from .NET, so it is a no-op there.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        var path = Encoding.UTF8.GetBytes(folder + "\0");
        var fd = Open(path, ReadOnly);
        if (fd < 0) throw new IOException($"Cannot open folder {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"Cannot flush folder {folder} (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // DllImport, not LibraryImport: the generated stubs would need unsafe code enabled for the whole host,
    // and these three signatures are blittable (the path is passed as NUL-terminated UTF-8 bytes).
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
