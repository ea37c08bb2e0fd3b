namespace MotCua.Web.Features.Feedback;

/// <summary>Citizen feedback (issue 6): categories, routing and the reports' service; pages and Open311 come with it.</summary>
public static class FeedbackModule
{
    public static IServiceCollection AddFeedbackModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackEscalationOptions>(configuration.GetSection(FeedbackEscalationOptions.Section));
        services.AddScoped<FeedbackEscalation>();
        services.AddHostedService<FeedbackEscalationWatch>();
        services.AddSingleton<FeedbackCategories>();
        services.AddScoped<FeedbackRouting>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<FeedbackNotifier>();
        services.AddScoped<Photos.FeedbackPhotos>();
        services.AddScoped<FeedbackSeeder>();
        services.AddScoped<Open311.Open311Keys>();
        services.AddScoped<Handling.FeedbackHandling>();
        services.AddScoped<Handling.FeedbackInbox>();
        return services;
    }
}
