using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Organization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Organization.Seeding;

/// <summary>
/// A row of Seed/units/hanoi-agencies.csv: a city-level agency, with its dates and successor. The file gives
/// the last day an agency existed (valid_to, inclusive); here ValidTo is the first day it no longer does,
/// the convention of every unit in the product.
/// </summary>
public sealed record AgencySeed(
    Guid Id, string Slug, string Code, string Name, string ShortName, UnitKind Kind, string? ParentSlug,
    DateOnly ValidFrom, DateOnly? ValidTo, string? SuccessorSlug)
{
    public static IReadOnlyList<AgencySeed> Load() =>
        [.. CsvReader.ReadFile(SeedFiles.Units(SeedFiles.Agencies)).Select(r => new AgencySeed(
            IdOf(r["id"]), r["id"], r["code"], r["name"], string.IsNullOrWhiteSpace(r["short_name"]) ? r["name"] : r["short_name"],
            UnitKinds.TryParseKey(r["kind"], out var kind) ? kind : throw new InvalidDataException($"Unknown kind '{r["kind"]}' for {r["id"]}."),
            Blank(r["parent_id"]), ParseDate(r["valid_from"]) ?? HanoiBaseline.Founded, ParseDate(r["valid_to"])?.AddDays(1), Blank(r["successor_id"])))];

    /// <summary>Seeded agencies keep the same id on every installation, so exports and links stay stable.</summary>
    public static Guid IdOf(string slug)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("motcua-agency:" + slug));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? ParseDate(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : DateOnly.ParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
