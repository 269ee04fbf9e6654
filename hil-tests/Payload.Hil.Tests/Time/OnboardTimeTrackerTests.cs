namespace Payload.Hil.Tests.Time;

public sealed class OnboardTimeTrackerTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void BeforeAnyPacketBenchTimeIsGroundTime()
    {
        var tracker = new OnboardTimeTracker();

        Assert.Equal(1234, tracker.Now(1234));
        Assert.Null(tracker.MissionNow(1234));
        Assert.False(tracker.HasTime);
    }

    [Fact]
    public void BenchTimeFollowsTheBoardsPaceAndExtrapolatesBetweenPackets()
    {
        var tracker = new OnboardTimeTracker();
        Assert.True(tracker.Observe(1000 * Second, 10 * Second));

        Assert.True(tracker.Observe(1001 * Second, 11 * Second));

        Assert.Equal(11 * Second + 300_000, tracker.Now(11 * Second + 300_000));
        Assert.Equal(1001 * Second + 300_000, tracker.MissionNow(11 * Second + 300_000));
    }

    [Fact]
    public void ABoardRunningAtHalfSpeedHoldsBenchTimeBackAndItNeverRunsBackwards()
    {
        var tracker = new OnboardTimeTracker();
        long previous = long.MinValue;
        for (int i = 0; i <= 40; i++)
        {
            long ground = i * 100_000;
            tracker.Observe(500 * Second + i * 50_000, ground);
            long now = tracker.Now(ground);
            Assert.True(now >= previous);
            previous = now;
        }

        // 4 s of ground time, 2 s of on-board time: bench time follows the board.
        Assert.InRange(tracker.Now(4 * Second), 2 * Second - 100_000, 2 * Second + 100_000);
    }

    [Fact]
    public void ReplayedPacketsAreNotLiveAndLeaveTheTrackAlone()
    {
        var tracker = new OnboardTimeTracker();
        tracker.Observe(100 * Second, 0);
        tracker.Observe(105 * Second, 5 * Second);

        Assert.False(tracker.Observe(101 * Second, 5 * Second + 10_000));
        Assert.False(tracker.Observe(102 * Second, 5 * Second + 20_000));

        Assert.Equal(105 * Second + 30_000, tracker.MissionNow(5 * Second + 30_000));
        Assert.Equal(0, tracker.Discontinuities);
    }

    [Fact]
    public void AReorderedPacketALittleOlderIsStillLive()
    {
        var tracker = new OnboardTimeTracker();
        tracker.Observe(100 * Second, 0);

        Assert.True(tracker.Observe(100 * Second + 500_000, 600_000));
        Assert.True(tracker.Observe(100 * Second + 400_000, 610_000));
    }

    [Fact]
    public void AnUnannouncedJumpIsFollowedOnceItHoldsAndBenchTimeStaysContinuous()
    {
        var tracker = new OnboardTimeTracker(confirmationMicroseconds: 2 * Second);
        tracker.Observe(100 * Second, 0);
        tracker.Observe(101 * Second, Second);

        // The ground set the time a day later and nobody told the bench.
        long ground = 2 * Second;
        for (; ground <= 4 * Second; ground += 500_000) tracker.Observe(86_500 * Second + ground, ground);

        Assert.Equal(1, tracker.Discontinuities);
        Assert.Equal(86_500 * Second + 5 * Second, tracker.MissionNow(5 * Second));
        Assert.InRange(tracker.Now(5 * Second), 5 * Second - 100_000, 5 * Second + 100_000);
    }

    [Fact]
    public void AnAnchorMovesTheTrackAtOnceWithoutAJumpInBenchTime()
    {
        var tracker = new OnboardTimeTracker();
        tracker.Observe(100 * Second, 0);
        long before = tracker.Now(Second);

        tracker.Anchor(7 * Second, Second);

        Assert.Equal(before, tracker.Now(Second));
        Assert.Equal(8 * Second, tracker.MissionNow(2 * Second));
        Assert.True(tracker.Observe(8 * Second, 2 * Second));
    }
}
