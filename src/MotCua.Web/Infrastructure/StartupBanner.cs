using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Organization.Seeding;

namespace MotCua.Web.Infrastructure;

/// <summary>What the person who just typed the run command needs to see: where to go and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, MotCuaOptions options)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var vneid = app.Services.GetRequiredService<IOptions<VNeIdOptions>>().Value;
        Console.Out.WriteLine(string.Join(Environment.NewLine, Lines(addresses, options, bundledVNeId: string.IsNullOrWhiteSpace(vneid.Authority))));
    }

    /// <summary>
    /// The banner's lines. The demo sign-ins — password and each account's authenticator key — only in demo
    /// mode: in production those accounts do not exist, and nothing secret is ever written to the console.
    /// </summary>
    public static IReadOnlyList<string> Lines(IEnumerable<string> addresses, MotCuaOptions options, bool bundledVNeId = true)
    {
        var lines = new List<string> { "", "MotCua is running." };
        lines.AddRange(addresses.Select(a => $"  Open {a}"));
        if (options.Demo)
        {
            lines.Add($"  Demo staff sign-ins (password {DemoStaffSeeder.Password}, then the 6-digit code of an authenticator app");
            lines.Add("  given the account's key) — demo only, never in production:");
            lines.AddRange(DemoStaffSeeder.Accounts.Select(a => $"    {a.Email,-24} key {a.TotpSecret}  {a.Role,-15} {a.Description}"));
            if (bundledVNeId)
                lines.Add("  Citizens sign in at /citizen/sign-in through the bundled VNeID stand-in (pick a demo citizen).");
        }
        lines.Add("");
        return lines;
    }
}
