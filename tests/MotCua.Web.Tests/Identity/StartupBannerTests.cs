using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>The demo accounts' password and authenticator keys are printed in demo mode, and never otherwise.</summary>
public sealed class StartupBannerTests
{
    [Fact]
    public void Demo_mode_prints_each_demo_account_with_its_authenticator_key()
    {
        var text = string.Join('\n', StartupBanner.Lines(["http://localhost:5080"], new MotCuaOptions { Demo = true }));
        Assert.Contains(DemoStaffSeeder.Password, text, StringComparison.Ordinal);
        foreach (var account in DemoStaffSeeder.Accounts)
        {
            var line = text.Split('\n').Single(l => l.Contains(account.Email, StringComparison.Ordinal));
            Assert.Contains(account.TotpSecret, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Production_mode_prints_no_demo_sign_in_at_all()
    {
        var text = string.Join('\n', StartupBanner.Lines(["http://localhost:5080"], new MotCuaOptions { Demo = false }));
        Assert.Contains("http://localhost:5080", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoStaffSeeder.Password, text, StringComparison.Ordinal);
        foreach (var account in DemoStaffSeeder.Accounts)
        {
            Assert.DoesNotContain(account.TotpSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(account.Email, text, StringComparison.Ordinal);
        }
    }
}
