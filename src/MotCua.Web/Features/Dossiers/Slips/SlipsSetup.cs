using MotCua.Web.Features.Documents;

namespace MotCua.Web.Features.Dossiers.Slips;

public static class SlipsSetup
{
    public static IServiceCollection AddSlips(this IServiceCollection services)
    {
        services.AddSingleton<PublicAddress>();
        services.AddScoped<SlipService>();
        return services;
    }
}
