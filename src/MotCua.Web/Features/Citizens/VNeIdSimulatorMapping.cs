using MotCua.Simulators.VNeId;

namespace MotCua.Web.Features.Citizens;

public static class VNeIdSimulatorMapping
{
    /// <summary>The bundled VNeID stand-in at /simulators/vneid; called from MapSimulators, in demo mode only.</summary>
    public static WebApplication MapVNeIdSimulator(this WebApplication app)
    {
        app.Services.GetRequiredService<VNeIdSimulator>().Map(app, VNeIdSignIn.SimulatorPrefix);
        return app;
    }
}
