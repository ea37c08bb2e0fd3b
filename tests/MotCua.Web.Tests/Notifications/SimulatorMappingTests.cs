using System.Net;
using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Notifications;

/// <summary>The bundled simulators answer in demo mode only: a production configuration never exposes them.</summary>
public sealed class SimulatorMappingTests
{
    private sealed class ProductionFactory : MotCuaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MotCua:Demo", "false");
        }
    }

    [Fact]
    public async Task In_demo_mode_the_simulators_answer_and_in_production_they_do_not_exist()
    {
        string[] simulators = ["/simulators/sms/messages", "/simulators/vneid/.well-known/openid-configuration", "/simulators/vneid/jwks"];
        await using (var demo = new MotCuaFactory())
        {
            foreach (var path in simulators)
                Assert.Equal(HttpStatusCode.OK, (await demo.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
        await using var production = new ProductionFactory();
        foreach (var path in simulators)
            Assert.Equal(HttpStatusCode.NotFound, (await production.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        // No VNeID authority configured in production: citizen sign-in says it is not available, without an exception.
        var signIn = await production.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/citizen/sign-in", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.Contains("chưa được cấu hình", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
