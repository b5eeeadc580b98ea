namespace Vigil.UnitTests.Repository;

/// <summary>Finds the checkout from the test's output folder, so source-scanning tests run from any working directory.</summary>
internal static class RepositoryFiles
{
    private static readonly string[] IgnoredFolders = ["bin", "obj", "node_modules", "wwwroot"];

    public static string Root { get; } = FindRoot();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Files under a folder of the checkout, skipping build output and installed packages.</summary>
    public static IEnumerable<string> Under(string relativeFolder, params string[] patterns) =>
        patterns
            .SelectMany(pattern => Directory.EnumerateFiles(PathTo(relativeFolder), pattern, SearchOption.AllDirectories))
            .Where(file => !Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(IgnoredFolders.Contains))
            .Order(StringComparer.Ordinal);

    public static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Vigil.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Vigil.slnx found in {AppContext.BaseDirectory} or any folder above it.");
    }
}
