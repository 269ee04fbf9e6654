using Payload.GroundStation.Simulation;
using Payload.GroundStation.Simulation.Stimulus;
using Payload.GroundStation.Transports;

namespace Payload.Hil.Tests.Stimulus;

/// <summary>Bench.FlyPass: the in-process board in virtual time, a simulator's control port over TCP, and a target without a stimulus.</summary>
public sealed class BenchStimulusTests(ITestOutputHelper output)
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
        using var server = Server(withStimulus: true);
        BenchTarget target = BenchTarget.Parse(server.ClientUri!, "tcp", server.StimulusUri);
        using var bench = Bench.Connect(output, new BenchOptions { Target = target });

        StimulusTruth truth = bench.FlyPass(StimulusRadar.Sentinel1, seed: 4);

        Assert.Equal((StimulusRadar.Sentinel1, 4UL, 1451.6), (truth.Radar, truth.Seed, truth.PrfHz));
        Assert.True(server.Driver.Invoke(board => board.RadarInput.TryPeek(out _)), "the simulator's board has the pass overhead");
    }

    [Fact]
    public void WithoutAStimulusFlyingAPassFailsSayingHowToMarkTheTest()
    {
        using var server = Server(withStimulus: false);
        using var bench = Bench.Connect(output, new BenchOptions { Target = BenchTarget.Parse(server.ClientUri!, "tcp") });

        Exception failure = bench.ExpectFailure(() => bench.FlyPass(StimulusRadar.Nisar));

        Assert.Contains("does not offer RadarStimulus; mark the test [HilFact(Requires = Capability.RadarStimulus)]", failure.Message);
    }

    [Fact]
    public void AStimulusThatDoesNotAnswerFailsTheTestNamingTheVariable()
    {
        using var server = Server(withStimulus: false);
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        string stimulus = $"tcp://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndpoint).Port}";
        closed.Stop();
        using var bench = Bench.Connect(output, new BenchOptions { Target = BenchTarget.Parse(server.ClientUri!, "tcp", stimulus) });

        Exception failure = bench.ExpectFailure(() => bench.FlyPass(StimulusRadar.Nisar));

        Assert.Contains($"is the simulator running with --stimulus? (PAYLOAD_STIMULUS={stimulus})", failure.Message);
    }

    private static SimServer Server(bool withStimulus)
    {
        var server = new SimServer(new SimServerOptions
        {
            Listen = LinkAddress.Parse("tcp://127.0.0.1:0"),
            Stimulus = withStimulus ? LinkAddress.Parse("tcp://127.0.0.1:0") : null,
        });
        server.Start();
        return server;
    }
}
