using MotCua.Web.Features.Dossiers.Attachments;

namespace MotCua.Web.Features.Dossiers;

public static class DossiersModule
{
    public static IServiceCollection AddDossiersModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DossierCodeAllocator>();
        services.AddScoped<DossierService>();
        services.AddSingleton<LookupLink>();
        services.AddSingleton<FilingProcedures>();
        services.AddScoped<DossierNotifier>();
        services.AddScoped<DossierStaff>();
        services.AddScoped<DossierActions>();
        services.AddScoped<InboxQuery>();
        services.AddScoped<ResultDocuments.ResultNotice>();
        services.Configure<Lateness.LatenessOptions>(configuration.GetSection(Lateness.LatenessOptions.Section));
        services.AddScoped<Lateness.LatenessScan>();
        services.AddHostedService<Lateness.LatenessWatch>();
        services.AddScoped<Organization.IOpenWorkMover, DossierOpenWorkMover>();
        services.AddSingleton<WorkflowUnits>();
        services.Configure<WorkflowUnitOptions>(o => configuration.GetSection(WorkflowUnitOptions.Section).Bind(o.Departments));
        services.AddDossierAttachments(configuration);
        return services;
    }
}
