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
        var lines = new List<string> { "", "MotCua is running." };
        lines.AddRange(addresses.Select(a => $"  Open {a}"));
        if (options.Demo)
        {
            lines.Add($"  Demo staff sign-ins (password {DemoStaffSeeder.Password}) — demo only, never in production:");
            lines.AddRange(DemoStaffSeeder.Accounts.Select(a => $"    {a.Email,-26} {a.Role,-15} {a.Description}"));
            if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<VNeIdOptions>>().Value.Authority))
                lines.Add("  Citizens sign in at /citizen/sign-in through the bundled VNeID stand-in (pick a demo citizen).");
        }
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
