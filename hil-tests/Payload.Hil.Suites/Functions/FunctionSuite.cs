namespace Payload.Hil.Suites.Functions;

/// <summary>ST[8] function management: NOOP, WAIT_FRAMES with progress, concurrency, unknown functions, bad arguments, the time limit.</summary>
public sealed class FunctionSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void NoopCompletesAndIsCounted()
    {
        long started = Bench.GetParameter("func.started");

        CommandHandle noop = Bench.SendAndComplete("FUNCTION_PERFORM", "NOOP", 12345);

        Assert.Empty(noop.ProgressSteps);
        Assert.Equal(started + 1, Bench.GetParameter("func.started").Raw);
    }

    [HilFact]
    public void WaitFramesRunsItsFramesOfOnboardTimeReportingProgress()
    {
        CommandHandle wait = Bench.Send("FUNCTION_PERFORM", "WAIT_FRAMES", 50);

        Bench.AssertCompleted(wait);
        Assert.Equal([1, 2, 3, 4], wait.ProgressSteps);
        long ran = wait.Report(Stage.Completed)!.MissionMicroseconds - wait.Report(Stage.Started)!.MissionMicroseconds;
        // It starts as it arrives, between two ticks, and each of its 50 steps runs at a tick.
        long frame = Durations.Frame.Ticks / 10;
        Assert.InRange(ran, 49 * frame, 50 * frame);
    }

    [HilFact]
    public void FourFunctionsRunAtOnceAndAFifthWaitsForAFreeSlot()
    {
        // While four run, no other command can start (the dispatcher's slots are full): the start reports tell the story.
        CommandHandle[] waits = [.. Enumerable.Range(0, 5).Select(i => Bench.Send("FUNCTION_PERFORM", "WAIT_FRAMES", 30 + i))];

        foreach (CommandHandle wait in waits) Bench.AssertCompleted(wait);

        long fifthStarted = waits[4].Report(Stage.Started)!.MissionMicroseconds;
        long firstDone = waits[0].Report(Stage.Completed)!.MissionMicroseconds;
        Assert.True(fifthStarted >= firstDone, $"the fifth started at {fifthStarted}, before the first completed at {firstDone}");
        Assert.All(waits.Take(4), w => Assert.True(w.Report(Stage.Started)!.MissionMicroseconds < firstDone));
        Bench.AwaitParameter("func.running", v => v == 0);
    }

    [HilFact]
    public void AnUnknownFunctionFailsAtStart()
    {
        VerificationReport failure = Bench.AssertFails(Bench.Send("FUNCTION_PERFORM", 99, 0), FailureCode.UnknownIdentifier, Stage.Started);

        Assert.Equal(99, failure.FailureData);
    }

    [HilFact]
    public void AnArgumentOutsideTheFunctionsRangeFailsAtStart()
    {
        VerificationReport failure = Bench.AssertFails(Bench.Send("FUNCTION_PERFORM", "WAIT_FRAMES", -1), FailureCode.IllegalArgument, Stage.Started);

        Assert.Equal(1, failure.FailureData); // the argument's index
    }

    [HilFact(Slow = true)]
    public void AFunctionPastItsTimeLimitFailsCompletionWithTimeout()
    {
        long timeouts = Bench.GetParameter("cmd.timeouts");
        Bench.EnsureEventBudget("CMD_FAILED");
        CommandHandle wait = Bench.Send("FUNCTION_PERFORM", "WAIT_FRAMES", 7000);

        VerificationReport failure = Bench.AssertFails(wait, FailureCode.Timeout, Stage.Completed, within: 65.Seconds());

        Assert.Equal(6001, failure.FailureData); // frames elapsed when the limit of 6000 was passed
        Assert.Equal(timeouts + 1, Bench.GetParameter("cmd.timeouts").Raw);
        Bench.AwaitEvent("CMD_FAILED", e => e["failure_code"] == "Timeout");
    }
}
