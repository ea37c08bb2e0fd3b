using System.Diagnostics;

namespace MotCua.Web.Tests.Documents;

/// <summary>Poppler's pdfsig (poppler-utils, installed by test.sh): the independent check of our signatures.</summary>
internal static class Pdfsig
{
    public static async Task<string> RunAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "motcua-signed-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdfsig") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            // pdfsig exits non-zero when the issuer is not trusted (the demo CA); the report is what counts.
            return await output + await error;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
