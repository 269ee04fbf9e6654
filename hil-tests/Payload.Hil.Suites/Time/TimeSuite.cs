namespace Payload.Hil.Suites.Time;

/// <summary>ST[9] time management: reports, the periodic rate, setting time, and time across a reset.</summary>
public sealed class TimeSuite(ITestOutputHelper output) : BenchTest(output)
{
    private const long Second = 1_000_000;

    [HilFact]
    public void TheTimeReportCarriesOnboardTimeAndTheSynchronisedFlag()
    {
        TimeReport report = Bench.QueryOnboardTime();

        // Written in the frame that sends it: the report's time and its packet's time stamp agree.
        Assert.InRange(report.MissionMicroseconds - report.Packet.MissionMicroseconds, 0, 10_000);
        Assert.Equal(report.Synchronised, Bench.GetParameter("time.synchronised") == true);
    }

    [HilFact]
    public void SettingTimeMovesMissionTimeAndMarksItSynchronised()
    {
        long before = Bench.QueryOnboardTime().MissionMicroseconds;
        long target = before + 86_400 * Second; // a day later, whatever the board's epoch

        EventView set = Bench.SetOnboardTime(target);

        Assert.Equal(before / Second, set["old_seconds"].Raw, 1.0);
        TimeReport after = Bench.QueryOnboardTime();
        Assert.True(after.Synchronised);
        Assert.InRange(after.MissionMicroseconds - target, 0, 2 * Second);
        Bench.AwaitHousekeeping("HK_CORE", hk => hk["time.synchronised"] == true && hk.MissionMicroseconds >= target);
        Assert.Equal("GROUND", Bench.GetParameter("time.source").Label);
    }

    [HilFact]
    public void PeriodicTimeReportsFollowTheRateAndStopAtZero()
    {
        Bench.SendAndComplete("TIME_SET_REPORT_RATE", 1);
        Bench.OnTeardown("periodic time reports off", () => Bench.SendAndComplete("TIME_SET_REPORT_RATE", 0));

        ReceivedPacket first = Bench.AwaitPacket(9, 2, within: 2.Seconds());
        ReceivedPacket second = Bench.AwaitPacket(9, 2, within: 2.Seconds(), since: first.After);
        Assert.Equal(Second, TimeReport.Read(second).MissionMicroseconds - TimeReport.Read(first).MissionMicroseconds, 10_000.0);

        Bench.SendAndComplete("TIME_SET_REPORT_RATE", 0);
        Bench.Wait(200.Milliseconds());
        Mark off = Bench.Mark();
        Bench.Wait(2500.Milliseconds());
        Assert.DoesNotContain(Bench.Received(off), p => p is { Service: 9, Subtype: 2 });
    }

    [HilFact]
    public void ARateBeyondTheLargestIsRefusedAtAcceptance()
    {
        Bench.AssertFails(Bench.SendPacket(Bench.RawPacket("TIME_SET_REPORT_RATE", [12]), "TIME_SET_REPORT_RATE 12"), FailureCode.IllegalArgument, Stage.Accepted);
    }

    [HilFact(Requires = Capability.BoardReset)]
    public void TimeResumesAfterAResetFromTheSavedTimeUnsynchronised()
    {
        long target = 1_000_000_000 * Second;
        Bench.SetOnboardTime(target);

        Bench.ResetBoard();

        // Resumed at the saved time plus one persist interval (600 s), so stamps never run backwards across a reset.
        EventView restored = Bench.AwaitEvent("TIME_RESTORED");
        Assert.Equal(target / Second + 600, restored["seconds"].Raw, 1.0);
        Assert.True(restored["was_synchronised"] == true);
        TimeReport now = Bench.QueryOnboardTime();
        Assert.False(now.Synchronised);
        Assert.True(now.MissionMicroseconds >= target + 600 * Second);
        Assert.Equal("RESTORED", Bench.GetParameter("time.source").Label);
    }
}
