using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Slips;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Feedback.Open311;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Home;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features;

/// <summary>Registers every module. Each module keeps its own services and endpoints in its folder.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddMotCuaFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.ConfigureFilter(new Shared.PostNeedsHandler());
        }).AddViewLocalization();

        services.AddIdentity<StaffUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<MotCuaDbContext>()
            .AddDefaultTokenProviders()
            // In place of Identity's authenticator provider: same codes, each accepted once (docs/adr/0018).
            .AddTokenProvider<StaffAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
        services.AddScoped<StaffSignInFlow>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // An administrator's reset or deactivation ends the account's sessions within a minute, not Identity's default 30.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The refreshed principal is rebuilt from the database, which does not know how the user signed in: keep the
            // proof of both factors, or the staff policies would deny the session at its first refresh.
            o.OnRefreshingPrincipal = c =>
            {
                if (c.CurrentPrincipal?.HasClaim(StaffPolicies.MethodClaim, StaffPolicies.TwoFactors) == true
                    && c.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && !identity.HasClaim(StaffPolicies.MethodClaim, StaffPolicies.TwoFactors))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(StaffPolicies.MethodClaim, StaffPolicies.TwoFactors));
                }
                return Task.CompletedTask;
            };
        });
        // The cookie of a sign-in under way (password passed, steps left): it opens nothing but the steps.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "motcua.staff.signin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Long enough to install an app and scan a code, short enough that a forgotten half sign-in expires.
            o.ExpireTimeSpan = TimeSpan.FromMinutes(15);
            o.SlidingExpiration = false;
        });
        new Microsoft.AspNetCore.Authentication.AuthenticationBuilder(services).AddCitizenCookie().AddVNeId(configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "motcua.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API callers get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization(o =>
        {
            StaffPolicies.Add(o);
            CitizenIdentity.Add(o);
            CatalogPolicy.Add(o);
        });

        services.AddOrganizationModule();
        services.AddCalendarModule();
        services.AddCatalogModule();
        services.AddDossiersModule(configuration);
        services.AddSlips();
        services.AddDocumentsModule(configuration);
        services.AddAuditModule(configuration);
        services.AddFeedbackModule(configuration);
        Payments.PaymentsModule.AddPaymentsModule(services, configuration);
        services.AddScoped<Features.Dossiers.Lookup.DossierLookup>();
        Dossiers.MyDossiers.CitizenModule.AddCitizenDossiers(services);
        Delivery.DeliveryModule.AddDeliveryModule(services, configuration);
        NationalPortal.PortalModule.AddNationalPortalModule(services, configuration);
        Insight.InsightModule.AddInsightModule(services, configuration);
        return services;
    }

    public static WebApplication MapMotCuaFeatures(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapCultureSwitch();
        app.MapCalendarApi();
        app.MapCatalogApi();
        app.MapOrganizationApi();
        app.MapDossierApi();
        app.MapDossierActionsApi();
        app.MapCounterApi();
        app.MapInboxApi();
        app.MapSlipEndpoints();
        app.MapDocumentsApi();
        app.MapAuditApi();
        app.MapOpen311();
        app.MapFeedbackPhotos();
        Feedback.Handling.FeedbackHandlingApi.MapFeedbackHandling(app);
        Feedback.Reporting.ReportingApi.MapFeedbackReporting(app);
        Payments.PaymentsModule.MapPayments(app);
        Dossiers.MyDossiers.MyDossiersApi.MapMyDossiers(app);
        Delivery.DeliveryModule.MapDelivery(app);
        NationalPortal.PortalModule.MapNationalPortal(app);
        Insight.InsightModule.MapInsight(app);
        // An unknown address is a 404 for everyone, not a sign-in page: the fallback policy would otherwise
        // send anonymous visitors to sign in for a page that does not exist.
        // "{**path}", not the default "{*path:nonfile}": a file-like address (the browser's /favicon.ico) was also sent
        // to the staff sign-in, and that page's new anti-forgery cookie raced a first visit's form and failed its post.
        app.MapFallback("{**path}", () => Results.NotFound()).AllowAnonymous();
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
