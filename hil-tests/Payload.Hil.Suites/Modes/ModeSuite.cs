namespace Payload.Hil.Suites.Modes;

/// <summary>The payload's modes: allowed transitions, refusals, and SAFE after a reset.</summary>
public sealed class ModeSuite : BenchTest
{
    public ModeSuite(ITestOutputHelper output) : base(output)
    {
        Bench.OnTeardown("back to SAFE", () => Bench.SendAndComplete("MODE_SET", "SAFE"));
    }

    [HilFact]
    public void SafeToStandbyToAcquireAndBackToSafeEachAnnounced()
    {
        long transitions = Bench.GetParameter("mode.transitions");
        Bench.EnsureEventBudget("MODE_CHANGED", 3);
        Mark start = Bench.Mark();

        Bench.SendAndComplete("MODE_SET", "STANDBY");
        Bench.AwaitParameter("mode.current", v => v == "STANDBY");
        Bench.SendAndComplete("MODE_SET", "ACQUIRE");
        Bench.AwaitParameter("mode.current", v => v == "ACQUIRE");
        Bench.SendAndComplete("MODE_SET", "SAFE");

        Bench.AssertEventSequence(start, 5.Seconds(),
            EventMatch.Where("MODE_CHANGED", e => e["from"] == "SAFE" && e["to"] == "STANDBY"),
            EventMatch.Where("MODE_CHANGED", e => e["from"] == "STANDBY" && e["to"] == "ACQUIRE"),
            EventMatch.Where("MODE_CHANGED", e => e["from"] == "ACQUIRE" && e["to"] == "SAFE"));
        Bench.AwaitParameter("mode.current", v => v == "SAFE");
        Assert.Equal(transitions + 3, Bench.GetParameter("mode.transitions").Raw);
    }

    [HilFact]
    public void AcquireCannotBeEnteredFromSafe()
    {
        Bench.EnsureEventBudget("MODE_TRANSITION_REFUSED");
        Bench.EnsureEventBudget("CMD_FAILED");
        CommandHandle refused = Bench.Send("MODE_SET", "ACQUIRE");

        VerificationReport failure = Bench.AssertFails(refused, FailureCode.ExecutionError, Stage.Started);
        Assert.Equal(0, failure.FailureData); // still SAFE
        Bench.AssertEventSequence(
            EventMatch.Where("MODE_TRANSITION_REFUSED", e => e["from"] == "SAFE" && e["to"] == "ACQUIRE"),
            EventMatch.Where("CMD_FAILED", e => e["failure_code"] == "ExecutionError"));
        Assert.Equal("SAFE", Bench.GetParameter("mode.current").Label);
    }

    [HilFact]
    public void EnteringThePresentModeChangesNothing()
    {
        long transitions = Bench.GetParameter("mode.transitions");

        using (Bench.NoEvents("MODE_CHANGED", "MODE_TRANSITION_REFUSED"))
        {
            Bench.SendAndComplete("MODE_SET", "SAFE");
        }

        Assert.Equal(transitions, Bench.GetParameter("mode.transitions").Raw);
    }

    [HilFact(Requires = Capability.BoardReset)]
    public void AResetReturnsToSafe()
    {
        Bench.SendAndComplete("MODE_SET", "STANDBY");
        Bench.AwaitParameter("mode.current", v => v == "STANDBY");

        Bench.ResetBoard();

        Bench.AwaitParameter("mode.current", v => v == "SAFE");
        Assert.Equal(0, Bench.GetParameter("mode.transitions").Raw);
    }
}
