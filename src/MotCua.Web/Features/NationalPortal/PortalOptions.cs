namespace MotCua.Web.Features.NationalPortal;

/// <summary>The National Public Service Portal's sync endpoint, section "MotCua:NationalPortal".</summary>
public sealed class PortalOptions
{
    public const string Section = "MotCua:NationalPortal";

    /// <summary>Push dossiers at all. Off: nothing is queued (a city not yet connected to the portal).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Base URL of the portal's API; empty in demo mode means the bundled simulator at /simulators/dvcqg.</summary>
    public string? Url { get; set; }

    public string ApiKey { get; set; } = "demo-dvcqg-key";

    /// <summary>A request slower than this fails and is retried later with back-off (the outbox's).</summary>
    public int TimeoutSeconds { get; set; } = 10;
}
