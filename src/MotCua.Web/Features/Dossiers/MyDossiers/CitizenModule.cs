using MotCua.Web.Features.Dossiers.Filing;

namespace MotCua.Web.Features.Dossiers.MyDossiers;

/// <summary>The citizen's side of dossiers: drafts and the filing wizard, "my dossiers" and their JSON endpoints.</summary>
public static class CitizenModule
{
    public static IServiceCollection AddCitizenDossiers(this IServiceCollection services)
    {
        services.AddScoped<DraftStore>();
        return services;
    }
}
