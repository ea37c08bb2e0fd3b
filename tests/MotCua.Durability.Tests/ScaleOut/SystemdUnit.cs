using System.Diagnostics;

namespace MotCua.Durability.Tests.ScaleOut;

/// <summary>
/// The repository's systemd unit (deploy/systemd/motcua@.service), read the way systemd reads it, so the scale-out
/// test starts each instance with the unit's own command line and environment. There is no systemd in a test
/// container: what systemd would add (the user, the sandbox, the restart) is left out; the install folder
/// /opt/motcua is the build output, and the EnvironmentFile's settings are supplied by the test.
/// </summary>
internal sealed class SystemdUnit
{
    private const string InstallFolder = "/opt/motcua";

    private readonly string[] _command;
    private readonly List<(string Name, string Value)> _environment = [];
    private readonly string _workingDirectory;

    private SystemdUnit(string text)
    {
        string? exec = null, workingDirectory = null;
        var environmentFile = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || !line.Contains('=')) continue;
            var (key, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
            switch (key)
            {
                case "ExecStart": exec = value; break;
                case "WorkingDirectory": workingDirectory = value; break;
                case "EnvironmentFile": environmentFile = true; break;
                case "Environment":
                    var eq = value.IndexOf('=');
                    _environment.Add((value[..eq], value[(eq + 1)..]));
                    break;
            }
        }
        _command = (exec ?? throw new InvalidOperationException("The unit has no ExecStart.")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _workingDirectory = workingDirectory ?? throw new InvalidOperationException("The unit has no WorkingDirectory.");
        if (!environmentFile) throw new InvalidOperationException("The unit reads no EnvironmentFile: where would the settings come from?");
    }

    public static SystemdUnit Load() => new(File.ReadAllText(NginxProxy.RepositoryFile("deploy/systemd/motcua@.service")));

    /// <summary>The process systemd would start for instance <paramref name="instance"/> (motcua@PORT), plus the settings file.</summary>
    public ProcessStartInfo StartInfo(string instance, IReadOnlyDictionary<string, string> environmentFile, params string[] extraArguments)
    {
        var product = ProductProcess.ProductDirectory;
        string Expand(string s) => s.Replace("%i", instance, StringComparison.Ordinal).Replace(InstallFolder, product, StringComparison.Ordinal);
        // /usr/bin/dotnet is where Debian's and Microsoft's packages put it; elsewhere, the one on the PATH.
        var executable = _command[0] == "/usr/bin/dotnet" && !File.Exists(_command[0]) ? "dotnet" : Expand(_command[0]);
        var start = new ProcessStartInfo(executable) { WorkingDirectory = Expand(_workingDirectory) };
        foreach (var argument in _command.Skip(1).Select(Expand).Concat(extraArguments)) start.ArgumentList.Add(argument);
        // systemd applies EnvironmentFile= and Environment= in the unit's order; this unit lists the file first.
        foreach (var (name, value) in environmentFile) start.Environment[name] = value;
        foreach (var (name, value) in _environment) start.Environment[name] = Expand(value);
        return start;
    }

    /// <summary>The address the unit makes instance <paramref name="instance"/> listen on.</summary>
    public Uri Address(string instance) =>
        new(_environment.Single(e => e.Name == "ASPNETCORE_URLS").Value.Replace("%i", instance, StringComparison.Ordinal).TrimEnd('/') + "/");
}
