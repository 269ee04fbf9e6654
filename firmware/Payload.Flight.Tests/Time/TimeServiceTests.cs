using Payload.Flight.Commanding;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Parameters;
using Payload.Flight.Tests.Support;
using Payload.Flight.Time;

namespace Payload.Flight.Tests.Time;

public class TimeServiceTests
{
    private const long Second = 1_000_000;
    private static readonly CucTime SetTo = new(0x12345678, 0x8000);
    private readonly PersistenceRig _rig = new(bootMicroseconds: 1000);

    private static byte[] TimeSet(CucTime time) =>
        [(byte)(time.Coarse >> 24), (byte)(time.Coarse >> 16), (byte)(time.Coarse >> 8), (byte)time.Coarse, (byte)(time.Fine >> 8), (byte)time.Fine];

    private SentTelemetry[] TimeReports(PersistenceRig rig) => rig.Telemetry.Of(TimeService.Service, TimeService.TimeReportSubtype).ToArray();

    [Fact]
    public void Before_any_set_time_is_the_monotonic_time_unsynchronised()
    {
        var packet = _rig.Execute(TimeService.Service, TimeService.ReportSubtype, []);

        Assert.Equal((FailureCode.None, 0L), _rig.Outcome(packet));
        // 1000 µs = 65.536 units of 2^-16 s, rounded to 0x42.
        Assert.Equal("00 00 00 00 00 42 00", Hex.Of(Assert.Single(TimeReports(_rig)).Data));
        Assert.Equal(TimeService.SourceDefault, _rig.Parameters.Get(TimeService.SourceParameter));
        Assert.Equal(0, _rig.Parameters.Get(TimeService.SynchronisedParameter));
    }

    [Fact]
    public void TIME_SET_makes_mission_time_equal_the_given_cuc_now_and_marks_it_synchronised()
    {
        var packet = _rig.Execute(TimeService.Service, TimeService.SetSubtype, TimeSet(SetTo));

        Assert.Equal((FailureCode.None, 0L), _rig.Outcome(packet));
        Assert.Equal(SetTo, _rig.Time.Now);
        Assert.True(_rig.Time.IsSynchronised);
        Assert.Equal(SetTo.ToMicroseconds() - 1000, _rig.Time.OffsetMicroseconds);
        Assert.Equal(1, _rig.Parameters.Get(TimeService.SynchronisedParameter));
        Assert.Equal(TimeService.SourceGround, _rig.Parameters.Get(TimeService.SourceParameter));
        Assert.Equal(1, _rig.Parameters.Get(TimeService.SetsParameter));
        Assert.Equal((SetTo.ToMicroseconds() - 1000) / Second, _rig.Parameters.Get(TimeService.OffsetParameter));
        var set = Assert.Single(_rig.Events.Raised, e => e.Id == TimeService.TimeSetEvent);
        Assert.Equal([0L, 0x12345678L], set.Arguments);
        Assert.True(_rig.Records.Contains(TimeService.RecordId));
    }

    [Fact]
    public void Time_runs_on_from_the_set_instant_and_TIME_REPORT_carries_it()
    {
        _rig.Execute(TimeService.Service, TimeService.SetSubtype, TimeSet(SetTo));
        _rig.Time.Advance(1000 + 3 * Second / 2);

        _rig.Execute(TimeService.Service, TimeService.ReportSubtype, []);

        // 0x12345678.5 s + 1.5 s = 0x1234567A.0 s, synchronised.
        Assert.Equal("12 34 56 7A 00 00 01", Hex.Of(Assert.Single(TimeReports(_rig)).Data));
    }

    [Fact]
    public void A_second_TIME_SET_reports_the_old_and_new_seconds()
    {
        _rig.Execute(TimeService.Service, TimeService.SetSubtype, TimeSet(SetTo));
        _rig.Time.Advance(1000 + 10 * Second);
        _rig.Execute(TimeService.Service, TimeService.SetSubtype, TimeSet(new CucTime(1000, 0)));

        var second = _rig.Events.Raised.Where(e => e.Id == TimeService.TimeSetEvent).Last();
        Assert.Equal([0x12345678L + 10, 1000L], second.Arguments);
        Assert.Equal(new CucTime(1000, 0), _rig.Time.Now);
        Assert.Equal(2, _rig.Parameters.Get(TimeService.SetsParameter));
    }

    [Fact]
    public void TIME_SET_REPORT_RATE_sends_a_report_every_two_to_the_n_minus_one_seconds_until_turned_off()
    {
        var packet = _rig.Execute(TimeService.Service, TimeService.SetReportRateSubtype, [3]);
        Assert.Equal((FailureCode.None, 0L), _rig.Outcome(packet));
        Assert.Equal(3, _rig.Parameters.Get(TimeService.ReportRateParameter));

        for (int s = 1; s <= 20; s++)
        {
            _rig.Time.Advance(1000 + s * Second);
            _rig.RunTimeService();
        }
        var reports = TimeReports(_rig);
        Assert.Equal([4L, 8, 12, 16, 20], reports.Select(r => r.U32(0)));
        Assert.All(reports, r => Assert.Equal(0, r.Data[6]));

        _rig.Execute(TimeService.Service, TimeService.SetReportRateSubtype, [0]);
        for (int s = 21; s <= 40; s++)
        {
            _rig.Time.Advance(1000 + s * Second);
            _rig.RunTimeService();
        }
        Assert.Equal(5, TimeReports(_rig).Length);
    }

