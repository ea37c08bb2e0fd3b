using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// A browser's side of the VNeID sign-in, one hop at a time (the client follows no redirects), so tests can walk it
/// whole or tamper with a hop: the product's challenge, the stand-in's picker, the pick, the product's callback.
/// </summary>
public static partial class VNeIdFlow
{
    public const string Provider = "http://localhost/simulators/vneid";

    /// <summary>Opens the product's sign-in page; returns the provider's authorization address it redirects to.</summary>
    public static async Task<Uri> StartAsync(HttpClient http, string returnUrl = "/my/dossiers")
    {
        var response = await http.GetAsync(new Uri("/citizen/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        Assert.StartsWith(Provider + "/authorize?", location.AbsoluteUri, StringComparison.Ordinal);
        return location;
    }

    /// <summary>Opens the provider's picker; returns its one-time request id.</summary>
    public static async Task<string> PickerAsync(HttpClient http, Uri authorize)
    {
        var response = await http.GetAsync(authorize);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"authorize answered {(int)response.StatusCode} {response.Headers.Location}");
        return RequestIdPattern().Match(html).Groups[1].Value;
    }

    /// <summary>Answers the picker (a citizen, or "cancel"); returns where the provider sends the browser back to.</summary>
    public static async Task<Uri> PickAsync(HttpClient http, string requestId, string idNumber, string action = "login")
    {
        var response = await http.PostAsync(new Uri(Provider + "/authorize"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = requestId, ["citizen"] = idNumber, ["action"] = action,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"the pick answered {(int)response.StatusCode}");
        return response.Headers.Location!;
    }

    /// <summary>Everything up to the product's callback (not followed): its address, with the code and the state.</summary>
    public static async Task<Uri> CallbackAsync(HttpClient http, string idNumber, string returnUrl = "/my/dossiers") =>
        await PickAsync(http, await PickerAsync(http, await StartAsync(http, returnUrl)), idNumber);

    /// <summary>The whole sign-in as a browser does it; fails unless the product lands on <paramref name="returnUrl"/>.</summary>
    public static async Task SignInAsync(HttpClient http, string idNumber, string returnUrl = "/my/dossiers")
    {
        var landed = await http.GetAsync(await CallbackAsync(http, idNumber, returnUrl));
        Assert.True(landed.StatusCode == HttpStatusCode.Redirect, $"the callback answered {(int)landed.StatusCode}");
        Assert.Equal(returnUrl, landed.Headers.Location!.OriginalString);
    }

    /// <summary>Follows redirects by hand from <paramref name="response"/>; returns the last answer and the addresses passed.</summary>
    public static async Task<(HttpResponseMessage Last, List<string> Trail)> FollowAsync(HttpClient http, HttpResponseMessage response)
    {
        var trail = new List<string>();
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 10; hops++)
        {
            var next = response.Headers.Location!;
            trail.Add(next.OriginalString);
            response = await http.GetAsync(next.IsAbsoluteUri ? next : new Uri(next.OriginalString, UriKind.Relative));
        }
        return (response, trail);
    }

    [GeneratedRegex("name=\"request\" value=\"([^\"]+)\"")]
    private static partial Regex RequestIdPattern();
}
