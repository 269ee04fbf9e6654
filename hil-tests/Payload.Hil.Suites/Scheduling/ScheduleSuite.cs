using Payload.Flight.Config;
using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;

namespace Payload.Hil.Suites.Scheduling;

/// <summary>ST[11] time-based schedule: release within a frame, summary, deletion, reset, enable/disable, refusals.</summary>
public sealed class ScheduleSuite(ITestOutputHelper output) : BenchTest(output)
{
    private const long Second = 1_000_000;

    [HilFact]
    public void ATimeTaggedCommandIsReleasedWithinAFrameOfItsTime()
    {
        Bench.EnsureEventBudget("SCHED_RELEASED");
        long release = Bench.QueryOnboardTime().MissionMicroseconds + 2 * Second;

        TimeTaggedHandle tagged = Bench.SendTimeTagged(release, "TEST_ARE_YOU_ALIVE");

        Bench.AssertCompleted(tagged.Insertion);
        Assert.Equal(Payload.GroundStation.Tracking.CommandState.Sent, tagged.Scheduled.State);
        Bench.AssertCompleted(tagged.Scheduled, within: 4.Seconds());
        long accepted = tagged.Scheduled.Report(Stage.Accepted)!.MissionMicroseconds;
        Assert.InRange(accepted - release, 0, FlightConfiguration.MinorFrameMicroseconds - 1);
        Bench.AwaitEvent("SCHED_RELEASED", e => e["sequence_control"] == tagged.Scheduled.Tracked.RequestId.SequenceControl);
        Bench.AwaitPacket(17, 2);
    }

    [HilFact]
    public void TheSummaryListsEntriesInReleaseOrder()
    {
        long now = Bench.QueryOnboardTime().MissionMicroseconds;
        ResetScheduleAtTeardown();
        TimeTaggedHandle late = Insert(now + 300 * Second);
        TimeTaggedHandle early = Insert(now + 100 * Second);
        TimeTaggedHandle middle = Insert(now + 200 * Second);

        ScheduleSummary summary = Bench.ScheduleSummary();

        Assert.Equal([early.Scheduled.Tracked.RequestId, middle.Scheduled.Tracked.RequestId, late.Scheduled.Tracked.RequestId],
            summary.Entries.Select(e => e.RequestId));
        Assert.Equal([now + 100 * Second, now + 200 * Second, now + 300 * Second], summary.Entries.Select(e => e.ReleaseMissionMicroseconds));
        Bench.AwaitParameter("sched.used", v => v == 3);
    }

    [HilFact]
    public void ADeletedEntryIsNeverReleased()
    {
        long now = Bench.QueryOnboardTime().MissionMicroseconds;
        TimeTaggedHandle kept = Insert(now + 1 * Second);
        TimeTaggedHandle deleted = Insert(now + 1 * Second + 500_000);

        RequestId id = deleted.Scheduled.Tracked.RequestId;
        Bench.SendAndComplete("SCHED_DELETE", id.PacketId, id.SequenceControl);

        Assert.Equal([kept.Scheduled.Tracked.RequestId], Bench.ScheduleSummary().Entries.Select(e => e.RequestId));
        Bench.AssertCompleted(kept.Scheduled, within: 3.Seconds());
        Bench.Wait(1.Seconds());
        Assert.Empty(deleted.Scheduled.Reports);
    }

    [HilFact]
    public void DeletingAnEntryThatIsNotThereFails()
    {
        VerificationReport failure = Bench.AssertFails(Bench.Send("SCHED_DELETE", 0x1864, 0xC000 | 1234), FailureCode.UnknownIdentifier, Stage.Started);
        Assert.Equal((0x1864L << 16) | (0xC000 | 1234), failure.FailureData);
    }

