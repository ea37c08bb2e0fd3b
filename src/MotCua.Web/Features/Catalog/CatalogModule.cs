namespace MotCua.Web.Features.Catalog;

public static class CatalogModule
{
    public static IServiceCollection AddCatalogModule(this IServiceCollection services)
    {
        services.AddSingleton<CatalogSearch>();
        services.AddScoped<CatalogService>();
        services.AddScoped<Seeding.CatalogSeeder>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CityAdministratorHandler>();
        return services;
    }
}