    [Fact]
    public void A_report_rate_exponent_above_the_maximum_is_rejected_at_acceptance()
    {
        var packet = _rig.Execute(TimeService.Service, TimeService.SetReportRateSubtype, [TimeService.MaxReportRateExponent + 1]);

        Assert.Equal((FailureCode.IllegalArgument, 0L), _rig.Outcome(packet));
    }

    [Fact]
    public void After_a_reset_time_resumes_unsynchronised_one_persist_interval_after_the_saved_time()
    {
        _rig.Execute(TimeService.Service, TimeService.SetSubtype, TimeSet(SetTo));
        _rig.Time.Advance(1000 + 100 * Second);

        var after = _rig.Reboot(bootMicroseconds: 2000);

        Assert.Equal(SetTo.ToMicroseconds() + PersistenceRig.PersistIntervalSeconds * Second, after.Time.MissionMicroseconds);
        Assert.False(after.Time.IsSynchronised);
        Assert.Equal(TimeService.SourceRestored, after.TimeService.Source);
        Assert.Equal(TimeService.SourceRestored, after.Parameters.Get(TimeService.SourceParameter));
        Assert.Equal(0, after.Parameters.Get(TimeService.SynchronisedParameter));
        var restored = Assert.Single(after.Events.Raised, e => e.Id == TimeService.TimeRestoredEvent);
        Assert.Equal([0x12345678L + PersistenceRig.PersistIntervalSeconds, 1L], restored.Arguments);

        after.Execute(TimeService.Service, TimeService.ReportSubtype, []);
        Assert.Equal(0, Assert.Single(TimeReports(after)).Data[6]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(599)]
    [InlineData(600)]
    [InlineData(601)]
    [InlineData(1799)]
    [InlineData(2999)]
    public void Time_stamps_do_not_run_backwards_across_a_reset(int secondsBeforeReset)
    {
        _rig.Execute(TimeService.Service, TimeService.SetSubtype, TimeSet(SetTo));
        long lastStamp = 0;
        for (int s = 1; s <= secondsBeforeReset; s++)
        {
            _rig.Time.Advance(1000 + s * Second);
            _rig.RunTimeService();
            lastStamp = _rig.Time.MissionMicroseconds;
        }
        Assert.Equal(1 + secondsBeforeReset / PersistenceRig.PersistIntervalSeconds, _rig.Records.GenerationOf(TimeService.RecordId));

        var after = _rig.Reboot(bootMicroseconds: 0);

        Assert.True(after.Time.MissionMicroseconds >= lastStamp,
            $"resumed at {after.Time.MissionMicroseconds} µs, last stamp before the reset {lastStamp} µs");
        Assert.True(after.Time.MissionMicroseconds - lastStamp <= PersistenceRig.PersistIntervalSeconds * Second);
    }

    [Fact]
    public void Unsynchronised_time_is_carried_across_resets_too()
    {
        var rig = new PersistenceRig(bootMicroseconds: 0);
        for (int s = 1; s <= 700; s++)
        {
            rig.Time.Advance(s * Second);
            rig.RunTimeService();
        }

        var after = rig.Reboot(bootMicroseconds: 0);

        Assert.Equal((600 + PersistenceRig.PersistIntervalSeconds) * Second, after.Time.MissionMicroseconds);
        Assert.Equal([600L + PersistenceRig.PersistIntervalSeconds, 0L],
            Assert.Single(after.Events.Raised, e => e.Id == TimeService.TimeRestoredEvent).Arguments);
    }

    [Fact]
    public void With_nothing_saved_restore_leaves_time_alone()
    {
        Assert.False(_rig.TimeService.Restore());
        Assert.Equal(0, _rig.Time.OffsetMicroseconds);
        Assert.Equal(TimeService.SourceDefault, _rig.TimeService.Source);
        Assert.Equal(0, _rig.Events.Count(TimeService.TimeRestoredEvent));
    }

    [Fact]
    public void TIME_SET_stands_when_its_save_fails()
    {
        var layout = PersistenceRig.Layout;
        _rig.Flash.Stick(layout.SlotAddress(layout.IndexOf(TimeService.RecordId), 0) + RecordLayout.HeaderLength);

        var packet = _rig.Execute(TimeService.Service, TimeService.SetSubtype, TimeSet(SetTo));

        Assert.Equal((FailureCode.None, 0L), _rig.Outcome(packet));
        Assert.Equal(SetTo, _rig.Time.Now);
        Assert.Equal(1, _rig.Events.Count(RecordStore.WriteFailedEvent));
    }

    [Fact]
    public void Periodic_reports_saves_and_TIME_REPORT_allocate_nothing_in_steady_state()
    {
        var telemetry = new CountingTelemetrySink();
        var rig = new PersistenceRig(telemetry: telemetry, events: new SilentEventSink(), bootMicroseconds: 0);
        byte[] rate = rig.Encode(TimeService.Service, TimeService.SetReportRateSubtype, [1]);
        rig.Receiver.Submit(rate, 0, rate.Length, CommandSource.Link);
        rig.Step();
        byte[] report = rig.Encode(TimeService.Service, TimeService.ReportSubtype, []);
        long second = 0;
        void Cycle()
        {
            second++;
            rig.Time.Advance(second * Second);
            rig.RunTimeService();
            rig.Receiver.Submit(report, 0, report.Length, CommandSource.Link);
            rig.Step();
        }
        for (int i = 0; i < 700; i++) Cycle();
        long savesBefore = rig.Records.Writes, packetsBefore = telemetry.Packets;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1300; i++) Cycle();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2, rig.Records.Writes - savesBefore);
        Assert.True(telemetry.Packets - packetsBefore >= 2 * 1300);
    }
}
