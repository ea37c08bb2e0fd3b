namespace MotCua.Web.Features.Calendar;

public static class CalendarModule
{
    public static IServiceCollection AddCalendarModule(this IServiceCollection services)
    {
        services.AddSingleton<UnitCalendars>();
        return services;
    }
}
