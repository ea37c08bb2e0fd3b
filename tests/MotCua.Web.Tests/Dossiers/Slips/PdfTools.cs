using System.Diagnostics;

namespace MotCua.Web.Tests.Dossiers.Slips;

/// <summary>
/// Reads PDFs the way a person would: poppler's pdftotext for the words, pdftoppm to print the page and
/// zbarimg to scan its QR code (Debian poppler-utils and zbar-tools; test.sh installs them).
/// </summary>
internal static class PdfTools
{
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var file = await SaveAsync(pdf);
        try { return await RunAsync("pdftotext", "-layout", file, "-"); }
        finally { File.Delete(file); }
    }

    /// <summary>Every QR code on the first page, as scanned from a 150 dpi rendering.</summary>
    public static async Task<IReadOnlyList<string>> QrCodesAsync(byte[] pdf)
    {
        var file = await SaveAsync(pdf);
        var image = Path.ChangeExtension(file, null) + "-page";
        try
        {
            await RunAsync("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-singlefile", "-png", file, image);
            var output = await RunAsync("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", image + ".png");
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        finally
        {
            File.Delete(file);
            File.Delete(image + ".png");
        }
    }

    private static async Task<string> SaveAsync(byte[] pdf)
    {
        Assert.True(pdf.Length > 4 && pdf[0] == '%' && pdf[1] == 'P' && pdf[2] == 'D' && pdf[3] == 'F', "not a PDF");
        var file = Path.Combine(Path.GetTempPath(), "motcua-slip-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        return file;
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is missing: install poppler-utils and zbar-tools (./test.sh does).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}");
            return await output;
        }
    }
}
