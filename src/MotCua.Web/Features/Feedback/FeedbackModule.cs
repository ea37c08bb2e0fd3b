namespace MotCua.Web.Features.Feedback;

/// <summary>Citizen feedback (issue 6): categories, routing and the reports' service; pages and Open311 come with it.</summary>
public static class FeedbackModule
{
    public static IServiceCollection AddFeedbackModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackEscalationOptions>(configuration.GetSection(FeedbackEscalationOptions.Section));
        services.AddScoped<FeedbackEscalation>();
        services.AddHostedService<FeedbackEscalationWatch>();
        services.Configure<FeedbackReminderOptions>(configuration.GetSection(FeedbackReminderOptions.Section));
        services.AddScoped<FeedbackReminders>();
        services.AddHostedService<FeedbackReminderWatch>();
        services.AddScoped<FeedbackRecipients>();
        services.Configure<Photos.FeedbackPhotoSweepOptions>(configuration.GetSection(Photos.FeedbackPhotoSweepOptions.Section));
        services.AddScoped<Photos.FeedbackPhotoSweep>();
        services.AddHostedService<Photos.FeedbackPhotoSweepWatch>();
        services.AddSingleton<FeedbackCategories>();
        services.AddScoped<FeedbackRouting>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<FeedbackNotifier>();
        services.AddScoped<Photos.FeedbackPhotos>();
        services.AddScoped<FeedbackSeeder>();
        services.AddScoped<Open311.Open311Keys>();
        services.AddScoped<Handling.FeedbackHandling>();
        services.AddScoped<Handling.FeedbackInbox>();
        // The citizen side: the reporting page, the public map and list, following, rating and reopening.
        services.Configure<Reporting.ReportingOptions>(configuration.GetSection(Reporting.ReportingOptions.Section));
        if (Reporting.ReportingOptions.TileOrigin(configuration[$"{Reporting.ReportingOptions.Section}:TileUrl"]) is { } tiles)
            services.Configure<Infrastructure.SecurityHeadersOptions>(o => o.ImageOrigins.Add(tiles));
        services.AddScoped<Reporting.NearbyReports>();
        services.AddScoped<Public.PublicReports>();
        services.AddScoped<Public.CitizenActions>();
        return services;
    }
}
