namespace MotCua.Web.Features.Dossiers;

public static class DossiersModule
{
    public static IServiceCollection AddDossiersModule(this IServiceCollection services)
    {
        services.AddScoped<DossierCodeAllocator>();
        return services;
    }
}
