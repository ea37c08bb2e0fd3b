using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Durability.Tests.ScaleOut;

/// <summary>
/// nginx running the repository's own site configuration (deploy/nginx/motcua.conf) on loopback: the same upstream,
/// proxy headers, retry rules and log format as production. Only what cannot be used here is rewritten: ports,
/// the instances' addresses, the certificate (a self-signed one made for the run) and the log folder.
/// </summary>
internal sealed class NginxProxy : IDisposable
{
    private readonly Process _process;

    private NginxProxy(Process process, Uri baseAddress, string accessLog)
    {
        _process = process;
        BaseAddress = baseAddress;
        AccessLog = accessLog;
    }

    /// <summary>The TLS side, where clients go.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The access log in the configuration's "motcua" format (upstream=… says which instance answered).</summary>
    public string AccessLog { get; }

    public static async Task<NginxProxy> StartAsync(string directory, IReadOnlyList<int> instancePorts)
    {
        Directory.CreateDirectory(directory);
        // Workers may run as another user (nobody) when the master is root: they write the temp folders and logs.
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        var tlsPort = ProductProcess.FreePort();
        var httpPort = ProductProcess.FreePort();
        WriteCertificate(directory);
        var site = Render(File.ReadAllText(RepositoryFile("deploy/nginx/motcua.conf")), directory, tlsPort, httpPort, instancePorts);
        File.WriteAllText(Path.Combine(directory, "motcua.conf"), site);
        var main = Path.Combine(directory, "nginx.conf");
        File.WriteAllText(main, $$"""
            daemon off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/motcua.conf;
            }
            """);
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-p", directory, "-c", main]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start (test.sh installs it)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new NginxProxy(process, new Uri($"https://127.0.0.1:{tlsPort}/"), Path.Combine(directory, "motcua.access.log"));
        await proxy.WaitListeningAsync(tlsPort, directory);
        return proxy;
    }

    /// <summary>The production file with loopback addresses, ports and paths; each rewrite must find its target.</summary>
    private static string Render(string site, string directory, int tlsPort, int httpPort, IReadOnlyList<int> instancePorts)
    {
        var lines = site.Split('\n').Where(l => !l.Contains("listen [::]", StringComparison.Ordinal)); // loopback IPv4 only
        var text = string.Join('\n', lines);
        text = Replace(text, "    server 127.0.0.1:5081 max_fails=1 fail_timeout=5s;\n    server 127.0.0.1:5082 max_fails=1 fail_timeout=5s;",
            string.Join('\n', instancePorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;")));
        text = Replace(text, "listen 443 ssl http2;", $"listen 127.0.0.1:{tlsPort} ssl http2;");
        text = Replace(text, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        text = Replace(text, "/etc/ssl/motcua/", directory + "/");
        text = Replace(text, "/var/log/nginx/", directory + "/");
        return Replace(text, "/var/www/letsencrypt", directory);
    }

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal) ? text.Replace(what, with, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx/motcua.conf no longer contains \"{what}\": update the scale-out test with it.");

    private static void WriteCertificate(string directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "fullchain.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    private async Task WaitListeningAsync(int port, string directory)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"nginx exited {_process.ExitCode}: {File.ReadAllText(Path.Combine(directory, "error.log"))}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException("nginx did not listen within 5 s");
    }

    /// <summary>The repository's copy of a file (found from the test's bin folder upwards).</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx"))) return Path.Combine(dir.FullName, relative);
        }
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }
        _process.Dispose();
    }
}
