using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Simulators.NationalPortal;
using MotCua.Simulators.Sms;

namespace MotCua.Durability.Tests.ScaleOut;

/// <summary>
/// The SMS gateway and the national portal as the instances see them in production: one service outside every
/// instance, reached over HTTP. Hosted in the test process so the test counts what each received, including resends;
/// the instances' own bundled simulators would each see only their share.
/// </summary>
internal sealed class ExternalSystems : IAsyncDisposable
{
    public const string SmsKey = "scale-sms-key";
    public const string PortalKey = "scale-portal-key";

    private readonly WebApplication _app;

    private ExternalSystems(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public SmsGatewaySimulator Sms { get; } = new(SmsKey);

    public PortalSimulator Portal { get; } = new(PortalKey);

    public static async Task<ExternalSystems> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = ProductProcess.FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var systems = new ExternalSystems(app, new Uri($"http://127.0.0.1:{port}/"));
        systems.Sms.Map(app, "/sms");
        systems.Portal.Map(app, "/dvcqg");
        await app.StartAsync();
        return systems;
    }

    /// <summary>The settings that point an instance at these services (what /etc/motcua/motcua.env would say).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["MotCua__Sms__Url"] = new Uri(BaseAddress, "sms").ToString(),
        ["MotCua__Sms__ApiKey"] = SmsKey,
        ["MotCua__NationalPortal__Url"] = new Uri(BaseAddress, "dvcqg").ToString(),
        ["MotCua__NationalPortal__ApiKey"] = PortalKey,
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
