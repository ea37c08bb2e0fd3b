namespace MotCua.Web.Features.Documents.Signing;

/// <summary>
/// MotCua:Signing. <c>Mode</c> "Demo" (the product's own CA, only when MotCua:Demo is on) or "Pkcs12"; unset means
/// Demo in demo mode and Pkcs12 otherwise. A PKCS#12 file is chosen per officer (staff id), else per unit (unit
/// code), else the server's default. <c>TrustAnchors</c> lists root certificates (PEM or DER files) that the
/// verifier trusts besides the demo root.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "MotCua:Signing";
    public const string DemoMode = "Demo";
    public const string Pkcs12Mode = "Pkcs12";

    public string? Mode { get; set; }
    public Pkcs12File? Default { get; set; }
    public Dictionary<string, Pkcs12File> Units { get; set; } = [];
    public Dictionary<string, Pkcs12File> Officers { get; set; } = [];
    public List<string> TrustAnchors { get; set; } = [];
}

public sealed class Pkcs12File
{
    public string Path { get; set; } = "";
    public string? Password { get; set; }
}
