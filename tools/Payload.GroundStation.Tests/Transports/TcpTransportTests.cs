using Payload.Flight.Commanding;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Tests.Transports;

/// <summary>The TCP transport against a simulator server in this process, in real time.</summary>
public sealed class TcpTransportTests
{
    [Fact]
    public void ACommandRoundTripsAndHousekeepingFlowsFromConnection()
    {
        using var sim = new LiveSim("tcp://127.0.0.1:0");
        GroundSession session = sim.Connect();

        Assert.Equal(LinkState.Connected, session.Link.State);
        Assert.False(session.Link.IsPacketOriented);
        Assert.True(Wall.Until(() => session.LastHashCheck is not null, 2), "no dictionary hash within 2 s: housekeeping is not flowing");
        Assert.True(session.LastHashCheck!.Matches);
        TrackedCommand command = Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));

        Assert.True(command.Completed, command.ToString());
        Assert.Equal([VerificationStage.Acceptance, VerificationStage.Start, VerificationStage.Completion], command.Reports.Select(r => r.Stage));
        Assert.Contains(sim.Log, line => line.Contains("connected", StringComparison.Ordinal));
    }

    [Fact]
    public void AFailureReportCarriesTheCodeAndData()
    {
        using var sim = new LiveSim("tcp://127.0.0.1:0");
        GroundSession session = sim.Connect();

        TrackedCommand command = Wall.Finished(session.Send("HK_ENABLE", "sid=99"));

        Assert.Equal(CommandState.Failed, command.State);
        Assert.Equal(FailureCode.UnknownIdentifier, command.FailureCode);
        Assert.Equal(99, command.Failure!.FailureData);
    }

    [Fact]
    public void GarbageBetweenFramesIsDiscardedByTheBoardWhichSaysSoAndCommandsStillWork()
    {
        using var sim = new LiveSim("tcp://127.0.0.1:0");
        GroundSession session = sim.Connect();

        Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));
        session.SendRaw([0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00]);
        session.SendRaw([0x00, 0x42, 0x42, 0x42]); // a half frame: ended by the next command's leading delimiter
        TrackedCommand after = Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));

        Assert.True(after.Completed, after.ToString());
        // The flight code reports discards at its next look (once a second), possibly split over two reports.
        Assert.True(Wall.Until(() => sim.Events("UPLINK_FRAMES_DISCARDED").Sum(e => e["frames"].Raw) >= 2, 2.5),
            "UPLINK_FRAMES_DISCARDED did not report the two broken frames: " + string.Join("; ", sim.Events("UPLINK_FRAMES_DISCARDED").Select(e => e.Describe())));
        Assert.Equal(0, session.Statistics.FramesDiscarded); // and the downlink stayed clean
    }

    [Fact]
    public void OpeningAPortWhereNothingListensFailsWithTheReason()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var failure = Assert.Throws<IOException>(() => GroundLinkFactory.Open($"tcp://127.0.0.1:{port}"));

        Assert.StartsWith($"cannot open tcp://127.0.0.1:{port}:", failure.Message, StringComparison.Ordinal);
    }
}
