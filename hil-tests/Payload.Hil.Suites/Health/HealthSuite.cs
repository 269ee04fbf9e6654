namespace Payload.Hil.Suites.Health;

/// <summary>
/// The executive's health under nominal operations (invariants on every housekeeping packet, no warnings), and the
/// bench's own negative and invariant checks: that they fail, and say why, when the board misbehaves.
/// </summary>
public sealed class HealthSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void NominalOperationsRaiseNoWarningsAndKeepTheExecutiveHealthy()
    {
        HousekeepingView start = Bench.AwaitHousekeeping("HK_CORE", within: 2.Seconds());
        long overruns = start["exec.rg100hz.overruns"], slips = start["exec.frame_slips"];
        Bench.Invariant("no new 100 Hz overruns", hk => hk["exec.rg100hz.overruns"] == overruns);
        Bench.Invariant("no new frame slips", hk => hk["exec.frame_slips"] == slips);
        Bench.Invariant("the watchdog is served", hk => hk["exec.watchdog_withheld"] == 0);
        Bench.Invariant("frames keep counting", hk => hk["exec.frames"] > start["exec.frames"].Raw || hk.Index == start.Index);

        using (Bench.NoEvents(minSeverity: Severity.Medium))
        {
            Bench.SendAndComplete("MODE_SET", "STANDBY");
            Bench.SendAndComplete("FUNCTION_PERFORM", "WAIT_FRAMES", 20);
            Bench.SendAndComplete("HK_ONE_SHOT", "HK_LINK");
            Bench.SendAndComplete("MODE_SET", "SAFE");
            Bench.Wait(2.Seconds());
        }
    }

    [HilFact]
    public void AViolatedInvariantFailsWithTheFirstViolatingPacket()
    {
        InvariantHandle safe = Bench.Invariant("stays in SAFE", hk => hk["mode.current"] == "SAFE");
        Bench.OnTeardown("back to SAFE", () => Bench.SendAndComplete("MODE_SET", "SAFE"));

        Bench.SendAndComplete("MODE_SET", "STANDBY");
        Bench.AwaitHousekeeping("HK_CORE", hk => hk["mode.current"] == "STANDBY");

        Exception failure = Bench.ExpectFailure(safe.Dispose);
        Assert.False(safe.Holds);
        Assert.Contains("invariant 'stays in SAFE'", failure.Message);
        Assert.Contains("VIOLATED", failure.Message);
        Assert.Contains("mode.current=STANDBY", failure.Message);
        Assert.Contains("telemetry log: ", failure.Message);
        Assert.Equal(1, safe.FirstViolation!["mode.current"].Raw);
    }

    [HilFact]
    public void AForbiddenEventFailsTheBlockAndNamesIt()
    {
        Bench.OnTeardown("back to SAFE", () => Bench.SendAndComplete("MODE_SET", "SAFE"));
        Bench.EnsureEventBudget("MODE_CHANGED");

        Exception failure = Bench.ExpectFailure(() =>
        {
            using (Bench.NoEvents("MODE_CHANGED"))
            {
                Bench.SendAndComplete("MODE_SET", "STANDBY");
            }
        });

        Assert.Contains("MODE_CHANGED from=SAFE to=STANDBY", failure.Message);
    }

    [HilFact]
    public void AFailedWaitLeavesTheTelemetryLogBehind()
    {
        Exception failure = Bench.ExpectFailure(() => Bench.AwaitEvent("MODE_CHANGED", within: 1.Seconds()));

        Assert.Contains("no MODE_CHANGED within 1 s of on-board time", failure.Message);
        Assert.True(File.Exists(Bench.LogPath), Bench.LogPath);
        string log = File.ReadAllText(Bench.LogPath);
        Assert.Contains($"HIL log of {Bench.TestName}", log);
        Assert.Contains("TM[3,25]  HK_CORE", log);
        Assert.Contains("! no MODE_CHANGED", log);
    }

    [HilFact]
    public void AnUnknownNameIsAMistakeInTheTestNotAFailureOfTheBoard()
    {
        var mistake = Assert.Throws<ArgumentException>(() => Bench.AwaitEvent("MODE_CHANGE"));
        Assert.Contains("did you mean MODE_CHANGED", mistake.Message);
        Assert.Throws<Payload.GroundStation.Commanding.CommandEncodingException>(() => Bench.Send("MODE_SET", "STANDBYE"));
    }
}
