using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>What the filing tests type into the wizard: a field's answer the way a person gives it, and a small picture to upload.</summary>
internal static class WizardInput
{
    /// <summary>A real 1×1 PNG (signature, IHDR, IDAT, IEND with their CRCs), small enough to write out here.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static async Task FillAsync(IPage page, FormField field, string value)
    {
        var input = page.Locator($"[name='{field.Name}']");
        switch (field.Kind)
        {
            case FieldKind.Boolean:
                await input.CheckAsync();
                break;
            case FieldKind.Choice when field.UseRadios:
                await page.Locator($"input[name='{field.Name}'][value='{value}']").CheckAsync();
                break;
            case FieldKind.Choice:
                await input.SelectOptionAsync(value);
                break;
            default:
                await input.FillAsync(value);
                break;
        }
    }
}
