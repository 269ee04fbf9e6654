using Payload.Dictionary;
using Payload.Flight.Dictionary;

namespace Payload.Ground.Tests.Live;

/// <summary>send against a simulator server in this process: each exit code, and what it prints.</summary>
public sealed class SendVerbTests
{
    [Fact]
    public void ACompletedCommandExitsZeroAfterPrintingEachStage()
    {
        using var sim = new RunningSim();

        var (code, output, error) = Tool.Run("send", sim.Uri, "TEST_ARE_YOU_ALIVE");

        Assert.True(code == 0, output + error);
        Assert.Contains("dictionary hash", output, StringComparison.Ordinal);
        Assert.Contains("matches", output, StringComparison.Ordinal);
        int accepted = output.IndexOf("ACCEPTANCE ok  TEST_ARE_YOU_ALIVE", StringComparison.Ordinal);
        int started = output.IndexOf("START ok  TEST_ARE_YOU_ALIVE", StringComparison.Ordinal);
        int completed = output.IndexOf("COMPLETION ok  TEST_ARE_YOU_ALIVE", StringComparison.Ordinal);
        Assert.True(accepted >= 0 && started > accepted && completed > started, output);
        Assert.Contains("send: TEST_ARE_YOU_ALIVE completion in", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitingAcceptanceOnlyExitsZeroAtAcceptance()
    {
        using var sim = new RunningSim();

        var (code, output, _) = Tool.Run("send", sim.Uri, "MODE_SET", "mode=STANDBY", "--wait", "accepted");

        Assert.Equal(0, code);
        Assert.Contains("send: MODE_SET acceptance in", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureReportExitsOneWithTheFailureCodeNameAndData()
    {
        using var sim = new RunningSim();

        var (code, output, _) = Tool.Run("send", sim.Uri, "HK_ENABLE", "sid=99");

        Assert.Equal(1, code);
        Assert.Contains("send: HK_ENABLE FAILED at start: UnknownIdentifier (data 99)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "MODE_SET", "mode=7" }, "error: MODE_SET: argument 'mode' = 7 is out of range 0..2 (SAFE, STANDBY, ACQUIRE)")]
    [InlineData(new[] { "MODE_SETT", "STANDBY" }, "error: unknown command 'MODE_SETT'; did you mean MODE_SET")]
    [InlineData(new[] { "TEST_ARE_YOU_ALIVE", "--wait", "soon" }, "error: send: --wait must be accepted, started or completed, not 'soon'")]
    [InlineData(new[] { "TEST_ARE_YOU_ALIVE", "--timeout", "-1" }, "error: send: --timeout must be a positive number, not '-1'")]
    public void ABadCommandExitsTwoWithTheEncodersMessageAndSendsNothing(string[] line, string message)
    {
        // No simulator: the line is refused before any connection is tried.
        var (code, _, error) = Tool.Run(["send", "tcp://127.0.0.1:9", .. line]);

        Assert.Equal(2, code);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "send" }, "error: send: give a target and a mnemonic")]
    [InlineData(new[] { "send", "ftp://x:1", "TEST_ARE_YOU_ALIVE" }, "error: link 'ftp://x:1': unknown scheme 'ftp'")]
    [InlineData(new[] { "send", "pty", "TEST_ARE_YOU_ALIVE" }, "error: pty is for the simulator")]
    public void ABadTargetOrMissingWordsExitTwo(string[] arguments, string message)
    {
        var (code, _, error) = Tool.Run(arguments);

        Assert.Equal(2, code);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoAnswerExitsThreeOnTimeout()
    {
        using var sim = new RunningSim();
        sim.Server.Driver.Post(board => board.SetLinkUp(false)); // the link is cut: nothing goes either way

        var (code, output, _) = Tool.Run("send", sim.Uri, "TEST_ARE_YOU_ALIVE", "--timeout", "0.3", "--hash-timeout", "0.2");

        Assert.Equal(3, code);
        Assert.Contains("warning: the board reported no dictionary hash within 0.2 s", output, StringComparison.Ordinal);
        Assert.Contains("send: timed out after 0.3 s awaiting completion of TEST_ARE_YOU_ALIVE (100/0): Sent", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NoServerExitsFourSayingWhy()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var (code, _, error) = Tool.Run("send", $"tcp://127.0.0.1:{port}", "TEST_ARE_YOU_ALIVE");

        Assert.Equal(4, code);
        Assert.StartsWith($"send: cannot open tcp://127.0.0.1:{port}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADictionaryMismatchIsRefusedWithFiveUnlessForced()
    {
        using var sim = new RunningSim();
        string json = Path.Combine(Path.GetTempPath(), $"payload-other-dictionary-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Empty(DictionaryExporter.Export(AnotherDictionary(sim.Server.Dictionary), json, null));

            var (refused, refusal, _) = Tool.Run("send", sim.Uri, "TEST_ARE_YOU_ALIVE", "--dict", json);
            var (forced, accepted, _) = Tool.Run("send", sim.Uri, "TEST_ARE_YOU_ALIVE", "--dict", json, "--force");

            Assert.Equal(5, refused);
            Assert.Contains("dictionary hash MISMATCH", refusal, StringComparison.Ordinal);
            Assert.Contains("refusing to command this board (give --force to override", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("sent TEST_ARE_YOU_ALIVE", refusal, StringComparison.Ordinal);
            Assert.Equal(0, forced);
            Assert.Contains("commanding anyway (--force)", accepted, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>The board's dictionary with one more parameter: every command still encodes the same, but the hash differs.</summary>
    private static MissionDictionary AnotherDictionary(MissionDictionary board)
    {
        var builder = new DictionaryBuilder();
        foreach (CommandDefinition command in board.Commands) builder.Add(command);
        foreach (ParameterDefinition parameter in board.Parameters) builder.Add(parameter);
        foreach (EventDefinition definition in board.Events) builder.Add(definition);
        foreach (HousekeepingStructureDefinition structure in board.HousekeepingStructures) builder.Add(structure);
        foreach (FunctionDefinition function in board.Functions) builder.Add(function);
        builder.Add(new ParameterDefinition(899, "test.ground_only", DataType.UInt8, "", "A parameter the board does not have"));
        return builder.Build();
    }
}
