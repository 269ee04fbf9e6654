using Payload.Flight.Config;

namespace Payload.Hil.Suites.Storage;

/// <summary>ST[15] packet store: storage while the link is down, replays by time and by sequence, summary, deletion, policy.</summary>
public sealed class StorageSuite(ITestOutputHelper output) : BenchTest(output)
{
    private const long Second = 1_000_000;

    /// <summary>How long after the link switch opens a packet already on the wire may still arrive (a 1 KB frame at 115200 baud takes 90 ms).</summary>
    private const long InFlightMicroseconds = 200_000;

    [HilFact(Requires = Capability.LinkOutage)]
    public void TelemetryOfALinkOutageIsStoredAndReplayedByTime()
    {
        long diverted = Bench.GetParameter("tm.diverted");
        long from = Bench.MissionNow;

        (long cut, long restored) = Bench.LinkOutage(4.Seconds());
        long to = Bench.MissionNow;
        // A packet already on its way when the switch opened may still land just after; nothing may come later in the outage.
        Assert.DoesNotContain(Bench.Received(Mark.Beginning), p => p.ReceivedAtMicroseconds > cut + InFlightMicroseconds && p.ReceivedAtMicroseconds < restored);

        CommandHandle replay = Bench.Send("STORE_DOWNLINK_TIME", from / Second, to / Second);
        Bench.AssertCompleted(replay, within: 10.Seconds());
        Bench.Wait(1.Seconds());

        HousekeepingView[] outage = Bench.Received(replay.Sent).OfType<HousekeepingView>()
            .Where(h => h.Name == "HK_CORE" && h.MissionMicroseconds > from && h.MissionMicroseconds < to).ToArray();
        Assert.True(outage.Length >= 3, $"{outage.Length} HK_CORE of the outage replayed");
        Assert.All(outage.Where(h => h.MissionMicroseconds < to - Second), h => Assert.True(h.IsReplay, $"{h} is marked a replay"));
        Assert.True(Bench.GetParameter("tm.diverted") >= diverted + outage.Length);
        Assert.True(Bench.GetParameter("store.replayed") >= outage.Length);
    }

    [HilFact]
    public void StoredPacketsReplayBySequenceCountAsTheyWereSent()
    {
        Bench.SetParameter("tm.store_always_mask", 3); // urgent and routine: housekeeping is stored while the link is up
        HousekeepingView first = Bench.AwaitHousekeeping("HK_CORE", since: Bench.Mark());
        HousekeepingView second = Bench.AwaitHousekeeping("HK_CORE", since: first.After);
        HousekeepingView third = Bench.AwaitHousekeeping("HK_CORE", since: second.After);

        CommandHandle replay = Bench.Send("STORE_DOWNLINK_SEQ", first.SequenceCount, third.SequenceCount);
        Bench.AssertCompleted(replay);

        AssertReplayedUnchanged(replay, first, second, third);
    }

    [HilFact]
    public void StoredPacketsReplayByTimeAsTheyWereSent()
    {
        Bench.SetParameter("tm.store_always_mask", 3);
        HousekeepingView first = Bench.AwaitHousekeeping("HK_CORE", since: Bench.Mark());
        HousekeepingView second = Bench.AwaitHousekeeping("HK_CORE", since: first.After);

        CommandHandle replay = Bench.Send("STORE_DOWNLINK_TIME", first.MissionMicroseconds / Second, second.MissionMicroseconds / Second);
        Bench.AssertCompleted(replay);

        AssertReplayedUnchanged(replay, first, second);
    }

    [HilFact]
    public void TheSummaryDescribesTheStore()
    {
        StoreSummary summary = Bench.StoreSummary();

        Assert.True(summary.Enabled);
        Assert.Equal(0, summary.Policy);
        Assert.Equal(FlightConfiguration.PacketStoreBytes, summary.CapacityBytes);
        Assert.Equal(FlightConfiguration.PacketStorePackets, summary.CapacityPackets);
        Assert.True(summary.PacketsHeld > 0, "urgent packets (verification reports) are always stored");
        Assert.InRange(Bench.GetParameter("store.packets_held").Raw, summary.PacketsHeld, summary.PacketsHeld + 20);
        Assert.True(summary.NewestMissionMicroseconds >= summary.OldestMissionMicroseconds);
    }

