using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Infrastructure.Storage;

/// <summary>Settings of section "MotCua:Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "MotCua:Storage";

    /// <summary>
    /// The folder for attachments. Unset: <c>data/files</c> beside the embedded database (the repository's
    /// ./data/ in a checkout, the working folder's data/ when installed). A relative path is taken from the
    /// working folder. Every instance behind a load balancer must see the same folder (a shared volume).
    /// </summary>
    public string? Path { get; set; }
}

public static class StorageSetup
{
    public static IServiceCollection AddMotCuaStorage(this IServiceCollection services, IConfiguration configuration, string? workingDirectory = null)
    {
        var folder = ResolveFolder(configuration, workingDirectory ?? Directory.GetCurrentDirectory());
        services.AddSingleton<IFileStore>(_ => new LocalFileStore(folder));
        return services;
    }

    internal static string ResolveFolder(IConfiguration configuration, string workingDirectory)
    {
        var configured = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Path;
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DatabaseSetup.DataRoot(workingDirectory), "data", "files")
            : Path.GetFullPath(configured, workingDirectory);
    }
}
