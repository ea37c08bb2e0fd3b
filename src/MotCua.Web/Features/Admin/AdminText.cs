using System.Globalization;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Admin;

/// <summary>How the administration pages write and read dates, roles and kinds of unit.</summary>
public static class AdminText
{
    public const string IsoDate = "yyyy-MM-dd";

    private static readonly string[] DateFormats = [IsoDate, "d/M/yyyy", "dd/MM/yyyy"];

    /// <summary>Vietnamese day/month/year; in English the month's name, as 3/4/2025 means two days to two readers.</summary>
    public static string Date(DateOnly day) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day) => day is { } d ? Date(d) : "";

    /// <summary>
    /// A validity period. Stored ends are the first day no longer valid; people read the last day valid, so
    /// that is what is shown. A period that ended the day it began never applied, and says so.
    /// </summary>
    public static string Period(IStringLocalizer t, DateOnly from, DateOnly? to) => to switch
    {
        null => t["admin.unit.from", Date(from)],
        { } end when end <= from => t["admin.unit.nevervalid", Date(from)],
        { } end => t["admin.unit.fromto", Date(from), Date(end.AddDays(-1))],
    };

    public static string Iso(DateOnly day) => day.ToString(IsoDate, CultureInfo.InvariantCulture);

    /// <summary>Date inputs send yyyy-MM-dd; a browser without a date picker may send what a person types.</summary>
    public static bool TryParseDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
        && day.Year is >= 1900 and <= 2199;

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string RoleKey(StaffRole role) => "admin.role." + role.ToKey();

    public static string KindKey(UnitKind kind) => "admin.kind." + kind.ToKey();

    public static string ToKey(this StaffRole role)
    {
        var name = role.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParseRole(string? key, out StaffRole role) =>
        Enum.TryParse(key, ignoreCase: true, out role) && Enum.IsDefined(role);
}
