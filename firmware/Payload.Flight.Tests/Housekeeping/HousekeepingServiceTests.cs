using Payload.Flight.Commanding;
using Payload.Flight.Housekeeping;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using Payload.Flight.Verification;
using static Payload.Flight.Tests.Housekeeping.HousekeepingRig;

namespace Payload.Flight.Tests.Housekeeping;

public class HousekeepingServiceTests
{
    private readonly HousekeepingRig _hk = new();

    private ServiceCommandRig Rig => _hk.Rig;

    [Fact]
    public void A_report_carries_the_structure_id_then_each_value_in_its_type()
    {
        SetValues();
        int before = Rig.Telemetry.Sent.Count;

        _hk.RunFrames(1);

        var report = Rig.SentSince(before, HousekeepingService.Service).Single(t => t.Data[0] == AllTypes);
        Assert.Equal(HousekeepingService.ParameterReportSubtype, report.Subtype);
        Assert.Equal(TelemetryClass.Routine, report.Priority);
        Assert.Equal("01 01 AB BE EF DE AD BE EF FE FE D4 FF FE EE 90", Hex.Of(report.Data));
    }

    [Fact]
    public void Intervals_are_honoured_to_the_frame_over_ten_thousand_frames()
    {
        _hk.RunFrames(10_000);

        Assert.Equal(Enumerable.Range(0, 1000).Select(k => (long)k * AllTypesInterval), _hk.FramesOf(AllTypes));
        Assert.Equal(Enumerable.Range(0, 1429).Select(k => (long)k * SlowInterval), _hk.FramesOf(Slow));
        Assert.Empty(_hk.FramesOf(Spare));
        Assert.Equal(1000 + 1429, Rig.Parameters.Get(HousekeepingService.ReportsParameter));
        Assert.Equal(1000 + 1429, _hk.Service.Reports);
    }

    [Fact]
    public void Each_report_samples_the_values_of_its_own_frame()
    {
        for (int frame = 0; frame < 30; frame++)
        {
            Rig.Parameters.Set(U32, 1000 + frame);
            _hk.RunFrames(1);
        }

        var values = Rig.Telemetry.Sent.Where(t => t.Service == HousekeepingService.Service && t.Data[0] == Slow).Select(t => t.U32(1));
        Assert.Equal([1000L, 1007L, 1014L, 1021L, 1028L], values);
    }

    [Fact]
    public void HK_ENABLE_starts_a_structure_at_the_next_frame_then_every_interval_and_HK_DISABLE_stops_it()
    {
        _hk.RunFrames(13);

        Assert.True(Rig.Execute(HousekeepingService.Service, HousekeepingService.EnableSubtype, Spare).Succeeded);
        _hk.RunFrames(12);
        Assert.Equal([13L, 18L, 23L], _hk.FramesOf(Spare));

        Assert.True(Rig.Execute(HousekeepingService.Service, HousekeepingService.DisableSubtype, Spare).Succeeded);
        _hk.RunFrames(50);
        Assert.Equal([13L, 18L, 23L], _hk.FramesOf(Spare));
        Assert.Equal(Enumerable.Range(0, 8).Select(k => (long)k * AllTypesInterval), _hk.FramesOf(AllTypes));
    }

    [Fact]
    public void Enabling_an_enabled_structure_keeps_its_phase()
    {
        _hk.RunFrames(15);

        Rig.Execute(HousekeepingService.Service, HousekeepingService.EnableSubtype, AllTypes);
        _hk.RunFrames(15);

        Assert.Equal([0L, 10L, 20L], _hk.FramesOf(AllTypes));
    }

    [Fact]
    public void HK_SET_INTERVAL_takes_effect_from_the_last_report()
    {
        _hk.RunFrames(25);

        var result = Rig.Execute(HousekeepingService.Service, HousekeepingService.SetIntervalSubtype, AllTypes, 0, 0, 0, 3);
        _hk.RunFrames(10);

        Assert.True(result.Succeeded);
        Assert.Equal([0L, 10L, 20L, 25L, 28L, 31L, 34L], _hk.FramesOf(AllTypes));
        Assert.Equal(3, _hk.Service.Find(AllTypes)!.IntervalTicks);
    }

    [Fact]
    public void A_longer_interval_delays_the_next_report()
    {
        _hk.RunFrames(21);

        Rig.Execute(HousekeepingService.Service, HousekeepingService.SetIntervalSubtype, AllTypes, 0, 0, 0, 50);
        _hk.RunFrames(199);

        Assert.Equal([0L, 10L, 20L, 70L, 120L, 170L], _hk.FramesOf(AllTypes));
    }

