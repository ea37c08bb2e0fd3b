using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers.Slips;

/// <summary>A host with a public address set (as behind a proxy) and room for many lookups.</summary>
public sealed class SlipsFactory : MotCuaFactory
{
    public const string PublicUrl = "https://dichvucong.hanoi.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:PublicUrl", PublicUrl + "/");
        builder.UseSetting("MotCua:RateLimits:PublicLookupPerMinute", "1000");
    }
}
