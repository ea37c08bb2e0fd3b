using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Office;

/// <summary>
/// Base of the back-office pages (/staff/…): signed-in staff holding a role somewhere, not only the back office
/// the administration pages are for. What each person may see and do is decided per dossier on the server
/// (<see cref="DossierActions"/>, <see cref="UnitScope"/>).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public abstract class OfficePageModel : AdminPageModel
{
    protected override bool RequiresBackOffice => false;

    /// <summary>Units where the signed-in person is a counter officer today: their counters.</summary>
    protected async Task<IReadOnlyList<Guid>> CountersAsync(CancellationToken ct) =>
        [.. (await Scope.RolesAsync(ct)).Where(r => r.Role == StaffRole.CounterOfficer).Select(r => r.UnitId).Distinct()];
}

/// <summary>How the office pages write times, statuses, steps and roles.</summary>
public static class OfficeText
{
    /// <summary>Vietnam time, hour first as on the slips: "14:30 02/03/2026".</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? VietnamTime.ToLocal(t).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    public static string StatusKey(DossierStatus status) => "office.status." + (int)status;

    public static string RoleKey(StaffRole role) => AdminText.RoleKey(role);

    public static string EventKey(DossierEventType type) => "office.event." + type;

    public static string ChannelKey(Channel channel) => "office.channel." + ChannelCode.Of(channel);
}
