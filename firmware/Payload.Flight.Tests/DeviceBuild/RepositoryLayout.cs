namespace Payload.Flight.Tests.DeviceBuild;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding Payload.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every device project (.nfproj) in the repository.</summary>
    public static string[] DeviceProjects() =>
        Directory.GetFiles(Root, "*.nfproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();

    /// <summary>True for paths inside bin/ or obj/ folders.</summary>
    public static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payload.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Payload.sln not found above {AppContext.BaseDirectory}");
    }
}
