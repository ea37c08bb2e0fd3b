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
    public async Task In_demo_mode_the_sms_gateway_simulator_answers_and_in_production_it_does_not_exist()
    {
        await using (var demo = new MotCuaFactory())
        {
            var response = await demo.CreateClient().GetAsync(new Uri("/simulators/sms/messages", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await using var production = new ProductionFactory();
        var none = await production.CreateClient().GetAsync(new Uri("/simulators/sms/messages", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }
}
