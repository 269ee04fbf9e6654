namespace Payload.Hil.Suites.Events;

/// <summary>ST[5] event reporting: enable, disable, the disabled list, unknown identifiers, and the throttle.</summary>
public sealed class EventSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void ADisabledEventIsNotReportedUntilEnabledAgain()
    {
        Bench.DisableEvent("MODE_CHANGED");
        using (Bench.NoEvents("MODE_CHANGED"))
        {
            Bench.SendAndComplete("MODE_SET", "STANDBY");
        }
        Bench.AwaitParameter("mode.current", v => v == 1);

        Bench.SendAndComplete("EVENT_ENABLE", "MODE_CHANGED");
        Bench.EnsureEventBudget("MODE_CHANGED");
        Bench.SendAndComplete("MODE_SET", "SAFE");
        Bench.AwaitEvent("MODE_CHANGED", e => e["from"] == "STANDBY" && e["to"] == "SAFE");
    }

    [HilFact]
    public void TheDisabledListNamesEveryDisabledEvent()
    {
        Assert.Empty(Bench.DisabledEvents().Names);

        Bench.DisableEvent("PARAM_CHANGED");
        Bench.DisableEvent("SCHED_RELEASED");

        Assert.Equal(["SCHED_RELEASED", "PARAM_CHANGED"], Bench.DisabledEvents().Names);
        Bench.AwaitParameter("evt.disabled", v => v == 2);
    }

    [HilFact]
    public void AnUnknownEventIdentifierFailsAtStart()
    {
        VerificationReport failure = Bench.AssertFails(Bench.Send("EVENT_DISABLE", 9999), FailureCode.UnknownIdentifier, Stage.Started);

        Assert.Equal(9999, failure.FailureData);
        Assert.Empty(Bench.DisabledEvents().Names);
    }

    [HilFact(Slow = true)]
    public void TheThrottleLetsFiveReportsThroughPerWindowAndSummarisesTheRest()
    {
        // The window rolls every 1000 frames from boot; start the burst just after a rollover so it fits in one window.
        Bench.AwaitParameter("exec.frames", v => v % 1000 is >= 20 and < 500, within: 12.Seconds());
        long suppressedBefore = Bench.Latest("evt.suppressed");
        Mark start = Bench.Mark();

        for (int i = 0; i < 8; i++)
        {
            byte[] packet = Bench.Encode("TEST_ARE_YOU_ALIVE").Packet;
            packet[^1] ^= 0xFF;
            Bench.SendPacket(packet, $"corrupted TEST_ARE_YOU_ALIVE #{i + 1}");
        }

        EventView summary = Bench.AwaitEvent("EVENTS_SUPPRESSED", e => e["event_id"] == "CMD_REJECTED", within: 11.Seconds(), since: start);
        Assert.Equal(5, Bench.CountEvents("CMD_REJECTED", since: start));
        Assert.Equal(3, summary["suppressed"].Raw);
        Bench.AwaitParameter("evt.suppressed", v => v == suppressedBefore + 3);
    }
}
