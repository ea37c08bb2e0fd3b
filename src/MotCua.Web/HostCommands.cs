using MotCua.Web.Features.Audit;

namespace MotCua.Web;

/// <summary>
/// Command-line modes of the product, run on the same wiring as the web host instead of serving: the database,
/// options and services are exactly the production ones. No command named: null, and the host serves as usual.
/// </summary>
public static class HostCommands
{
    public const string Usage = "usage: MotCua.Web migrate    (schema and seed, then exit)\n" + AuditCommand.Usage;

    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        // Options ("--urls …", "Key=value") are configuration for the web host, not commands.
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=')) return null;
        switch (args)
        {
            case ["migrate"]:
                await Infrastructure.Persistence.DatabaseInitializer.MigrateAndSeedAsync(app.Services);
                return 0;
            case ["audit", "verify", .. var options]:
                return await AuditCommand.VerifyAsync(app.Services, Console.Out, Console.Error, CancellationToken.None, options);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