    [HilFact]
    public void ResetEmptiesTheScheduleAndDisablesRelease()
    {
        long now = Bench.QueryOnboardTime().MissionMicroseconds;
        Insert(now + 100 * Second);
        Insert(now + 200 * Second);

        Bench.SendAndComplete("SCHED_RESET");
        Bench.OnTeardown("enable the schedule", () => Bench.SendAndComplete("SCHED_ENABLE"));

        Assert.Empty(Bench.ScheduleSummary().Entries);
        Assert.Equal(0, Bench.GetParameter("sched.enabled").Raw);
        Bench.SendAndComplete("SCHED_ENABLE");
        Assert.Equal(1, Bench.GetParameter("sched.enabled").Raw);
    }

    [HilFact]
    public void ADisabledScheduleHoldsDueCommandsUntilEnabled()
    {
        Bench.SendAndComplete("SCHED_DISABLE");
        Bench.OnTeardown("enable the schedule", () => Bench.SendAndComplete("SCHED_ENABLE"));
        long release = Bench.QueryOnboardTime().MissionMicroseconds + 500_000;
        TimeTaggedHandle held = Insert(release);

        Bench.Wait(1500.Milliseconds());
        Assert.Empty(held.Scheduled.Reports);

        CommandHandle enable = Bench.SendAndComplete("SCHED_ENABLE");
        Bench.AssertCompleted(held.Scheduled, within: 1.Seconds());
        long late = held.Scheduled.Report(Stage.Accepted)!.MissionMicroseconds - enable.Report(Stage.Completed)!.MissionMicroseconds;
        Assert.InRange(late, 0, 2 * FlightConfiguration.MinorFrameMicroseconds);
    }

    [HilFact]
    public void InsertingForATimeAlreadyPastFailsAtStart()
    {
        long now = Bench.QueryOnboardTime().MissionMicroseconds;

        TimeTaggedHandle past = Bench.SendTimeTagged(now / 2, "TEST_ARE_YOU_ALIVE");

        Bench.AssertFails(past.Insertion, FailureCode.ExecutionError, Stage.Started);
        Assert.Empty(Bench.ScheduleSummary().Entries);
    }

    [HilFact]
    public void AReleasedCommandThatFailsAcceptanceIsReportedAsRejected()
    {
        Bench.EnsureEventBudget("SCHED_RELEASE_REJECTED");
        long release = Bench.QueryOnboardTime().MissionMicroseconds + 1 * Second;
        byte[] stray = Bench.RawPacket("TEST_ARE_YOU_ALIVE", [], apid: FlightConfiguration.Apid + 1);
        var tag = CucTime.FromMicroseconds(release);
        long rejected = Bench.GetParameter("sched.rejected");

        Bench.SendAndComplete("SCHED_INSERT", (long)tag.Coarse, (long)tag.Fine, stray);

        EventView refusal = Bench.AwaitEvent("SCHED_RELEASE_REJECTED", within: 3.Seconds());
        Assert.True(refusal["failure_code"] == "WrongApid");
        Assert.Equal(rejected + 1, Bench.GetParameter("sched.rejected").Raw);
    }

    [HilFact]
    public void AFullScheduleRefusesTheNextInsertion()
    {
        long now = Bench.QueryOnboardTime().MissionMicroseconds;
        ResetScheduleAtTeardown();
        long capacity = Bench.GetParameter("sched.capacity");
        long used = Bench.GetParameter("sched.used");

        for (long i = used; i < capacity; i++) Insert(now + (100 + i) * Second);
        TimeTaggedHandle refused = Bench.SendTimeTagged(now + 1000 * Second, "TEST_ARE_YOU_ALIVE");

        VerificationReport failure = Bench.AssertFails(refused.Insertion, FailureCode.CapacityExceeded, Stage.Started);
        Assert.Equal(capacity, failure.FailureData);
    }

    private TimeTaggedHandle Insert(long release)
    {
        TimeTaggedHandle tagged = Bench.SendTimeTagged(release, "TEST_ARE_YOU_ALIVE");
        Bench.AssertCompleted(tagged.Insertion);
        return tagged;
    }

    private void ResetScheduleAtTeardown() => Bench.OnTeardown("empty the schedule", () =>
    {
        Bench.SendAndComplete("SCHED_RESET");
        Bench.SendAndComplete("SCHED_ENABLE");
    });
}
