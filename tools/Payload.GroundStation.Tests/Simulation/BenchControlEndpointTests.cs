using System.Collections.Concurrent;
using Payload.GroundStation.Link;
using Payload.GroundStation.Simulation;
using Payload.GroundStation.Simulation.BenchControl;
using Payload.GroundStation.Simulation.Stimulus;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tests.Transports;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Tests.Simulation;

/// <summary>The simulator process's bench control port over real TCP, against a real-time board a ground is connected to.</summary>
public sealed class BenchControlEndpointTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly SimServer _server;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentQueue<TelemetryReport> _received = new();
    private IGroundLink? _link;
    private GroundSession? _session;

    public BenchControlEndpointTests()
    {
        _server = new SimServer(new SimServerOptions { Listen = LinkAddress.Parse("tcp://127.0.0.1:0"), Control = LinkAddress.Parse("tcp://127.0.0.1:0") });
        _server.Log += _log.Enqueue;
        _server.Start();
    }

    [Fact]
    public void TheControlPortFliesAPassOverTheRunningBoardAndRefusesNonsenseWithTheReason()
    {
        Assert.Matches(@"^tcp://127\.0\.0\.1:\d+$", _server.ControlUri);
        Assert.False(_server.Driver.Invoke(board => board.RadarInput.TryPeek(out _)), "no radar before the stimulus flies one");

        StimulusTruth truth;
        using (var client = BenchControlClient.Connect(_server.ControlUri!, Timeout))
        {
            Assert.Equal(BenchControlProtocol.Identification, client.Query("*IDN?"));
            Assert.Equal("ERR unknown radar 'ERS2': use NISAR or SENTINEL1", client.Query("PASS ERS2"));
            truth = client.FlyPass(new PassRequest(StimulusRadar.Sentinel1, 3));
        }

        Assert.Equal((StimulusRadar.Sentinel1, 3UL, 1451.6), (truth.Radar, truth.Seed, truth.PrfHz));
        long aheadTicks = _server.Driver.Invoke(board => board.RadarInput.TryPeek(out var next) ? next.ToaTicks - board.NowTicks : long.MinValue);
        Assert.InRange(aheadTicks, 0, (long)(truth.VisibleDurationS * 80e6));
        Assert.Contains(_log, line => line.StartsWith("bench control: PASS SENTINEL1 seed=3 -> OK radar=SENTINEL1 seed=3 ", StringComparison.Ordinal));
        // Clients come and go like a bench's connections to its instruments.
        using var again = BenchControlClient.Connect(_server.ControlUri!, Timeout);
        Assert.Equal(BenchControlProtocol.Identification, again.Query("*IDN?"));
    }

    [Fact]
    public void APowerCycleRebootsTheRunningBoardWhichAnnouncesItsBoot()
    {
        ConnectGround();
        // Past the first boot's own SYS_BOOT (at 0 s), which a ground connecting at once may or may not have seen.
        Assert.True(Wall.Until(() => _received.Any(r => r.MissionMicroseconds >= 1_000_000), 5), "the board's first second of telemetry");
        int seen = Events("SYS_BOOT").Count();
        using var client = BenchControlClient.Connect(_server.ControlUri!, Timeout);

        int boots = client.PowerCycle("bench-test");

        Assert.Equal(2, boots);
        Assert.Equal(2, _server.Driver.Invoke(board => board.Boots));
        Assert.Equal(1, _server.Driver.Invoke(board => board.Resets.GetValueOrDefault("bench-test")));
        Assert.True(Wall.Until(() => Events("SYS_BOOT").Count() > seen, 5), "the board announces its new boot to the connected ground");
        Assert.Contains(_log, line => line == "bench control: POWER CYCLE bench-test -> OK boots=2 cause=bench-test");
    }

    [Fact]
    public void WhileTheLinkIsOffNoTelemetryReachesTheGroundAndItResumesWhenTheLinkIsOn()
    {
        ConnectGround();
        using var client = BenchControlClient.Connect(_server.ControlUri!, Timeout);
        Assert.True(client.LinkUp);

        client.SetLinkUp(false);
        Assert.False(client.LinkUp);
        Assert.False(_server.Driver.Invoke(board => board.Uart.IsUp));
        // Octets already on the simulated wire when the switch opened may still land; then nothing.
        Thread.Sleep(200);
        int atCut = _received.Count;
        Thread.Sleep(1500); // housekeeping goes out every second: at least one packet would have come
        int whileOff = _received.Count - atCut;

        client.SetLinkUp(true);

        Assert.Equal(0, whileOff);
        Assert.True(client.LinkUp);
        Assert.True(Wall.Until(() => _received.Count > atCut, 5), "telemetry resumes once the link is on");
    }

    [Fact]
    public void AClientSaysWhatWentWrongWhenNothingListensTheAddressIsNotTcpOrTheCauseCannotBeSent()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        taken.Stop(); // a port nothing listens on

        var refused = Assert.Throws<BenchControlException>(() => BenchControlClient.Connect($"tcp://127.0.0.1:{port}", Timeout));
        var notTcp = Assert.Throws<BenchControlException>(() => BenchControlClient.Connect("udp://127.0.0.1:5000", Timeout));
        using var client = BenchControlClient.Connect(_server.ControlUri!, Timeout);
        var badCause = Assert.Throws<ArgumentException>(() => client.PowerCycle("brown out"));

        Assert.StartsWith($"bench control tcp://127.0.0.1:{port}: ", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("is the simulator running with --control?", refused.Message, StringComparison.Ordinal);
        Assert.Equal("bench control 'udp://127.0.0.1:5000': the control port is tcp://HOST:PORT (as the simulator prints it)", notTcp.Message);
        Assert.StartsWith("cause 'brown out' must be a word of letters, digits", badCause.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.Driver.Invoke(board => board.Boots));
    }

    [Fact]
    public void AControlPortThatIsNotTcpIsRefusedWhenTheServerIsBuilt()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimServer(new SimServerOptions
        {
            Listen = LinkAddress.Parse("tcp://127.0.0.1:0"),
            Control = LinkAddress.Parse("udp://127.0.0.1:0"),
        }));

        Assert.StartsWith("the bench control port listens on tcp://HOST:PORT", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _session?.Dispose();
        _link?.Dispose();
        _server.Dispose();
    }

    private IEnumerable<EventReport> Events(string name) => _received.OfType<EventReport>().Where(e => e.Name == name);

    /// <summary>A ground on the board's link, once its telemetry flows.</summary>
    private void ConnectGround()
    {
        _link = GroundLinkFactory.Open(_server.ClientUri!);
        _session = new GroundSession(_link, _server.Dictionary);
        _session.Received += _received.Enqueue;
        Assert.True(Wall.Until(() => !_received.IsEmpty, 5), "telemetry from the running board");
    }
}
