using QRCoder;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// QR codes for the slips (QRCoder, MIT). Level M survives a creased or stamped paper; the PDF draws the
/// modules as vector squares so any printer resolution scans, and the HTML page shows a PNG as a data: URL
/// (the content security policy allows data: images, and no script or inline style is needed).
/// </summary>
public static class QrCodes
{
    /// <summary>The module matrix including the quiet zone: [row][column], true = dark.</summary>
    public static bool[][] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return [.. data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())];
    }

    public static string PngDataUrl(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
