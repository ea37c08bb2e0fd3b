using System.Globalization;
using MotCua.Domain.Organization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Organization.Seeding;

/// <summary>
/// Resolution 1656/NQ-UBTVQH15 (from 1 July 2025): the 126 new communes and wards open directly under the
/// city; every old ward closes into the new unit(s) that took its area (partial splits included); every
/// district closes. Open work of a split unit moves to its primary successor: the new unit that carries the
/// old unit's name, else the one that took its whole area, else the first named in the resolution.
/// </summary>
internal static class TwoLevelReform
{
    public static List<ReorganizationChange> Build(UnitTree tree, Dictionary<string, Guid> codes)
    {
        var root = tree.FindByCode(UnitCodes.CityPeoplesCommittee) ?? throw new InvalidDataException("The city is missing.");
        var changes = new List<ReorganizationChange>();
        var newUnits = CsvReader.ReadFile(SeedFiles.Units(SeedFiles.UnitsFromJuly2025)).ToList();
        var shortNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in newUnits)
        {
            var order = int.Parse(row["gso_list_order"], CultureInfo.InvariantCulture);
            shortNames[row["code"]] = row["short_name"];
            changes.Add(new OpenUnit(Key(row["code"]), UnitCodes.Commune2025(order), row["code"], row["name"], row["short_name"],
                UnitKinds.FromLegalKind(row["kind"]), UnitRef.To(root.Id)));
        }

        // One source row is known to be wrong (Seed/units/README.md: 09859 Xã Sơn Đồng → 09616); the check column flags it.
        var mapping = CsvReader.ReadFile(SeedFiles.Units(SeedFiles.WardMappingJuly2025)).Where(r => r["name_check"] == "ok").ToList();
        var districtShares = new Dictionary<Guid, Dictionary<string, int>>();
        foreach (var ward in mapping.GroupBy(r => r["old_code"]))
        {
            var old = HanoiReforms.ByAdministrativeCode(tree, codes, ward.Key);
            var rows = ward.ToList();
            var primary = rows.FirstOrDefault(r => shortNames[r["new_code"]] == old.ShortName)
                ?? rows.FirstOrDefault(r => r["merge_type"] == "full")
                ?? rows[0];
            var ordered = rows.Where(r => r != primary).Prepend(primary).DistinctBy(r => r["new_code"]);
            changes.Add(new CloseUnit(old.Id, [.. ordered.Select(r => new Successor(UnitRef.ToNew(Key(r["new_code"])), r["merge_type"] != "full"))]));

            if (old.ParentId is { } district)
            {
                if (!districtShares.TryGetValue(district, out var shares)) districtShares[district] = shares = [];
                shares[primary["new_code"]] = shares.GetValueOrDefault(primary["new_code"]) + 1;
            }
        }

        foreach (var district in tree.All.Where(u => u.Kind == UnitKind.District))
        {
            var shares = districtShares.GetValueOrDefault(district.Id) ?? [];
            var successors = shares
                .OrderByDescending(s => shortNames[s.Key] == district.ShortName)
                .ThenByDescending(s => s.Value)
                .ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new Successor(UnitRef.ToNew(Key(s.Key)), Partial: shares.Count > 1));
            changes.Add(new CloseUnit(district.Id, [.. successors]));
        }
        return changes;
    }

    private static string Key(string administrativeCode) => "commune-" + administrativeCode;
}
