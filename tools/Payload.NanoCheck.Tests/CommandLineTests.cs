using Payload.NanoCheck.Tests.Fixtures;

namespace Payload.NanoCheck.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nanocheck-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void CleanAssembly_PrintsSummary_AndExitsZero()
    {
        var path = Write("Clean.dll", "namespace Fixture { public static class Ok { public static int One() { return 1; } } }");

        var (exitCode, output) = Run(path);

        Assert.Equal(CommandLine.Clean, exitCode);
        var line = Assert.Single(Lines(output));
        Assert.Matches(@"^NanoCheck: Clean\.dll: 0 violations \(IL \d+ bytes, strings \d+ bytes, largest type 1 methods\)$", line);
    }

    [Fact]
    public void Violations_PrintOneCanonicalErrorEach_AndExitOne()
    {
        var path = Write("Bad.dll", """
            namespace Fixture
            {
                public static class Bad
                {
                    public static System.Action<int> Callback;
                    public static int Add(int a, int b) { return checked(a + b); }
                }
            }
            """);

        var (exitCode, output) = Run(path);

        Assert.Equal(CommandLine.ViolationsFound, exitCode);
        var lines = Lines(output);
        Assert.Contains(lines, line => line.StartsWith("error NF002: Fixture.Bad::Callback: generic instantiation System.Action<int>", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("error NF003: Fixture.Bad::Add at IL_", StringComparison.Ordinal)
            && line.Contains(": overflow-checked opcode add.ovf is not supported by nanoFramework", StringComparison.Ordinal));
        Assert.StartsWith("NanoCheck: Bad.dll: 2 violations (", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void SourceLines_ComeFromTheSidecarPdb()
    {
        var (image, pdb) = FixtureCompiler.Compile("""
            namespace Fixture
            {
                public static class Bad
                {
                    public static int Add(int a, int b)
                    {
                        return checked(a + b);
                    }
                }
            }
            """, withPdb: true);
        var path = Path.Combine(_directory, "WithPdb.dll");
        File.WriteAllBytes(path, image);
        File.WriteAllBytes(Path.ChangeExtension(path, ".pdb"), pdb!);

        var (_, output) = Run(path);

        Assert.Contains(Lines(output), line => line.StartsWith($"{FixtureCompiler.SourcePath}(7,13): error NF003: Fixture.Bad::Add at IL_", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadableFile_IsNF000_AndExitsTwo()
    {
        var path = Path.Combine(_directory, "NotAnAssembly.dll");
        File.WriteAllText(path, "not a PE file");

        var (exitCode, output) = Run(path, Path.Combine(_directory, "Missing.dll"));

        Assert.Equal(CommandLine.Failed, exitCode);
        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("error NF000: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void NoArguments_PrintsUsage_AndExitsTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(CommandLine.Failed, CommandLine.Run([], output, error));
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    private string Write(string fileName, string source)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllBytes(path, FixtureCompiler.Compile(source).Image);
        return path;
    }

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Run(args, output, error);
        return (exitCode, output.ToString());
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
