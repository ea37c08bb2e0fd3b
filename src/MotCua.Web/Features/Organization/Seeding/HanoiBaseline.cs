using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Seeding;

/// <summary>
/// Hanoi's units as they stood from early 2020 to the end of 2024: the City People's Committee, its agencies,
/// 30 districts and 579 wards/communes (GSO list). Later states are reached by applying the reforms.
/// </summary>
public sealed class HanoiBaseline(MotCuaDbContext db)
{
    public static readonly DateOnly Founded = new(2020, 3, 1);

    public async Task SeedAsync(CancellationToken ct)
    {
        var rows = CsvReader.ReadFile(SeedFiles.Units(SeedFiles.UnitsUntil2024)).ToList();
        var city = rows.Single(r => r["level"] == "city");
        var agencies = AgencySeed.Load();
        var committee = agencies.First(a => a.Kind == UnitKind.PeoplesCommittee);
        var root = Add(null, committee.Name, committee.ShortName, committee.Code, UnitKind.PeoplesCommittee, city["code"], committee.Id);

        var committees = agencies.Where(a => a.Kind == UnitKind.PeoplesCommittee).Select(a => a.Slug).ToHashSet();
        foreach (var agency in agencies.Where(a => a.Kind != UnitKind.PeoplesCommittee && a.ValidFrom <= Founded && (a.ValidTo is null || a.ValidTo > Founded)))
        {
            var parent = agency.ParentSlug is null || committees.Contains(agency.ParentSlug) ? root : AgencySeed.IdOf(agency.ParentSlug);
            Add(parent, agency.Name, agency.ShortName, agency.Code, agency.Kind, null, agency.Id);
        }

        var districts = rows.Where(r => r["level"] == "district").OrderBy(r => r["code"], StringComparer.Ordinal).ToList();
        for (var d = 0; d < districts.Count; d++)
        {
            var district = districts[d];
            var districtId = Add(root, district["name"], district["short_name"], UnitCodes.District(d + 1), UnitKind.District, district["code"]);
            var wards = rows.Where(r => r["level"] == "ward" && r["parent_code"] == district["code"])
                .OrderBy(r => r["code"], StringComparer.Ordinal).ToList();
            for (var w = 0; w < wards.Count; w++)
            {
                var ward = wards[w];
                Add(districtId, ward["name"], ward["short_name"], UnitCodes.Ward(d + 1, w + 1), UnitKinds.FromLegalKind(ward["kind"]), ward["code"]);
            }
        }
        await db.SaveChangesAsync(ct);
        UnitDirectory.Invalidate();
    }

    private Guid Add(Guid? parent, string name, string shortName, string code, UnitKind kind, string? administrativeCode, Guid? id = null)
    {
        var unitId = id ?? Guid.NewGuid();
        db.Units.Add(new Unit { Id = unitId, AdministrativeCode = administrativeCode, ValidFrom = Founded });
        db.UnitVersions.Add(new UnitVersion
        {
            Id = Guid.NewGuid(), UnitId = unitId, ValidFrom = Founded, Code = code, Name = name, ShortName = shortName,
            Kind = kind, ParentId = parent,
        });
        return unitId;
    }
}
