using Payload.GroundStation.Simulation;
using Payload.GroundStation.Simulation.Stimulus;
using Payload.GroundStation.Transports;

namespace Payload.Hil.Tests.Control;

/// <summary>
/// The bench's instruments (radar stimulus, power supply, link switch): the in-process board in virtual time, a
/// simulator's bench control port over TCP for a real-time target, and a target without one.
/// </summary>
public sealed class BenchControlTests(ITestOutputHelper output)
{
    [Fact]
    public void OnSimThePassFliesOverTheInProcessBoardAndAnArmedPayloadHearsIt()
    {
        using var bench = Bench.Connect(output);
        bench.SendAndComplete("MODE_SET", "STANDBY");
        bench.SendAndComplete("MODE_SET", "ACQUIRE");
        bench.SendAndComplete("ACQ_ARM", 30, 60, "NISAR", 0, 0);
        Assert.False(bench.Board!.RadarInput.TryPeek(out _), "no radar before the stimulus flies one");

        StimulusTruth truth = bench.FlyPass(StimulusRadar.Nisar);

        Assert.Equal((StimulusRadar.Nisar, 1UL, 1650.0, 40e-6), (truth.Radar, truth.Seed, truth.PrfHz, truth.PulseWidthS));
        EventView started = bench.AwaitEvent("ACQ_PASS_STARTED", within: TimeSpan.FromSeconds(2));
        // The first pulses heard come before the peak the stimulus named, on the same (digitizer) axis.
        Assert.InRange((long)started["first_toa_ms"], 0, truth.PeakToaTicks / 80_000);
    }

    [Fact]
    public void ASimulatorsControlPortFliesThePassForARealTimeTarget()
    {
        using var server = Server(withControl: true);
        using var bench = Bench.Connect(output, new BenchOptions { Target = Target(server) });

        StimulusTruth truth = bench.FlyPass(StimulusRadar.Sentinel1, seed: 4);

        Assert.Equal((StimulusRadar.Sentinel1, 4UL, 1451.6), (truth.Radar, truth.Seed, truth.PrfHz));
        Assert.True(server.Driver.Invoke(board => board.RadarInput.TryPeek(out _)), "the simulator's board has the pass overhead");
    }

    [Fact]
    public void ASimulatorsControlPortPowerCyclesTheBoardAndTheBenchSeesItBootInSafe()
    {
        using var server = Server(withControl: true);
        using var bench = Bench.Connect(output, new BenchOptions { Target = Target(server) });
        bench.SendAndComplete("MODE_SET", "STANDBY");

        EventView boot = bench.ResetBoard("bench-test");

        Assert.Equal("SYS_BOOT", boot.Name);
        Assert.Equal(2, server.Driver.Invoke(board => board.Boots));
        Assert.Equal(1, server.Driver.Invoke(board => board.Resets.GetValueOrDefault("bench-test")));
        bench.AwaitParameter("mode.current", v => v == "SAFE");
    }

    [Fact]
    public void ASimulatorsControlPortCutsTheLinkForAnOutageAndTeardownRestoresACutLink()
    {
        using var server = Server(withControl: true);
        using (var bench = Bench.Connect(output, new BenchOptions { Target = Target(server) }))
        {
            (long cut, long restored) = bench.LinkOutage(TimeSpan.FromSeconds(2));

            Assert.DoesNotContain(bench.Received(Mark.Beginning), p => p.ReceivedAtMicroseconds > cut + 100_000 && p.ReceivedAtMicroseconds < restored);
            Assert.True(server.Driver.Invoke(board => board.Uart.IsUp), "the link is back after the outage");
            bench.SendAndComplete("TEST_ARE_YOU_ALIVE");

            bench.CutLink();
            Assert.False(server.Driver.Invoke(board => board.Uart.IsUp), "the link is cut");
        }

        Assert.True(server.Driver.Invoke(board => board.Uart.IsUp), "teardown restored the link");
    }

    [Fact]
    public void WithoutAControlPortTheInstrumentsFailSayingHowToMarkTheTest()
    {
        using var server = Server(withControl: false);
        using var bench = Bench.Connect(output, new BenchOptions { Target = BenchTarget.Parse(server.ClientUri!, "tcp") });

        Exception pass = bench.ExpectFailure(() => bench.FlyPass(StimulusRadar.Nisar));
        Exception reset = bench.ExpectFailure(() => bench.ResetBoard());
        Exception cut = bench.ExpectFailure(bench.CutLink);

        Assert.Contains("does not offer RadarStimulus; mark the test [HilFact(Requires = Capability.RadarStimulus)]", pass.Message);
        Assert.Contains("does not offer BoardReset; mark the test [HilFact(Requires = Capability.BoardReset)]", reset.Message);
        Assert.Contains("does not offer LinkOutage; mark the test [HilFact(Requires = Capability.LinkOutage)]", cut.Message);
        Assert.Equal(1, server.Driver.Invoke(board => board.Boots));
    }

    [Fact]
    public void AControlPortThatDoesNotAnswerFailsTheTestNamingTheVariable()
    {
        using var server = Server(withControl: false);
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        string control = $"tcp://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}";
        closed.Stop();
        using var bench = Bench.Connect(output, new BenchOptions { Target = BenchTarget.Parse(server.ClientUri!, "tcp", control) });

        Exception failure = bench.ExpectFailure(() => bench.ResetBoard());

        Assert.Contains($"is the simulator running with --control? (PAYLOAD_BENCH_CONTROL={control})", failure.Message);
    }

    private static BenchTarget Target(SimServer server) => BenchTarget.Parse(server.ClientUri!, "tcp", server.ControlUri);

    private static SimServer Server(bool withControl)
    {
        var server = new SimServer(new SimServerOptions
        {
            Listen = LinkAddress.Parse("tcp://127.0.0.1:0"),
            Control = withControl ? LinkAddress.Parse("tcp://127.0.0.1:0") : null,
        });
        server.Start();
        return server;
    }
}
