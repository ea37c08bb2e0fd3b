using MotCua.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Seeding;

/// <summary>A reorganisation that ships with the product, built from the seed files against the live tree.</summary>
public sealed record BundledReform(string Key, DateOnly EffectiveDate, string Title, string LegalBasis, ReorganizationKind Kind);

/// <summary>
/// Hanoi's real reorganisations, applied through <see cref="ReorganizationService"/> exactly as an
/// administrator's would be: the ward mergers of 1 January 2025, the departments of 1 March 2025 and the
/// two-level government of 1 July 2025 (districts abolished, 126 communes and wards).
/// </summary>
public sealed class HanoiReforms(ReorganizationService service, UnitDirectory directory, MotCuaDbContext db)
{
    public IReadOnlyList<BundledReform> All { get; } =
    [
        new("wards-2025-01", new DateOnly(2025, 1, 1), "Sắp xếp đơn vị hành chính cấp xã giai đoạn 2023–2025",
            "Nghị quyết 1286/NQ-UBTVQH15", ReorganizationKind.Merge),
        new("agencies-2025-03", new DateOnly(2025, 3, 1), "Sắp xếp các cơ quan chuyên môn thuộc UBND Thành phố",
            "Nghị quyết của HĐND Thành phố về thành lập, tổ chức lại các sở (2025)", ReorganizationKind.Merge),
        new("communes-2025-07", new DateOnly(2025, 7, 1), "Chính quyền địa phương hai cấp: sắp xếp đơn vị hành chính cấp xã",
            "Nghị quyết 1656/NQ-UBTVQH15", ReorganizationKind.Reform),
    ];

    public async Task<ReorganizationOutcome> ApplyAsync(BundledReform reform, string actor, CancellationToken ct)
    {
        var before = await directory.OnAsync(reform.EffectiveDate, ct);
        var codes = (await db.Units.AsNoTracking().Where(u => u.AdministrativeCode != null)
                .Select(u => new { u.Id, u.AdministrativeCode }).ToListAsync(ct))
            .Where(u => before.Find(u.Id) is not null)
            .ToDictionary(u => u.AdministrativeCode!, u => u.Id, StringComparer.Ordinal);
        // Agencies opened or closed on the same day travel with the reform of that day.
        var changes = AgencyChanges(before, reform.EffectiveDate);
        changes.AddRange(reform.Key switch
        {
            "wards-2025-01" => WardMerges(before, codes),
            "agencies-2025-03" => [],
            "communes-2025-07" => TwoLevelReform.Build(before, codes),
            _ => throw new ArgumentOutOfRangeException(nameof(reform), reform.Key, "Unknown bundled reform."),
        });
        var outcome = await service.ApplyAsync(
            new ReorganizationRequest(reform.Kind, reform.EffectiveDate, reform.Title, reform.LegalBasis, changes), actor, ct);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Bundled reform {reform.Key} does not fit the tree: " +
                string.Join("; ", outcome.Errors.Take(5).Select(e => $"{e.Path} {e.Message}")));
        }
        return outcome;
    }

    internal static UnitSnapshot ByAdministrativeCode(UnitTree tree, Dictionary<string, Guid> adminCodes, string code) =>
        tree.Find(adminCodes.TryGetValue(code, out var id) ? id : Guid.Empty)
        ?? throw new InvalidDataException($"Unit with administrative code {code} is not open on {tree.Day}.");

    /// <summary>Resolution 1286: merged wards close into their successor; surviving wards may be renamed.</summary>
    private static List<ReorganizationChange> WardMerges(UnitTree tree, Dictionary<string, Guid> codes)
    {
        var changes = new List<ReorganizationChange>();
        foreach (var row in CsvReader.ReadFile(SeedFiles.Units(SeedFiles.WardMerges2025)))
        {
            var unit = ByAdministrativeCode(tree, codes, row["old_code"]);
            switch (row["change"])
            {
                case "merged":
                    var successor = ByAdministrativeCode(tree, codes, row["new_code"]);
                    changes.Add(new CloseUnit(unit.Id, [new Successor(UnitRef.To(successor.Id))]));
                    break;
                case "renamed":
                    changes.Add(new AmendUnit(unit.Id, Name: row["new_name"], ShortName: ShortName(row["new_name"])));
                    break;
            }
        }
        return changes;
    }

    /// <summary>The 2025 restructuring of the city's departments, from the agencies file's dates and successors.</summary>
    private static List<ReorganizationChange> AgencyChanges(UnitTree tree, DateOnly day)
    {
        var agencies = AgencySeed.Load();
        var root = tree.FindByCode(UnitCodes.CityPeoplesCommittee) ?? throw new InvalidDataException("The city is missing.");
        var committees = agencies.Where(a => a.Kind == UnitKind.PeoplesCommittee).Select(a => a.Slug).ToHashSet();
        var changes = new List<ReorganizationChange>();
        foreach (var a in agencies.Where(a => a.ValidFrom == day && a.Kind != UnitKind.PeoplesCommittee))
        {
            UnitRef parent = a.ParentSlug is null || committees.Contains(a.ParentSlug) ? UnitRef.To(root.Id) : RefTo(tree, a.ParentSlug);
            changes.Add(new OpenUnit(a.Slug, a.Code, null, a.Name, a.ShortName, a.Kind, parent));
        }
        foreach (var a in agencies.Where(a => a.ValidTo == day && tree.Find(a.Id) is not null))
        {
            var successors = a.SuccessorSlug is null ? [] : new List<Successor> { new(RefTo(tree, a.SuccessorSlug)) };
            changes.Add(new CloseUnit(a.Id, successors));
        }
        return changes;

        static UnitRef RefTo(UnitTree tree, string slug)
        {
            var id = AgencySeed.IdOf(slug);
            return tree.Find(id) is not null ? UnitRef.To(id) : UnitRef.ToNew(slug);
        }
    }

    internal static string ShortName(string name)
    {
        foreach (var prefix in new[] { "Phường ", "Xã ", "Thị trấn ", "Quận ", "Huyện ", "Thị xã " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        }
        return name;
    }
}
