namespace Payload.Hil.Suites.Parameters;

/// <summary>ST[20] parameter management: report, set, refusals, and persistence across a reset.</summary>
public sealed class ParameterSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void AReportAgreesWithHousekeeping()
    {
        TmValue reported = Bench.GetParameter("mode.current");

        Assert.Equal(0, reported.Raw); // SAFE after boot (or the baseline)
        Bench.AwaitParameter("mode.current", v => v == reported.Raw);
        Assert.Equal(Bench.Dictionary.Hash, (uint)Bench.GetParameter("sys.dictionary_hash").Raw);
    }

    [HilFact]
    public void SettingAParameterChangesItAndSaysSo()
    {
        long sets = Bench.GetParameter("param.sets");
        Bench.EnsureEventBudget("PARAM_CHANGED");

        TmValue old = Bench.SetParameter("tm.store_when_down_mask", 3);

        EventView changed = Bench.AwaitEvent("PARAM_CHANGED", e => e["param_id"] == "tm.store_when_down_mask");
        Assert.Equal(old.Raw, changed["old_value"].Raw);
        Assert.Equal(3, changed["new_value"].Raw);
        Assert.Equal(3, Bench.GetParameter("tm.store_when_down_mask").Raw);
        Assert.Equal(sets + 1, Bench.GetParameter("param.sets").Raw);
    }

    [HilFact]
    public void AReadOnlyParameterCannotBeSet()
    {
        VerificationReport failure = Bench.SendAndFail(FailureCode.ExecutionError, "PARAM_SET", "mode.current", 1);

        Assert.Equal(900, failure.FailureData);
        Assert.Equal(0, Bench.GetParameter("mode.current").Raw);
    }

    [HilFact]
    public void AValueOutsideTheParametersRangeIsRefused()
    {
        long before = Bench.GetParameter("tm.store_always_mask");

        VerificationReport failure = Bench.AssertFails(Bench.Send("PARAM_SET", "tm.store_always_mask", 8), FailureCode.IllegalArgument, Stage.Started);

        Assert.Equal(1, failure.FailureData);
        Assert.Equal(before, Bench.GetParameter("tm.store_always_mask").Raw);
    }

    [HilFact]
    public void AnUnknownParameterFailsReportAndSet()
    {
        Assert.Equal(9999, Bench.AssertFails(Bench.Send("PARAM_REPORT", 9999), FailureCode.UnknownIdentifier, Stage.Started).FailureData);
        Assert.Equal(9999, Bench.AssertFails(Bench.Send("PARAM_SET", 9999, 1), FailureCode.UnknownIdentifier, Stage.Started).FailureData);
    }

    [HilFact(Requires = Capability.BoardReset)]
    public void APersistedParameterSurvivesAReset()
    {
        Bench.SetParameter("tm.store_always_mask", 5);

        Bench.ResetBoard();

        EventView restored = Bench.AwaitEvent("PARAM_RESTORED");
        Assert.True(restored["restored"] >= 1);
        Assert.Equal(0, restored["out_of_range"].Raw);
        Assert.Equal(5, Bench.GetParameter("tm.store_always_mask").Raw);
        Assert.Equal(0, Bench.GetParameter("param.sets").Raw); // a new boot
    }
}
