using Payload.Flight.Protocol;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil.Tests.Time;

public sealed class ReplayClassifierTests
{
    private const long Second = 1_000_000;
    private readonly ReplayClassifier _classifier = new(new OnboardTimeTracker());
    private ushort _sequence;

    private GenericReport Packet(byte service, long missionMicroseconds, ushort? sequence = null) => new()
    {
        Apid = 0x64,
        SequenceCount = sequence ?? _sequence++,
        Service = service,
        Subtype = 1,
        MessageTypeCounter = 0,
        DestinationId = 1,
        TimeReferenceStatus = 0,
        Time = CucTime.FromMicroseconds(missionMicroseconds),
        Packet = [],
    };

    [Fact]
    public void LivePacketsFollowingTheBoardAreLiveAndARepeatedOneIsAReplay()
    {
        Assert.False(_classifier.IsReplay(Packet(3, 100 * Second, 7), 10 * Second));
        Assert.False(_classifier.IsReplay(Packet(3, 101 * Second, 8), 11 * Second));

        Assert.True(_classifier.IsReplay(Packet(3, 100 * Second, 7), 11 * Second));
    }

    [Fact]
    public void AHousekeepingPacketOlderThanTheUrgentReorderingAllowanceIsAReplayButAnStThirteenPartIsNot()
    {
        _classifier.IsReplay(Packet(3, 100 * Second), 10 * Second);
        _classifier.IsReplay(Packet(1, 101 * Second), 11 * Second);
        long stale = 101 * Second - ReplayClassifier.ReorderAllowanceMicroseconds - 200_000;

        Assert.True(_classifier.IsReplay(Packet(3, stale), 11 * Second));
        Assert.False(_classifier.IsReplay(Packet(13, stale), 11 * Second));
        Assert.True(_classifier.IsReplay(Packet(13, 101 * Second - ReplayClassifier.BulkReorderAllowanceMicroseconds - 20_000), 11 * Second));
    }

    [Fact]
    public void ANewBootMayRepeatTheLastBootsFirstPacketsWithoutThemBeingReplays()
    {
        Assert.False(_classifier.IsReplay(Packet(3, 5 * Second, 0), 10 * Second));
        Assert.True(_classifier.IsReplay(Packet(3, 5 * Second, 0), 10 * Second + 100_000));
        _classifier.ForgetBoot();

        Assert.False(_classifier.IsReplay(Packet(3, 5 * Second, 0), 10 * Second + 200_000));
    }

    [Fact]
    public void AfterAResetTheNewBootsFirstPacketsAreLiveThoughItsClockStartedAgain()
    {
        Assert.False(_classifier.IsReplay(Packet(3, 49 * Second, 40), 10 * Second));
        Assert.True(_classifier.IsReplay(Packet(5, 0, 0), 10 * Second + 10_000), "without a reset, a packet 49 s old is a replay");

        _classifier.ForgetBoot();

        // What the new boot sends before its SYS_BOOT (PARAM_RESTORED…), stamped from its restarted clock.
        Assert.False(_classifier.IsReplay(Packet(5, 0, 0), 10 * Second + 20_000));
        Assert.False(_classifier.IsReplay(Packet(5, 1_000, 1), 10 * Second + 30_000));
        Assert.True(_classifier.IsReplay(Packet(5, 1_000, 1), 10 * Second + 40_000), "a repeated packet is still a replay");
    }
}
