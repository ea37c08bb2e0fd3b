using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure.Localization;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Puts the Vietnamese sentences the feedback services and the domain write (a refused photo, a rule, a role) into the
/// reader's language at the page, as <c>PlanErrorText</c> does for reorganisation plans: each template under
/// <c>feedback.msg.*</c> in feedback.vi.json ({0}, {1} standing for the details) is matched and told again from the
/// reader's table with the same details. The services keep one language (Open311 and the API answer as before); a
/// sentence no template knows is shown as written rather than lost.
/// </summary>
public static partial class FeedbackMessages
{
    private const string Prefix = "feedback.msg.";

    private static readonly Lazy<(Regex Pattern, string Key)[]> Known = new(() =>
    [
        // Longest first: "Tối đa {0} ký tự." must not take a sentence a longer template knows.
        .. JsonStringLocalizerFactory.Load()["vi"].Where(p => p.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .OrderByDescending(p => p.Value.Length)
            .Select(p => (new Regex("^" + Placeholder().Replace(Regex.Escape(p.Value), "(.*?)") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline), p.Key)),
    ]);

    public static string Localize(string message, IStringLocalizer localizer)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi") return message;
        foreach (var (pattern, key) in Known.Value)
        {
            var match = pattern.Match(message);
            if (match.Success) return localizer[key, [.. match.Groups.Values.Skip(1).Select(g => (object)g.Value)]];
        }
        return message;
    }

    [GeneratedRegex(@"\\\{\d+\}")]
    private static partial Regex Placeholder();
}
