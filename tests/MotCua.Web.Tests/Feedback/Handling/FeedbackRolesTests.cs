using System.Net;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Feedback.Handling.FeedbackHandlingTests;

namespace MotCua.Web.Tests.Feedback.Handling;

/// <summary>
/// Roles × actions on a report of Phường Hoàn Kiếm (docs/adr/0025): specialists and leaders of the ward handle it,
/// leaders and supervisors above moderate, supervisors re-route within their subtree; counter officers and
/// administrators see it and may not act; another ward's staff do not see it at all.
/// </summary>
public sealed class FeedbackRolesTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK, No = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NotFound;

    public static TheoryData<string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        // caller,                          acknowledge, reject, reroute, moderate
        { "motcua@motcua.demo",              No,   No,   No,   No },
        { "chuyenvien@motcua.demo",          Ok,   Ok,   Ok,   No },
        { "lanhdao@motcua.demo",             Ok,   Ok,   Ok,   Ok },
        { "giamsat@motcua.demo",             No,   No,   Ok,   Ok },
        { "admin@motcua.demo",               No,   No,   No,   No },
        { "fb-ward-supervisor@motcua.test",  No,   No,   No,   Ok },
        { "fb-other-ward@motcua.test",       Gone, Gone, Gone, Gone },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_exactly_its_share(string email, HttpStatusCode acknowledge, HttpStatusCode reject, HttpStatusCode reroute, HttpStatusCode moderate)
    {
        await TestStaff.EnsureAsync(factory, "fb-ward-supervisor@motcua.test", StaffRole.Supervisor, UnitCodes.Commune2025(1), "Giám Sát Phường");
        await TestStaff.EnsureAsync(factory, "fb-other-ward@motcua.test", StaffRole.Specialist, UnitCodes.Commune2025(2), "Chuyên Viên Phường Khác");
        using var client = await StaffClient.SignInAsync(factory, email);

        async Task Expect(HttpStatusCode expected, string action, object body)
        {
            var report = await FileAsync(factory);
            // Seeing the report goes with being let near it.
            Assert.Equal(expected == Gone ? Gone : Ok, (await client.GetAsync($"/api/v1/feedback/{report.Id}")).StatusCode);
            var response = await ActAsync(client, report.Id, action, body);
            Assert.True(expected == response.StatusCode, $"{email} {action}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var stored = await ReloadAsync(factory, report.Id);
            Assert.Equal(expected == Ok ? 2 : 1, stored.Version);
        }

        await Expect(acknowledge, "acknowledge", new { version = 1 });
        await Expect(reject, "reject", new { version = 1, reason = "Không thuộc phạm vi xử lý." });
        // The ward's supervisor oversees only the ward: sending the report to the next ward is outside their reach.
        await Expect(reroute, "reroute", new { version = 1, toUnit = UnitCodes.Commune2025(2), reason = "Thuộc phường bên cạnh." });
        await Expect(moderate, "moderate", new { version = 1, hidden = true });
    }
}
