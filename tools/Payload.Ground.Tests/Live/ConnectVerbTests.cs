using Payload.Ground.Verbs;

namespace Payload.Ground.Tests.Live;

/// <summary>connect driven by redirected input (lines read plainly, each command awaited before the next).</summary>
public sealed class ConnectVerbTests
{
    [Fact]
    public void AScriptedSessionShowsHelpStagesRefusalsAndASummary()
    {
        using var sim = new RunningSim();
        var script = new StringReader(string.Join('\n',
            "help MODE_SET",
            "TEST_ARE_YOU_ALIVE",
            "MODE_SET mode=9",
            "HK_ENABLE sid=99",
            "status",
            "quit",
            "TEST_ARE_YOU_ALIVE")); // after quit: never read
        var output = new StringWriter();

        int code = ConnectVerb.Run([sim.Uri, "--no-hk"], script, output, TextWriter.Null);

        string text = output.ToString();
        Assert.True(code == 0, text);
        Assert.Contains("connect: dictionary hash", text, StringComparison.Ordinal);
        Assert.Contains("MODE_SET mode:UInt8 0..2 (SAFE, STANDBY, ACQUIRE)", text, StringComparison.Ordinal);
        Assert.Contains("  mode: UInt8 0..2 [SAFE, STANDBY, ACQUIRE]", text, StringComparison.Ordinal);
        Assert.Contains("> TEST_ARE_YOU_ALIVE", text, StringComparison.Ordinal);
        Assert.Contains("COMPLETION ok  TEST_ARE_YOU_ALIVE (100/0)", text, StringComparison.Ordinal);
        Assert.Contains("refused: MODE_SET: argument 'mode' = 9 is out of range 0..2", text, StringComparison.Ordinal);
        Assert.Contains("START FAILED  HK_ENABLE (100/1): UnknownIdentifier (data 99)", text, StringComparison.Ordinal);
        Assert.Contains("sent 2 commands", text, StringComparison.Ordinal);
        Assert.EndsWith("connect: 2 command(s) sent: 1 completed, 1 failed, 0 pending" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain("TM[3,25]", text, StringComparison.Ordinal); // --no-hk
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal); // no colours into a redirected output
    }

    [Fact]
    public void HousekeepingIsShownLiveByDefault()
    {
        using var sim = new RunningSim();
        var output = new StringWriter();

        // The hash check itself waits for the first housekeeping report, which the console then shows as it goes on.
        int code = ConnectVerb.Run([sim.Uri], new StringReader("TEST_ARE_YOU_ALIVE\n"), output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Contains("TM[17,2]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongCommandLineExitsTwo()
    {
        var (code, _, error) = Tool.Run("connect");
        var (colour, _, colourError) = Tool.Run("connect", "sim:", "--color", "purple");

        Assert.Equal(2, code);
        Assert.StartsWith("error: connect: give one target", error, StringComparison.Ordinal);
        Assert.Equal(2, colour);
        Assert.StartsWith("error: --color must be auto, always or never, not 'purple'", colourError, StringComparison.Ordinal);
    }
}
