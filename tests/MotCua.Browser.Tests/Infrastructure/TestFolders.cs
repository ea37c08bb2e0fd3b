namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>Finds this project's source folder (for node_modules and TestResults) from the test binaries.</summary>
internal static class TestFolders
{
    private const string ProjectFolder = "MotCua.Browser.Tests";

    /// <summary>tests/MotCua.Browser.Tests, found by walking up from bin/…; null when run from a copy elsewhere.</summary>
    public static DirectoryInfo? Project { get; } = FindProject();

    public static string Screenshots
    {
        get
        {
            var root = Project is null ? AppContext.BaseDirectory : Path.Combine(Project.FullName, "TestResults");
            var folder = Path.Combine(root, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static DirectoryInfo? FindProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFolder + ".csproj"))) return dir;
            var nested = new DirectoryInfo(Path.Combine(dir.FullName, "tests", ProjectFolder));
            if (File.Exists(Path.Combine(nested.FullName, ProjectFolder + ".csproj"))) return nested;
        }
        return null;
    }
}