    [HilFact]
    public void ADisabledStoreStoresNothingUntilEnabled()
    {
        Bench.SendAndComplete("STORE_DISABLE");
        Bench.OnTeardown("enable the store", () => Bench.SendAndComplete("STORE_ENABLE"));
        long stored = Bench.GetParameter("store.stored");

        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");
        Assert.Equal(stored, Bench.GetParameter("store.stored").Raw);
        Assert.False(Bench.StoreSummary().Enabled);

        Bench.SendAndComplete("STORE_ENABLE");
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");
        Assert.True(Bench.GetParameter("store.stored") > stored);
    }

    [HilFact]
    public void DeletingUpToATimeDropsTheOlderPackets()
    {
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE"); // its verification reports are stored (the urgent class always is)
        Bench.Wait(1200.Milliseconds());
        long now = Bench.QueryOnboardTime().MissionMicroseconds;
        long deleted = Bench.StoreSummary().Deleted;

        Bench.SendAndComplete("STORE_DELETE_UNTIL", now / Second);

        StoreSummary after = Bench.StoreSummary();
        Assert.True(after.Deleted > deleted);
        Assert.True(after.OldestMissionMicroseconds >= now / Second * Second, $"the oldest packet left is from t={after.OldestMissionMicroseconds / 1e6:0.000} s");
    }

    [HilFact]
    public void ATimeRangeThatRunsBackwardsFailsAtStart()
    {
        VerificationReport failure = Bench.AssertFails(Bench.Send("STORE_DOWNLINK_TIME", 200, 100), FailureCode.IllegalArgument, Stage.Started);

        Assert.Equal(1, failure.FailureData);
    }

    [HilFact]
    public void ASecondReplayWhileOneRunsIsBusy()
    {
        Bench.SetParameter("tm.store_always_mask", 7);
        Bench.Wait(3.Seconds());
        long to = Bench.QueryOnboardTime().MissionMicroseconds / Second;

        CommandHandle first = Bench.Send("STORE_DOWNLINK_TIME", to - 3, to);
        CommandHandle second = Bench.Send("STORE_DOWNLINK_TIME", to - 3, to);

        Bench.AssertFails(second, FailureCode.Busy, Stage.Started);
        Bench.AssertCompleted(first, within: 10.Seconds());
    }

    [HilFact]
    public void TheOverflowPolicyCanBeSet()
    {
        Bench.SendAndComplete("STORE_SET_POLICY", "STOP_WHEN_FULL");
        Bench.OnTeardown("policy back to CIRCULAR", () => Bench.SendAndComplete("STORE_SET_POLICY", "CIRCULAR"));

        Assert.Equal(1, Bench.StoreSummary().Policy);
        Assert.Equal("STOP_WHEN_FULL", Bench.GetParameter("store.policy").Label);
    }

    private void AssertReplayedUnchanged(CommandHandle replay, params HousekeepingView[] originals)
    {
        HousekeepingView[] copies = [];
        bool all = Bench.WaitUntil(() =>
        {
            copies = [.. Bench.Received(replay.Sent).OfType<HousekeepingView>().Where(h => h.IsReplay && originals.Any(o => o.SequenceCount == h.SequenceCount))];
            return copies.Length >= originals.Length;
        }, 5.Seconds());
        Assert.True(all, $"{copies.Length} of {originals.Length} housekeeping packets came back");
        foreach (HousekeepingView original in originals)
        {
            HousekeepingView copy = copies.First(c => c.SequenceCount == original.SequenceCount);
            Assert.Equal(original.Report.Packet, copy.Report.Packet);
        }
    }
}
