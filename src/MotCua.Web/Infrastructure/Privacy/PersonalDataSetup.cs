using System.Security.Cryptography;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Infrastructure.Privacy;

/// <summary>
/// Loads the key that protects personal ID and phone numbers at rest. Production: <c>MotCua:PersonalData:Key</c>
/// (32 random bytes, base64) from a secret store or the environment, required. The demo: a key file made on first
/// start next to the embedded database, so `dotnet run` needs no setup.
/// </summary>
public static class PersonalDataSetup
{
    public const string KeySetting = "MotCua:PersonalData:Key";
    public const string DemoKeyFile = "personal-data.key";

    public static void LoadPersonalDataKey(this IConfiguration configuration, string workingDirectory)
    {
        var configured = configuration[KeySetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            PersonalData.Use(Decode(configured, KeySetting));
            return;
        }
        if (!configuration.GetValue("MotCua:Demo", true))
            throw new InvalidOperationException(
                $"{KeySetting} is required outside demo mode: 32 random bytes in base64 (openssl rand -base64 32), kept with the database's backups (docs/operations.md).");
        PersonalData.Use(DemoKey(Path.Combine(DatabaseSetup.DataRoot(workingDirectory), "data", DemoKeyFile)));
    }

    /// <summary>The demo's key, made once; readable by the product's user only.</summary>
    private static byte[] DemoKey(string path)
    {
        if (File.Exists(path)) return Decode(File.ReadAllText(path).Trim(), path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        // Written aside, then moved into place: an instance starting at the same moment sees no file or a whole one.
        var aside = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(aside, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(key));
        }
        try
        {
            File.Move(aside, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(aside);
            return Decode(File.ReadAllText(path).Trim(), path);
        }
        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"The personal-data key in {source} is not base64."); }
        return key.Length >= 32 ? key : throw new InvalidOperationException($"The personal-data key in {source} is shorter than 32 bytes.");
    }
}
