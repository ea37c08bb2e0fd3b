using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>The second factor of staff sign-in: enrolment, codes, replay, recovery codes, lockout, and what a half sign-in opens.</summary>
public sealed partial class SecondFactorTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string WrongCodeText = "Mã không đúng hoặc đã được dùng.";

    /// <summary>A specialist of the first ward, without an authenticator unless <paramref name="key"/> is given.</summary>
    private async Task<string> NewStaffAsync(string email, bool mustChangePassword = false, string? key = null)
    {
        await TestStaff.EnsureAsync(factory.Services, email, StaffRole.Specialist, UnitCodes.Commune2025(1), "Cán bộ " + email, key, mustChangePassword);
        return email;
    }

    /// <summary>A 6-digit code that the key does not give now, nor a step either side.</summary>
    private static string WrongCode(string key)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var valid = Enumerable.Range(-2, 5).Select(d => Totp.CodeForStep(key, step + d)).ToHashSet();
        return new[] { "123456", "654321", "111111" }.First(c => !valid.Contains(c));
    }

    private Task<StaffUser> UserAsync(string email) => factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    [Fact]
    public async Task A_new_account_enrols_from_the_qr_code_or_the_typed_key_and_then_signs_in_with_codes()
    {
        var email = await NewStaffAsync("enrol@motcua.test");
        using var client = StaffClient.Anonymous(factory);
        Assert.Equal("/account/two-factor/enrol", await client.PasswordStepAsync(email));

        var page = await client.GetAsync("/account/two-factor/enrol");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Matches(GroupedKeyPattern(), html);
        Assert.Contains("<img src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        var key = StaffClient.SharedKey(html);
        Assert.Equal(key, await TestStaff.SecretOfAsync(factory.Services, email));
        // Reopened, the page shows the same key: a second try at scanning must not invalidate the first.
        Assert.Equal(key, StaffClient.SharedKey(await client.GetPageAsync("/account/two-factor/enrol")));

        var wrong = await client.PostFormExpectingErrorsAsync("/account/two-factor/enrol", new() { ["Code"] = WrongCode(key) });
        Assert.Contains("href=\"#Code\"", wrong, StringComparison.Ordinal);
        Assert.Contains("id=\"Code-error\"", wrong, StringComparison.Ordinal);
        Assert.False((await UserAsync(email)).TwoFactorEnabled);

        var done = await client.PostFormAsync("/account/two-factor/enrol", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("no-store", done.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var codes = StaffClient.RecoveryCodes(await done.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True((await UserAsync(email)).TwoFactorEnabled);
        await client.GetPageAsync("/admin");

        // The recovery codes are not kept readable.
        var stored = await factory.WithDbAsync(db => db.UserTokens.Where(t => t.Name == SecondFactor.RecoveryCodesToken).Select(t => t.Value).ToListAsync());
        Assert.DoesNotContain(stored, v => v != null && codes.Any(c => v.Contains(c, StringComparison.Ordinal)));

        using var again = StaffClient.Anonymous(factory);
        Assert.Equal("/account/two-factor", await again.PasswordStepAsync(email));
        Assert.Equal("/admin", await again.CodeStepAsync(factory, email));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_beside_the_field_and_a_code_is_accepted_once()
    {
        const string email = "replay@motcua.test";
        await TestStaff.EnsureAsync(factory, email, StaffRole.Specialist, UnitCodes.Commune2025(1), "Người Thử Lại");
        using var first = StaffClient.Anonymous(factory);
        Assert.Equal("/account/two-factor", await first.PasswordStepAsync(email));
        var wrong = await first.PostFormExpectingErrorsAsync("/account/two-factor", new() { ["Code"] = WrongCode(TestStaff.Secret) });
        Assert.Contains(WrongCodeText, wrong, StringComparison.Ordinal);
        Assert.Contains("id=\"Code-error\"", wrong, StringComparison.Ordinal);

        await TestStaff.ForgetLastCodeAsync(factory.Services, email);
        var code = Totp.Now(TestStaff.Secret);
        Assert.Equal("/admin", await first.PostFormExpectingRedirectAsync("/account/two-factor", new() { ["Code"] = code }));

        // The same code again, in the same 30 seconds (as someone who saw it typed would): refused.
        using var second = StaffClient.Anonymous(factory);
        Assert.Equal("/account/two-factor", await second.PasswordStepAsync(email));
        var replayed = await second.PostFormExpectingErrorsAsync("/account/two-factor", new() { ["Code"] = code });
        Assert.Contains(WrongCodeText, replayed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = await NewStaffAsync("recovery@motcua.test");
        IReadOnlyList<string> codes;
        using (var enrol = StaffClient.Anonymous(factory))
        {
            await enrol.PasswordStepAsync(email);
            var key = StaffClient.SharedKey(await enrol.GetPageAsync("/account/two-factor/enrol"));
            var done = await enrol.PostFormAsync("/account/two-factor/enrol", new() { ["Code"] = Totp.Now(key) });
            codes = StaffClient.RecoveryCodes(await done.Content.ReadAsStringAsync());
        }

        using (var client = StaffClient.Anonymous(factory))
        {
            await client.PasswordStepAsync(email);
            // Case and spaces do not matter: people copy them off paper.
            var typed = codes[0].ToLowerInvariant().Replace("-", " - ", StringComparison.Ordinal);
            Assert.Equal("/admin", await client.PostFormExpectingRedirectAsync("/account/two-factor/recovery", new() { ["Code"] = typed }));
        }
        using (var client = StaffClient.Anonymous(factory))
        {
            await client.PasswordStepAsync(email);
            var used = await client.PostFormExpectingErrorsAsync("/account/two-factor/recovery", new() { ["Code"] = codes[0] });
            Assert.Contains("Mã khôi phục không đúng hoặc đã được dùng.", used, StringComparison.Ordinal);
            Assert.Equal("/admin", await client.PostFormExpectingRedirectAsync("/account/two-factor/recovery", new() { ["Code"] = codes[1] }));
        }
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_out_like_wrong_passwords()
    {
        const string email = "lockout@motcua.test";
        await TestStaff.EnsureAsync(factory, email, StaffRole.Specialist, UnitCodes.Commune2025(1), "Người Bị Khóa");
        using var client = StaffClient.Anonymous(factory);
        await client.PasswordStepAsync(email);
        string html = "";
        for (var i = 0; i < 5; i++)
        {
            html = await client.PostFormExpectingErrorsAsync("/account/two-factor", new() { ["Code"] = WrongCode(TestStaff.Secret) });
        }
        Assert.Contains("Tài khoản tạm khóa", html, StringComparison.Ordinal);
        Assert.True((await UserAsync(email)).LockoutEnd > DateTimeOffset.UtcNow);

        // Locked: the right code no longer helps, and nor does the password.
        await TestStaff.ForgetLastCodeAsync(factory.Services, email);
        var right = await client.PostFormExpectingErrorsAsync("/account/two-factor", new() { ["Code"] = Totp.Now(TestStaff.Secret) });
        Assert.Contains("Tài khoản tạm khóa", right, StringComparison.Ordinal);
        using var fresh = StaffClient.Anonymous(factory);
        var password = await fresh.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = DemoStaffSeeder.Password });
        Assert.Contains("Tài khoản tạm khóa", await password.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_the_code_is_given_pages_lead_back_to_it_and_the_api_answers_401()
    {
        using var client = StaffClient.Anonymous(factory);
        Assert.Equal("/account/two-factor", await client.PasswordStepAsync("chuyenvien@motcua.demo"));

        var page = await client.GetAsync("/staff/inbox");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var signIn = await client.GetAsync(page.Headers.Location!.PathAndQuery());
        Assert.Equal("/account/two-factor", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/inbox")).StatusCode);
        // Enrolment and the password change are not this account's step: back to the code.
        Assert.Equal("/account/two-factor", (await client.GetAsync("/account/two-factor/enrol")).Headers.Location?.OriginalString);
        Assert.Equal("/account/two-factor", (await client.GetAsync("/account/password")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_forced_password_change_cannot_be_skipped_by_typing_another_address()
    {
        var email = await NewStaffAsync("mustchange@motcua.test", mustChangePassword: true);
        using var client = StaffClient.Anonymous(factory);
        Assert.Equal("/account/password", await client.PasswordStepAsync(email));

        foreach (var url in new[] { "/admin", "/staff/inbox", "/account/two-factor", "/account/two-factor/enrol", "/account/two-factor/recovery" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            var target = response.Headers.Location!.PathAndQuery();
            if (target.StartsWith("/account/sign-in", StringComparison.Ordinal)) target = (await client.GetAsync(target)).Headers.Location!.PathAndQuery();
            Assert.Equal("/account/password", target);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/inbox")).StatusCode);
        // A post to enrolment does nothing either.
        var post = await client.PostFormAsync("/account/password", new() { ["Code"] = "123456" }, action: "/account/two-factor/enrol");
        Assert.Equal("/account/password", post.Headers.Location?.OriginalString);
        Assert.Null(await TestStaff.SecretOfAsync(factory.Services, email));

        var changed = await client.PostFormExpectingRedirectAsync("/account/password",
            new() { ["Current"] = DemoStaffSeeder.Password, ["Password"] = "Chosen-Pass-2026!", ["Confirm"] = "Chosen-Pass-2026!" });
        Assert.Equal("/account/two-factor/enrol", changed);
        Assert.False((await UserAsync(email)).MustChangePassword);
    }

    [Fact]
    public async Task An_account_with_an_authenticator_gives_its_code_before_changing_an_initial_password()
    {
        var email = await NewStaffAsync("code-then-password@motcua.test", mustChangePassword: true, key: TestStaff.Secret);
        using var client = StaffClient.Anonymous(factory);
        Assert.Equal("/account/two-factor", await client.PasswordStepAsync(email));
        Assert.Equal("/account/password", await client.CodeStepAsync(factory, email));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        var changed = await client.PostFormExpectingRedirectAsync("/account/password",
            new() { ["Current"] = DemoStaffSeeder.Password, ["Password"] = "Chosen-Pass-2026!", ["Confirm"] = "Chosen-Pass-2026!" });
        Assert.Equal("/admin", changed);
        await client.GetPageAsync("/admin");
    }

    [Fact]
    public async Task Demo_accounts_are_seeded_with_the_printed_keys()
    {
        foreach (var account in DemoStaffSeeder.Accounts)
        {
            Assert.Equal(account.TotpSecret, await TestStaff.SecretOfAsync(factory.Services, account.Email));
            Assert.True((await UserAsync(account.Email)).TwoFactorEnabled);
        }
    }

    [GeneratedRegex("<code id=\"shared-key\"[^>]*>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>")]
    private static partial Regex GroupedKeyPattern();
}

internal static class LocationExtensions
{
    /// <summary>The path and query of a redirect, whether the server wrote it absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
