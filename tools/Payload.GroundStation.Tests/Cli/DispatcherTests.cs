using Payload.Ground;
using Payload.Ground.Demo;

namespace Payload.GroundStation.Tests.Cli;

public sealed class DispatcherTests
{
    [Theory]
    [InlineData(new string[0], "error: no verb given.")]
    [InlineData(new[] { "fly" }, "error: unknown verb 'fly'")]
    [InlineData(new[] { "--verbose" }, "error: unknown option '--verbose' (a verb comes first)")]
    [InlineData(new[] { "demo", "--fast" }, "error: demo: unknown option '--fast' (options: --out, --quiet, --radar, --seconds)")]
    [InlineData(new[] { "demo", "--seconds" }, "error: demo: option --seconds needs a value")]
    [InlineData(new[] { "demo", "--seconds", "-3" }, "error: demo: --seconds must be a positive number, not '-3'")]
    [InlineData(new[] { "demo", "--seconds", "soon" }, "error: demo: --seconds must be a positive number, not 'soon'")]
    [InlineData(new[] { "dict", "import" }, "error: dict: unknown action 'import' (actions: export)")]
    [InlineData(new[] { "dict", "export" }, "error: dict export: give --json FILE, --xtce FILE or both")]
    public void UsageErrorsExitWith2AndSayWhy(string[] arguments, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int code = Dispatcher.Run(arguments, output, error);

        Assert.Equal(2, code);
        Assert.StartsWith(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsTheVerbs()
    {
        var output = new StringWriter();

        Assert.Equal(0, Dispatcher.Run(["--help"], output, TextWriter.Null));

        Assert.Contains("demo [--radar nisar|sentinel1] [--out DIR] [--seconds N] [--quiet]", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("dict export [--json FILE] [--xtce FILE]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDemoHoldsEveryExpectation()
    {
        var output = new StringWriter();
        string directory = Directory.CreateTempSubdirectory("ground-demo").FullName;

        int code = new DemoSession(quiet: true, outputDirectory: directory).Run(output);

        Assert.True(code == 0, output.ToString());
        Assert.True(File.Exists(Path.Combine(directory, "payload-archive.db")), "the demo archives into its output directory");
        Assert.True(File.Exists(Path.Combine(directory, "pass-1", "pass-report.md")), "the demo writes the pass report");
        Directory.Delete(directory, recursive: true);
        Assert.Contains("dictionary hash 0x", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("refused: MODE_SET: argument 'mode' = 7 is out of range 0..2 (SAFE, STANDBY, ACQUIRE)", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("HK_CORE sys.dictionary_hash", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedExpectationMakesTheDemoExitNonZero()
    {
        var session = new DemoSession(quiet: true, outputDirectory: Directory.CreateTempSubdirectory("ground-demo").FullName);
        session.Steps.Add(new DemoStep("an impossible step", demo => demo.Expect(demo.Station.Tracker.FailedCount == 0, "nothing ever fails")));
        var output = new StringWriter();

        Assert.Equal(1, session.Run(output));
        Assert.Contains("- nothing ever fails", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DictExportWritesBothFiles()
    {
        string directory = Directory.CreateTempSubdirectory("ground-dict").FullName;
        try
        {
            string json = Path.Combine(directory, "payload.json");
            string xtce = Path.Combine(directory, "payload.xml");
            var output = new StringWriter();

            int code = Dispatcher.Run(["dict", "export", "--json", json, "--xtce", xtce], output, output);

            Assert.True(code == 0, output.ToString());
            Assert.Contains("\"MODE_SET\"", File.ReadAllText(json), StringComparison.Ordinal);
            Assert.Contains("SpaceSystem", File.ReadAllText(xtce), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}
