using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Localization;
using MotCua.Web.Infrastructure.Observability;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Privacy;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web;

/// <summary>How the host is put together; Program.cs stays three lines so tests and tools reuse the same wiring.</summary>
public static class HostSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi"), new("en")];

    public static WebApplicationBuilder AddMotCua(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddMotCuaLogging();
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        var (provider, connectionString) = DatabaseSetup.Resolve(builder.Configuration, Directory.GetCurrentDirectory());
        services.AddMotCuaDatabase(provider, connectionString);
        builder.Configuration.LoadPersonalDataKey(Directory.GetCurrentDirectory());
        services.AddMotCuaStorage(builder.Configuration);
        services.Configure<MotCuaOptions>(builder.Configuration.GetSection(MotCuaOptions.Section));
        services.AddSingleton(TimeProvider.System);

        // Keys in the database: every instance decrypts every other's cookies and survives restarts.
        services.AddDataProtection().SetApplicationName("MotCua").PersistKeysToDbContext<MotCuaDbContext>();

        // Vietnamese stays as text in the HTML instead of &#x…; entities: smaller pages, readable source.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" }, new CookieRequestCultureProvider()];
        });

        services.AddTransportSecurity(builder.Configuration);
        services.AddMotCuaObservability(builder.Configuration);
        services.AddMotCuaOutbox(builder.Configuration);
        services.AddNotificationsModule(builder.Configuration);
        services.AddProblemDetails();
        services.AddMotCuaRateLimits(builder.Configuration);
        services.AddPublicRateLimits(builder.Configuration);
        services.AddPublicListCache(builder.Configuration);
        services.AddMotCuaFeatures(builder.Configuration);
        return builder;
    }

    public static WebApplication UseMotCua(this WebApplication app)
    {
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the cache never serves or stores a signed-in request.
        app.UseOutputCache();
        app.MapMotCuaObservability();
        app.MapMotCuaFeatures();
        app.MapSimulators();
        return app;
    }
}
