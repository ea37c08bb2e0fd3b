using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Documents.Registry;
using MotCua.Web.Features.Documents.Signing;

namespace MotCua.Web.Features.Documents;

/// <summary>The document registry, PDF signing and the public verification page and API (docs/documents.md).</summary>
public static class DocumentsModule
{
    /// <summary>Per client address: verification pages and API reads, and (fewer) uploaded files to check.</summary>
    public const string ReadPolicy = "documents-read";
    public const string UploadPolicy = "documents-upload";

    public static IServiceCollection AddDocumentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.Configure<SigningOptions>(configuration.GetSection(SigningOptions.Section));
        services.AddScoped<DocumentRegistry>();
        services.AddScoped<DemoCertificateAuthority>();
        services.AddScoped<SignatureTrust>();
        services.AddScoped<PdfSigning>();
        services.AddScoped<DocumentVerification>();
        services.AddScoped<IDocumentSigner>(sp => UsesDemoCa(sp)
            ? ActivatorUtilities.CreateInstance<DemoDocumentSigner>(sp)
            : ActivatorUtilities.CreateInstance<Pkcs12DocumentSigner>(sp));

        var reads = configuration.GetValue("MotCua:RateLimits:DocumentReadsPerMinute", 120);
        var uploads = configuration.GetValue("MotCua:RateLimits:DocumentUploadsPerMinute", 10);
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(ReadPolicy, http => PerClient(http, ReadPolicy, reads));
            o.AddPolicy(UploadPolicy, http => PerClient(http, UploadPolicy, uploads));
        });
        return services;
    }

    /// <summary>The demo CA only in demo mode, and only when no other mode is configured.</summary>
    private static bool UsesDemoCa(IServiceProvider sp)
    {
        var mode = sp.GetRequiredService<IOptions<SigningOptions>>().Value.Mode;
        var demo = sp.GetRequiredService<IOptions<MotCuaOptions>>().Value.Demo;
        return demo && (string.IsNullOrEmpty(mode) || string.Equals(mode, SigningOptions.DemoMode, StringComparison.OrdinalIgnoreCase));
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            policy + ":" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
