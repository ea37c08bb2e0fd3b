using MotCua.Web.Features.Catalog.Data;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>The addresses of the catalogue administration, in one place so pages and redirects agree.</summary>
public static class AdminLinks
{
    public const string List = "/admin/procedures";
    public const string New = "/admin/procedures/new";
    public const string Import = "/admin/procedures/import";
    public const string Export = "/api/v1/catalog/export";

    /// <summary><paramref name="done"/> names what just happened, so the page can say so after the redirect.</summary>
    public static string Details(string code, string? done = null) =>
        $"{List}/{Uri.EscapeDataString(code)}" + (done is null ? "" : $"?done={Uri.EscapeDataString(done)}");

    public static string Edit(string code) => $"{List}/{Uri.EscapeDataString(code)}/edit";

    /// <summary>The editor opened with the publishing rules already checked, at the field of <paramref name="path"/>.</summary>
    public static string EditAt(string code, string path) => Edit(code) + "?check=true#" + EditorErrors.Id(EditorErrors.FieldOf(path));

    public static string Compare(string code) => $"{List}/{Uri.EscapeDataString(code)}/compare";

    public static string Retire(string code) => $"{List}/{Uri.EscapeDataString(code)}/retire";

    public static string PublicJson(string code) => $"/api/v1/procedures/{Uri.EscapeDataString(code)}";

    /// <summary>Localisation key of a version's status, and the tag colour that goes with it.</summary>
    public static (string Key, string Css) Status(VersionStatus status) => status switch
    {
        VersionStatus.Published => ("catalogadmin.status.published", "tag green"),
        VersionStatus.Draft => ("catalogadmin.status.draft", "tag"),
        VersionStatus.Superseded => ("catalogadmin.status.superseded", "tag grey"),
        _ => ("catalogadmin.status.retired", "tag grey"),
    };
}