    [Fact]
    public void A_new_interval_on_a_disabled_structure_applies_once_it_is_enabled()
    {
        Rig.Execute(HousekeepingService.Service, HousekeepingService.SetIntervalSubtype, Spare, 0, 0, 0, 2);
        _hk.RunFrames(5);
        Rig.Execute(HousekeepingService.Service, HousekeepingService.EnableSubtype, Spare);
        _hk.RunFrames(5);

        Assert.Equal([5L, 7L, 9L], _hk.FramesOf(Spare));
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(1L, true)]
    [InlineData(360_000L, true)]
    [InlineData(360_001L, false)]
    public void HK_SET_INTERVAL_accepts_1_to_360000_ticks(long ticks, bool accepted)
    {
        byte[] data = [AllTypes, (byte)(ticks >> 24), (byte)(ticks >> 16), (byte)(ticks >> 8), (byte)ticks];

        var result = Rig.Execute(HousekeepingService.Service, HousekeepingService.SetIntervalSubtype, data);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal(VerificationReporter.AcceptanceFailure, result.ReportSubtype);
            Assert.Equal(FailureCode.IllegalArgument, result.Code);
            Assert.Equal(AllTypesInterval, _hk.Service.Find(AllTypes)!.IntervalTicks);
        }
        else
        {
            Assert.Equal(ticks, _hk.Service.Find(AllTypes)!.IntervalTicks);
        }
    }

    [Fact]
    public void HK_ONE_SHOT_reports_at_once_even_when_disabled_and_leaves_the_schedule_alone()
    {
        Rig.Parameters.Set(U16, 0x1234);
        Rig.Parameters.Set(U8, 0x56);
        _hk.RunFrames(3);
        int before = Rig.Telemetry.Sent.Count;

        var spare = Rig.Execute(HousekeepingService.Service, HousekeepingService.OneShotSubtype, Spare);
        var all = Rig.Execute(HousekeepingService.Service, HousekeepingService.OneShotSubtype, AllTypes);

        Assert.True(spare.Succeeded);
        Assert.True(all.Succeeded);
        var reports = Rig.SentSince(before, HousekeepingService.Service);
        Assert.Equal([Spare, AllTypes], reports.Select(r => r.Data[0]));
        Assert.Equal("03 12 34 56", Hex.Of(reports[0].Data));
        Assert.All(reports, r => Assert.Equal(HousekeepingService.ParameterReportSubtype, r.Subtype));

        _hk.RunFrames(20);
        Assert.Equal([0L, 10L, 20L], _hk.FramesOf(AllTypes));
        Assert.Empty(_hk.FramesOf(Spare));
    }

    [Fact]
    public void HK_REPORT_STRUCTURE_reports_id_state_interval_and_parameter_ids()
    {
        Rig.Execute(HousekeepingService.Service, HousekeepingService.SetIntervalSubtype, Spare, 0x00, 0x05, 0x7E, 0x40);
        int before = Rig.Telemetry.Sent.Count;

        var spare = Rig.Execute(HousekeepingService.Service, HousekeepingService.ReportStructureSubtype, Spare);
        var all = Rig.Execute(HousekeepingService.Service, HousekeepingService.ReportStructureSubtype, AllTypes);

        Assert.True(spare.Succeeded);
        Assert.True(all.Succeeded);
        var reports = Rig.SentSince(before, HousekeepingService.Service);
        Assert.All(reports, r => Assert.Equal(HousekeepingService.StructureReportSubtype, r.Subtype));
        Assert.All(reports, r => Assert.Equal(TelemetryClass.Routine, r.Priority));
        Assert.Equal("03 00 00 05 7E 40 00 02 03 EA 03 E9", Hex.Of(reports[0].Data));
        Assert.Equal("01 01 00 00 00 0A 00 07 03 E8 03 E9 03 EA 03 EB 03 EC 03 ED 03 EE", Hex.Of(reports[1].Data));
    }

    [Theory]
    [InlineData(HousekeepingService.EnableSubtype)]
    [InlineData(HousekeepingService.DisableSubtype)]
    [InlineData(HousekeepingService.ReportStructureSubtype)]
    [InlineData(HousekeepingService.OneShotSubtype)]
    [InlineData(HousekeepingService.SetIntervalSubtype)]
    public void Every_command_fails_with_UnknownIdentifier_for_an_undeclared_structure(byte subtype)
    {
        byte[] data = subtype == HousekeepingService.SetIntervalSubtype ? [42, 0, 0, 0, 9] : [42];
        int before = Rig.Telemetry.Sent.Count;

        var result = Rig.Execute(HousekeepingService.Service, subtype, data);

        Assert.Equal(VerificationReporter.CompletionFailure, result.ReportSubtype);
        Assert.Equal(FailureCode.UnknownIdentifier, result.Code);
        Assert.Equal(42, result.Data);
        Assert.Empty(Rig.SentSince(before, HousekeepingService.Service));
    }

    [Fact]
    public void Reports_the_downlink_refuses_are_counted_and_a_refused_one_shot_fails_Busy()
    {
        Rig.Telemetry.RefusedService = HousekeepingService.Service;

        _hk.RunFrames(20);
        var oneShot = Rig.Execute(HousekeepingService.Service, HousekeepingService.OneShotSubtype, AllTypes);
        var layout = Rig.Execute(HousekeepingService.Service, HousekeepingService.ReportStructureSubtype, AllTypes);

        Assert.Equal(FailureCode.Busy, oneShot.Code);
        Assert.Equal(FailureCode.Busy, layout.Code);
        Assert.Equal(2 + 3 + 1, Rig.Parameters.Get(HousekeepingService.DroppedParameter));
        Assert.Equal(0, Rig.Parameters.Get(HousekeepingService.ReportsParameter));

        Rig.Telemetry.RefusedService = -1;
        _hk.RunFrames(1);
        Assert.Equal([20L], _hk.FramesOf(AllTypes));
    }

    [Fact]
    public void After_a_frame_slip_one_report_stands_for_the_missed_ones_and_the_next_follows_an_interval_later()
    {
        int before = Rig.Telemetry.Sent.Count;

        foreach (long frame in new long[] { 0, 35, 41, 42, 44, 45 }) _hk.Service.Run(frame, frame * 10_000);

        var sids = Rig.SentSince(before, HousekeepingService.Service).Select(t => t.Data[0]);
        Assert.Equal([AllTypes, Slow, AllTypes, Slow, Slow, AllTypes], sids);
    }

    private void SetValues()
    {
        Rig.Parameters.Set(Flag, 1);
        Rig.Parameters.Set(U8, 0xAB);
        Rig.Parameters.Set(U16, 0xBEEF);
        Rig.Parameters.Set(U32, 0xDEADBEEF);
        Rig.Parameters.Set(I8, -2);
        Rig.Parameters.Set(I16, -300);
        Rig.Parameters.Set(I32, -70000);
    }
}
