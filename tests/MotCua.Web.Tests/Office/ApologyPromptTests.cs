using System.Net;
using MotCua.Domain.Dossiers;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Office.OfficeHelpers;

namespace MotCua.Web.Tests.Office;

/// <summary>
/// A late step shows in the inbox and on the dossier page, which prompts for the apology slip (form 04). The
/// lateness tests' city serves: its clock starts on Monday 2 March 2026, 09:00 in Hanoi, and the test moves it.
/// </summary>
public sealed class ApologyPromptTests(LatenessFactory factory) : IClassFixture<LatenessFactory>
{
    [Fact]
    public async Task A_dossier_past_its_step_time_prompts_the_handler_for_the_apology_slip()
    {
        var accepted = await FileOnlineAsync(factory, "Bùi Văn Trễ Hạn", accept: true);
        using (var early = await StaffClient.SignInAsync(factory, Specialist))
        {
            Assert.DoesNotContain("id=\"apology-prompt\"", await early.GetPageAsync(Page(accepted.Id)), StringComparison.Ordinal);
        }

        factory.Clock.Advance(TimeSpan.FromDays(1)); // a working day later: the one-day birth registration is late
        using var specialist = await StaffClient.SignInAsync(factory, Specialist); // the sign-in of the day before has expired
        var inbox = await specialist.GetPageAsync("/staff/inbox?view=overdue");
        Assert.Contains(Page(accepted.Id), inbox, StringComparison.Ordinal);
        Assert.Contains("Cần xin lỗi", inbox, StringComparison.Ordinal);
        var page = await specialist.GetPageAsync(Page(accepted.Id));
        Assert.Contains("id=\"apology-prompt\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#form-apology\"", page, StringComparison.Ordinal);

        var noDate = await ActAsync(specialist, accepted.Id, "apology", new() { ["Reason"] = "Chờ xác minh", ["NewAppointment"] = "mai" });
        Assert.Equal(HttpStatusCode.OK, noDate.StatusCode);
        Assert.Contains("id=\"apology-NewAppointment-error\"", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ActOkAsync(specialist, accepted.Id, "apology", new() { ["Reason"] = "Chờ xác minh thông tin hộ tịch", ["NewAppointment"] = "2026-03-06T10:00" });
        var after = await LoadAsync(factory, accepted.Id);
        var slip = Assert.Single(after.ApologySlips);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.FromHours(7)), slip.NewAppointment);
        Assert.Equal(slip.NewAppointment, after.AppointmentAt);
        Assert.Equal(accepted.DueAt, after.DueAt); // the KPI keeps the original date
        Assert.Contains(after.Events, e => e.Type == DossierEventType.ApologyIssued && e.PublicText is not null);
    }
}
