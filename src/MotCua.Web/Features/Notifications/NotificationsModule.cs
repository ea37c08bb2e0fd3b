using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IOutboxHandler, EmailHandler>();
        return services;
    }
}
