namespace Payload.Hil.Suites.Housekeeping;

/// <summary>ST[3] housekeeping: periodic reports, enable and disable, one-shot, structure report, interval.</summary>
public sealed class HousekeepingSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void CoreHousekeepingComesEverySecondOfOnboardTime()
    {
        HousekeepingView first = Bench.AwaitHousekeeping("HK_CORE");
        HousekeepingView second = Bench.AwaitHousekeeping("HK_CORE", since: first.After);
        HousekeepingView third = Bench.AwaitHousekeeping("HK_CORE", since: second.After);

        // On-board time stamps: exact in any target, whatever the link's latency.
        Assert.Equal(1_000_000, second.MissionMicroseconds - first.MissionMicroseconds);
        Assert.Equal(1_000_000, third.MissionMicroseconds - second.MissionMicroseconds);
        Assert.Equal(Bench.Dictionary.Hash, (uint)third["sys.dictionary_hash"].Raw);
        Assert.True(third["exec.frames"] > first["exec.frames"].Raw);
    }

    [HilFact]
    public void ADisabledStructureStopsUntilEnabledAgain()
    {
        Bench.SendAndComplete("HK_DISABLE", "HK_CORE");
        Bench.OnTeardown("enable HK_CORE", () => Bench.SendAndComplete("HK_ENABLE", "HK_CORE"));
        Bench.Wait(200.Milliseconds()); // a report already on the wire may still land
        Mark quiet = Bench.Mark();

        Bench.Wait(2500.Milliseconds());
        Assert.DoesNotContain(Bench.Received(quiet), p => p is HousekeepingView { Name: "HK_CORE" });

        Bench.SendAndComplete("HK_ENABLE", "HK_CORE");
        Bench.AwaitHousekeeping("HK_CORE", within: 2.Seconds());
    }

    [HilFact]
    public void OneShotReportsAStructureAtOnceEvenWhenDisabled()
    {
        Bench.SendAndComplete("HK_DISABLE", "HK_LINK");
        Bench.OnTeardown("enable HK_LINK", () => Bench.SendAndComplete("HK_ENABLE", "HK_LINK"));

        CommandHandle shot = Bench.SendAndComplete("HK_ONE_SHOT", "HK_LINK");

        HousekeepingView report = Bench.AwaitHousekeeping("HK_LINK", within: 1.Seconds());
        Assert.InRange(report.MissionMicroseconds - shot.Report(Stage.Accepted)!.MissionMicroseconds, 0, 50_000);
        Assert.True(report["cmd.accepted"] > 0);
    }

    [HilFact]
    public void TheStructureReportDescribesTheDeclaredLayout()
    {
        StructureLayout layout = Bench.StructureLayout("HK_CORE");

        HousekeepingStructureDefinition declared = Bench.Dictionary.HousekeepingStructures.Single(s => s.Name == "HK_CORE");
        Assert.Equal(declared.Id, layout.StructureId);
        Assert.True(layout.Enabled);
        Assert.Equal(declared.IntervalTicks, layout.IntervalTicks);
        Assert.Equal(declared.ParameterIds, layout.ParameterIds);
    }

    [HilFact]
    public void ANewIntervalChangesThePeriod()
    {
        Bench.SendAndComplete("HK_SET_INTERVAL", "HK_CORE", 25);
        Bench.OnTeardown("HK_CORE back to 100 frames", () => Bench.SendAndComplete("HK_SET_INTERVAL", "HK_CORE", 100));

        HousekeepingView first = Bench.AwaitHousekeeping("HK_CORE", since: Bench.Mark());
        HousekeepingView second = Bench.AwaitHousekeeping("HK_CORE", since: first.After);
        Assert.Equal(250_000, second.MissionMicroseconds - first.MissionMicroseconds);
        Assert.Equal(25, Bench.StructureLayout("HK_CORE").IntervalTicks);
    }

    [HilFact]
    public void AnUnknownStructureFailsAtStartAndABadIntervalAtAcceptance()
    {
        Bench.AssertFails(Bench.Send("HK_ONE_SHOT", 99), FailureCode.UnknownIdentifier, Stage.Started);

        // interval_ticks 0: the encoder refuses it, so the packet is built by hand for the board's own check.
        byte[] zero = [1, 0, 0, 0, 0];
        Bench.AssertFails(Bench.SendPacket(Bench.RawPacket("HK_SET_INTERVAL", zero), "HK_SET_INTERVAL HK_CORE 0"), FailureCode.IllegalArgument, Stage.Accepted);
        Bench.AwaitHousekeeping("HK_CORE", within: 2.Seconds());
    }
}
