namespace Payload.Ground.Tests.Live;

/// <summary>The sim verb in this process (the child-process path is in <see cref="ProcessTests"/>).</summary>
public sealed class SimVerbTests
{
    [Fact]
    public void ItSaysWhereItListensRunsForTheDurationAndReportsTheLag()
    {
        var (code, output, error) = Tool.Run("sim", "--listen", "tcp://127.0.0.1:0", "--duration", "0.4", "--baud", "230400");

        Assert.True(code == 0, output + error);
        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^sim: simulated board listening on tcp://127\.0\.0\.1:\d+; a ground connects with tcp://127\.0\.0\.1:\d+; 230400 baud, real time \(step 1 ms\); dictionary hash 0x[0-9A-F]{8}$", lines[0]);
        Assert.Matches(@"^sim: stopped after 0\.\d s: uplink 0 octets, downlink \d+ octets \(\d+ dropped: no ground attached\), virtual .* lag p50 .* ms, p99 .* ms, max .* ms over \d+ steps", lines[^1]);
    }

    [Fact]
    public void WithAControlPortItSaysWhereItListens()
    {
        var (code, output, error) = Tool.Run("sim", "--listen", "tcp://127.0.0.1:0", "--control", "tcp://127.0.0.1:0", "--duration", "0.3");

        Assert.True(code == 0, output + error);
        string first = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Matches(@"^sim: simulated board listening on tcp://127\.0\.0\.1:\d+; .*; dictionary hash 0x[0-9A-F]{8}; bench control on tcp://127\.0\.0\.1:\d+$", first);
    }

    [Theory]
    [InlineData(new[] { "sim" }, "error: sim: give --listen tcp://HOST:PORT, udp://HOST:PORT, serial://PATH or pty")]
    [InlineData(new[] { "sim", "--listen", "sim:" }, "error: sim: --listen sim: makes no sense")]
    [InlineData(new[] { "sim", "--listen", "tcp://127.0.0.1:0", "--tm", "udp://127.0.0.1:5012" }, "error: sim: --tm is for UDP only")]
    [InlineData(new[] { "sim", "--listen", "udp://127.0.0.1:0", "--tm", "tcp://127.0.0.1:5012" }, "error: sim: --tm must be udp://HOST:PORT")]
    [InlineData(new[] { "sim", "--listen", "tcp://127.0.0.1:0", "--step-us", "5" }, "error: sim: --step-us must be an integer in 50..1000000, not '5'")]
    [InlineData(new[] { "sim", "--listen", "tcp://127.0.0.1:0", "--corrupt", "2" }, "error: sim: --corrupt must be a probability in 0..1, not '2'")]
    [InlineData(new[] { "sim", "--listen", "tcp://127.0.0.1:0", "--control", "udp://127.0.0.1:0" }, "error: sim: --control must be tcp://HOST:PORT (port 0: any free one), not 'udp://127.0.0.1:0'")]
    [InlineData(new[] { "sim", "--listen", "tcp:/x" }, "error: sim: link 'tcp:/x': write tcp://HOST:PORT")]
    public void AWrongOptionExitsTwoSayingWhy(string[] arguments, string message)
    {
        var (code, _, error) = Tool.Run(arguments);

        Assert.Equal(2, code);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void APortInUseExitsFour()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, error) = Tool.Run("sim", "--listen", $"tcp://127.0.0.1:{port}", "--duration", "0.1");

        Assert.Equal(4, code);
        Assert.StartsWith($"sim: cannot listen on tcp://127.0.0.1:{port}:", error, StringComparison.Ordinal);
    }
}
