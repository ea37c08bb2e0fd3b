using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>One citizen filing the seeded birth registration (1.001193) with answers made from its own form.</summary>
internal static class BirthFiling
{
    public const string Code = "1.001193";

    public static readonly Actor Citizen = Actor.Applicant("Nguyễn Văn An", "001089012345");

    public static readonly Applicant Owner = new()
    {
        Kind = ApplicantKind.Citizen, FullName = "Nguyễn Văn An", IdNumber = "001089012345", Phone = "0912345678", Address = "12 Hàng Bạc, Hà Nội",
    };

    public static readonly string Answers = Forms.SeededForms.ValidAnswers(Forms.SeededForms.Form(Code)).ToJsonString();

    public static OnlineFiling At(Guid receivingUnit) => new(Code, receivingUnit, Owner, null, Answers, []);

    public static Task<Dossier> FileAsync(DossierService service, Guid receivingUnit, string key) =>
        service.FileOnlineAsync(At(receivingUnit), Citizen, key, CancellationToken.None);
}
