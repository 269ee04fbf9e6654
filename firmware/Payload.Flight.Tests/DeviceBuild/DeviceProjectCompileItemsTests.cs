using System.Xml.Linq;
using Xunit;

namespace Payload.Flight.Tests.DeviceBuild;

/// <summary>
/// The device build lists its sources explicitly while the host and check builds glob them, so a file added to
/// the flight code but not to its .nfproj would fly untested on the host and be missing on the device.
/// </summary>
public class DeviceProjectCompileItemsTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in RepositoryLayout.DeviceProjects())
        {
            data.Add(Path.GetRelativePath(RepositoryLayout.Root, project));
        }
        return data;
    }

    [Fact]
    public void The_flight_code_has_a_device_project()
    {
        Assert.Contains(Path.Combine("firmware", "Payload.Flight", "Payload.Flight.nfproj"),
            RepositoryLayout.DeviceProjects().Select(p => Path.GetRelativePath(RepositoryLayout.Root, p)));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_source_file_is_a_compile_item_and_every_item_exists(string relativeProject)
    {
        var (missing, dangling) = FindDrift(Path.Combine(RepositoryLayout.Root, relativeProject));

        Assert.True(missing.Length == 0,
            $"{relativeProject} lacks Compile items for:\n" +
            string.Join("\n", missing.Select(p => $"    <Compile Include=\"{p.Replace('/', '\\')}\" />")));
        Assert.True(dangling.Length == 0,
            $"{relativeProject} lists files that do not exist:\n    " + string.Join("\n    ", dangling));
    }

    [Fact]
    public void Detects_a_missing_and_a_dangling_item()
    {
        var folder = Directory.CreateTempSubdirectory("nfproj-drift").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "Protocol"));
            Directory.CreateDirectory(Path.Combine(folder, "obj"));
            File.WriteAllText(Path.Combine(folder, "Protocol", "Listed.cs"), "");
            File.WriteAllText(Path.Combine(folder, "Unlisted.cs"), "");
            File.WriteAllText(Path.Combine(folder, "obj", "Generated.cs"), "");
            var project = Path.Combine(folder, "Drift.nfproj");
            File.WriteAllText(project, """
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <ItemGroup>
                    <Compile Include="Protocol\Listed.cs" />
                    <Compile Include="Gone.cs" />
                  </ItemGroup>
                </Project>
                """);

            var (missing, dangling) = FindDrift(project);

            Assert.Equal(new[] { "Unlisted.cs" }, missing);
            Assert.Equal(new[] { "Gone.cs" }, dangling);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (string[] Missing, string[] Dangling) FindDrift(string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        XNamespace msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";
        var listed = XDocument.Load(project)
            .Descendants(msbuild + "Compile")
            .Select(item => Normalise((string)item.Attribute("Include")!))
            .ToHashSet(StringComparer.Ordinal);
        var onDisk = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path))
            .Where(path => !RepositoryLayout.IsBuildOutput(path))
            .Select(Normalise)
            .ToHashSet(StringComparer.Ordinal);
        return (
            onDisk.Except(listed).OrderBy(p => p, StringComparer.Ordinal).ToArray(),
            listed.Except(onDisk).OrderBy(p => p, StringComparer.Ordinal).ToArray());
    }

    private static string Normalise(string path) => path.Replace('\\', '/');
}
