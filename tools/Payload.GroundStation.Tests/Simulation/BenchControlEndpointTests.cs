using System.Collections.Concurrent;
using Payload.GroundStation.Simulation;
using Payload.GroundStation.Simulation.Stimulus;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Tests.Simulation;

/// <summary>The simulator process's stimulus control port over real TCP, against a real-time board.</summary>
public sealed class StimulusEndpointTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void TheControlPortFliesAPassOverTheRunningBoardAndRefusesNonsenseWithTheReason()
    {
        using var server = new SimServer(new SimServerOptions { Listen = LinkAddress.Parse("tcp://127.0.0.1:0"), Stimulus = LinkAddress.Parse("tcp://127.0.0.1:0") });
        var log = new ConcurrentQueue<string>();
        server.Log += log.Enqueue;
        server.Start();
        Assert.Matches(@"^tcp://127\.0\.0\.1:\d+$", server.StimulusUri);
        Assert.False(server.Driver.Invoke(board => board.RadarInput.TryPeek(out _)), "no radar before the stimulus flies one");

        StimulusTruth truth;
        using (var client = StimulusClient.Connect(server.StimulusUri!, Timeout))
        {
            Assert.Equal(StimulusProtocol.Identification, client.Query("*IDN?"));
            Assert.Equal("ERR unknown radar 'ERS2': use NISAR or SENTINEL1", client.Query("PASS ERS2"));
            truth = client.Fly(new PassRequest(StimulusRadar.Sentinel1, 3));
        }

        Assert.Equal((StimulusRadar.Sentinel1, 3UL, 1451.6), (truth.Radar, truth.Seed, truth.PrfHz));
        long aheadTicks = server.Driver.Invoke(board => board.RadarInput.TryPeek(out var next) ? next.ToaTicks - board.NowTicks : long.MinValue);
        Assert.InRange(aheadTicks, 0, (long)(truth.VisibleDurationS * 80e6));
        Assert.Contains(log, line => line.StartsWith("stimulus: PASS SENTINEL1 seed=3 -> OK radar=SENTINEL1 seed=3 ", StringComparison.Ordinal));
        // Clients come and go like a bench's connections to a signal generator.
        using var again = StimulusClient.Connect(server.StimulusUri!, Timeout);
        Assert.Equal(StimulusProtocol.Identification, again.Query("*IDN?"));
    }

    [Fact]
    public void AClientSaysWhatWentWrongWhenNothingListensOrTheAddressIsNotTcp()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        taken.Stop(); // a port nothing listens on

        var refused = Assert.Throws<StimulusException>(() => StimulusClient.Connect($"tcp://127.0.0.1:{port}", Timeout));
        var notTcp = Assert.Throws<StimulusException>(() => StimulusClient.Connect("udp://127.0.0.1:5000", Timeout));

        Assert.StartsWith($"stimulus tcp://127.0.0.1:{port}: ", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("is the simulator running with --stimulus?", refused.Message, StringComparison.Ordinal);
        Assert.Equal("stimulus 'udp://127.0.0.1:5000': the control port is tcp://HOST:PORT (as the simulator prints it)", notTcp.Message);
    }

    [Fact]
    public void AStimulusThatIsNotTcpIsRefusedWhenTheServerIsBuilt()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimServer(new SimServerOptions
        {
            Listen = LinkAddress.Parse("tcp://127.0.0.1:0"),
            Stimulus = LinkAddress.Parse("udp://127.0.0.1:0"),
        }));

        Assert.StartsWith("the stimulus control port listens on tcp://HOST:PORT", error.Message, StringComparison.Ordinal);
    }
}
