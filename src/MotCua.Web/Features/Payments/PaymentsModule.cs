using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using MotCua.Simulators.VNPay;

namespace MotCua.Web.Features.Payments;

/// <summary>Fees, payment orders, VNPay (and its bundled simulator in demo mode), receipts, refunds.</summary>
public static class PaymentsModule
{
    public const string IpnPath = "/payments/vnpay/ipn";
    public const string ReturnPath = "/payments/vnpay/return";
    public const string SimulatorHttpClient = "vnpay-simulator";

    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VnPayOptions>(configuration.GetSection(VnPayOptions.Section));
        // "Pay online" is a form whose answer redirects to the gateway: browsers check that redirect against form-action.
        if (Uri.TryCreate(configuration[VnPayOptions.Section + ":" + nameof(VnPayOptions.PaymentUrl)], UriKind.Absolute, out var gateway))
            services.Configure<Infrastructure.SecurityHeadersOptions>(s => s.FormActionOrigins.Add(gateway.GetLeftPart(UriPartial.Authority)));
        services.AddScoped<FeeService>();
        services.AddScoped<ReceiptNumbers>();
        services.AddScoped<PaymentService>();
        services.AddScoped<PaymentJobs>();
        services.AddScoped<ReceiptPdf>();
        services.AddSingleton<VnPayGateway>();
        services.AddHttpClient(VnPayGateway.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddHttpClient(SimulatorHttpClient, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddHostedService<PaymentWatch>();
        // The bundled gateway (mapped in demo mode only) knows the product as its one merchant, with the demo credentials,
        // and calls the product's IPN at this server's own address.
        services.AddSingleton(sp =>
        {
            var server = sp.GetRequiredService<IServer>();
            var clients = sp.GetRequiredService<IHttpClientFactory>();
            return new VnPaySimulator(VnPayOptions.DemoTmnCode, VnPayOptions.DemoHashSecret,
                () => Infrastructure.SelfAddress.OrLocalhost(server) + IpnPath, () => clients.CreateClient(SimulatorHttpClient), sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        app.MapGet(IpnPath, async (HttpContext c, VnPayGateway gateway, PaymentService payments, CancellationToken ct) =>
        {
            var query = c.Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())).ToList();
            // VNPay's reference answers a call without any input "99 Input data required", before any signature check.
            var code = query.Count == 0 ? Domain.Payments.VnPayRspCodes.Unknown : await payments.HandleIpnAsync(gateway.Verify(query), ct);
            // Exactly VNPay's member names (the web default would write them in camelCase).
            return Results.Json(new Dictionary<string, string> { ["RspCode"] = code, ["Message"] = Domain.Payments.VnPayRspCodes.Message(code) });
        }).AllowAnonymous().DisableAntiforgery();
        ReceiptPdf.Map(app);
        var demo = app.Services.GetRequiredService<IOptions<MotCuaOptions>>().Value.Demo;
        if (demo) app.Services.GetRequiredService<VnPaySimulator>().Map(app, VnPayOptions.SimulatorPrefix);
        return app;
    }
}
