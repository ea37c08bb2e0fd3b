namespace MotCua.Web;

/// <summary>The product's own settings, section "MotCua" of the configuration.</summary>
public sealed class MotCuaOptions
{
    public const string Section = "MotCua";

    /// <summary>
    /// Seeds the demo city's staff accounts and prints their sign-ins. On by default so that the first run
    /// shows something; a production configuration turns it off (docs/operations.md).
    /// </summary>
    public bool Demo { get; set; } = true;

    /// <summary>Apply the bundled reorganisations (2025 reforms) when seeding; tests switch it off to apply them themselves.</summary>
    public bool ApplyBundledReforms { get; set; } = true;

    /// <summary>Seed the demo city and catalogue into an empty database.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>
    /// The address citizens reach the portal at (e.g. https://dichvucong.hanoi.gov.vn), used in links sent by
    /// e-mail and SMS and printed as QR codes. Empty: links are relative (pages) or use the request's host.
    /// </summary>
    public string? PublicUrl { get; set; }
}
