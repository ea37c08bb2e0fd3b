namespace MotCua.Web.Features.Documents;

/// <summary>
/// The absolute address printed on paper (QR codes). Behind a proxy the request's host may be an internal
/// name, so a city sets <c>MotCua:PublicUrl</c> (e.g. https://dichvucong.hanoi.gov.vn); without it the
/// request's own scheme and host are used, which is right for a single server and for the demo.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    public const string Setting = "MotCua:PublicUrl";

    public string Absolute(HttpRequest request, string pathAndQuery)
    {
        var configured = configuration[Setting];
        var root = string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : configured.Trim();
        return root.TrimEnd('/') + pathAndQuery;
    }
}
