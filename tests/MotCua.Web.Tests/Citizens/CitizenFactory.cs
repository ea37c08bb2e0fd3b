using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>The real host with its own file store folder, so a test can see exactly which files were stored.</summary>
public sealed class CitizenFactory : MotCuaFactory
{
    public string FileFolder { get; } = Path.Combine(Path.GetTempPath(), "motcua-citizen-files-" + Guid.NewGuid().ToString("N"));

    public int StoredFileCount => Directory.Exists(FileFolder)
        ? Directory.EnumerateFiles(FileFolder, "*", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).StartsWith('.'))
        : 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Storage:Path", FileFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(FileFolder)) Directory.Delete(FileFolder, recursive: true);
    }
}
