using Payload.Flight.Commanding;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;
using Payload.Flight.Tests.Support;
using static Payload.Flight.Tests.Parameters.PersistenceRig;

namespace Payload.Flight.Tests.Parameters;

public class ParameterServiceTests
{
    private readonly PersistenceRig _rig = new();

    private SentTelemetry[] ValueReports() => _rig.Telemetry.Of(ParameterService.Service, ParameterService.ValueReportSubtype).ToArray();

    [Theory]
    [InlineData(Gain, "00 01 23 29 00 05")]
    [InlineData(Threshold, "00 01 23 2A B2 D0 5E 00")]
    [InlineData(Mode, "00 01 23 2B 01")]
    [InlineData(ReadOnly, "00 01 23 2C 00 07")]
    [InlineData(Flag, "00 01 23 2D 00")]
    [InlineData(Offset, "00 01 23 2E FF FF FF F9")]
    public void PARAM_REPORT_answers_count_id_and_the_value_in_the_parameters_own_type(ushort id, string expected)
    {
        var packet = _rig.Execute(ParameterService.Service, ParameterService.ReportSubtype, ParamReport(id));

        Assert.Equal((FailureCode.None, 0L), _rig.Outcome(packet));
        var report = Assert.Single(ValueReports());
        Assert.Equal(expected, Hex.Of(report.Data));
        Assert.Equal(Flight.Telemetry.TelemetryClass.Routine, report.Priority);
        Assert.Equal(1, _rig.Parameters.Get(ParameterService.ReportsParameter));
    }

    [Fact]
    public void PARAM_REPORT_of_an_unknown_id_fails_with_unknown_identifier()
    {
        var packet = _rig.Execute(ParameterService.Service, ParameterService.ReportSubtype, ParamReport(4321));

        Assert.Equal((FailureCode.UnknownIdentifier, 4321L), _rig.Outcome(packet));
        Assert.Empty(ValueReports());
    }

    [Fact]
    public void PARAM_REPORT_dropped_by_a_full_downlink_fails_busy()
    {
        _rig.Telemetry.Accepting = false;
        _rig.Execute(ParameterService.Service, ParameterService.ReportSubtype, ParamReport(Gain));

        var failed = Assert.Single(_rig.Events.Raised, e => e.Id == CommandingDictionary.CommandFailed);
        Assert.Equal((long)FailureCode.Busy, failed.Arguments[0]);
        Assert.Equal(0, _rig.Parameters.Get(ParameterService.ReportsParameter));
    }

    [Fact]
    public void PARAM_SET_sets_the_value_raises_an_event_and_the_next_report_shows_it()
    {
        var packet = _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, -42));

        Assert.Equal((FailureCode.None, 0L), _rig.Outcome(packet));
        Assert.Equal(-42, _rig.Parameters.Get(Gain));
        Assert.Equal(1, _rig.Parameters.Get(ParameterService.SetsParameter));
        var changed = Assert.Single(_rig.Events.Raised, e => e.Id == ParameterService.ChangedEvent);
        Assert.Equal([Gain, 5L, -42L], changed.Arguments);

        _rig.Execute(ParameterService.Service, ParameterService.ReportSubtype, ParamReport(Gain));
        Assert.Equal("00 01 23 29 FF D6", Hex.Of(Assert.Single(ValueReports()).Data));
    }

    [Theory]
    [InlineData(Gain, -100)]
    [InlineData(Gain, 100)]
    [InlineData(Threshold, 0)]
    [InlineData(Threshold, int.MaxValue)]
    [InlineData(Mode, 3)]
    [InlineData(Flag, 1)]
    [InlineData(Offset, int.MinValue)]
    public void PARAM_SET_accepts_the_ends_of_the_parameters_range(ushort id, int value)
    {
        var packet = _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(id, value));

        Assert.Equal((FailureCode.None, 0L), _rig.Outcome(packet));
        Assert.Equal(value, _rig.Parameters.Get(id));
    }

    [Fact]
    public void PARAM_SET_of_an_unknown_id_fails_with_unknown_identifier()
    {
        var packet = _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(4321, 1));

        Assert.Equal((FailureCode.UnknownIdentifier, 4321L), _rig.Outcome(packet));
        Assert.Equal(0, _rig.Parameters.Get(ParameterService.SetsParameter));
    }

    [Fact]
    public void PARAM_SET_of_a_read_only_parameter_fails_with_execution_error_and_changes_nothing()
    {
        var packet = _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(ReadOnly, 1));

        Assert.Equal((FailureCode.ExecutionError, (long)ReadOnly), _rig.Outcome(packet));
        Assert.Equal(7, _rig.Parameters.Get(ReadOnly));
        Assert.Equal(0, _rig.Events.Count(ParameterService.ChangedEvent));
    }

    [Theory]
    [InlineData(Gain, 101)]
    [InlineData(Gain, -101)]
    [InlineData(Threshold, -1)]
    [InlineData(Mode, 4)]
    [InlineData(Flag, 2)]
    public void PARAM_SET_outside_the_parameters_range_fails_with_illegal_argument_on_the_value(ushort id, int value)
    {
        long before = _rig.Parameters.Get(id);
        var packet = _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(id, value));

        Assert.Equal((FailureCode.IllegalArgument, 1L), _rig.Outcome(packet));
        Assert.Equal(before, _rig.Parameters.Get(id));
        Assert.Equal(0, _rig.Records.Writes);
    }

    [Fact]
    public void PARAM_SET_with_a_malformed_argument_list_is_rejected_at_acceptance()
    {
        var packet = _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamReport(Gain));

        Assert.Equal(FailureCode.BadArgumentLength, _rig.Outcome(packet).Code);
    }

    [Fact]
    public void A_persisted_set_is_saved_and_a_volatile_one_is_not()
    {
        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Mode, 2));
        Assert.Equal(0, _rig.Records.Writes);

        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, 9));
        Assert.Equal(1, _rig.Records.Writes);
        Assert.True(_rig.Records.Contains(ParameterPersistence.RecordId));
    }

    [Fact]
    public void Set_values_survive_a_reset_and_volatile_ones_return_to_their_defaults()
    {
        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, -3));
        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Threshold, 123_456));
        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Flag, 1));
        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Offset, int.MinValue));
        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Mode, 3));

        var after = _rig.Reboot();

        Assert.Equal(-3, after.Parameters.Get(Gain));
        Assert.Equal(123_456, after.Parameters.Get(Threshold));
        Assert.Equal(1, after.Parameters.Get(Flag));
        Assert.Equal(int.MinValue, after.Parameters.Get(Offset));
        Assert.Equal(1, after.Parameters.Get(Mode));
        Assert.Equal(4, after.Parameters.Get(ParameterPersistence.RestoredParameter));
        var restored = Assert.Single(after.Events.Raised, e => e.Id == ParameterPersistence.RestoredEvent);
        Assert.Equal([4L, 0L, 0L], restored.Arguments);
    }

    [Fact]
    public void A_set_that_cannot_be_saved_fails_and_puts_the_old_value_back()
    {
        _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, 10));
        // The next save goes to slot B: make one of its octets stuck so the read-back fails.
        _rig.Flash.Stick(Layout.SlotAddress(0, 1) + RecordLayout.HeaderLength + 3);

        var packet = _rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, 20));

        Assert.Equal((FailureCode.ExecutionError, (long)Gain), _rig.Outcome(packet));
        Assert.Equal(10, _rig.Parameters.Get(Gain));
        Assert.Equal(1, _rig.Parameters.Get(ParameterPersistence.SaveFailuresParameter));
        Assert.Equal(1, _rig.Parameters.Get(RecordStore.WriteFailuresParameter));
        Assert.Equal(10, _rig.Reboot().Parameters.Get(Gain));
    }

    [Fact]
    public void A_power_cut_during_a_save_leaves_the_old_or_the_new_value_after_the_reset()
    {
        int octetsOfSave = RecordLayout.SlotLengthFor(2 + 4 * ParameterPersistence.EntryLength) + 1;
        for (int cut = 0; cut <= octetsOfSave; cut++)
        {
            var rig = new PersistenceRig();
            rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, 10));
            rig.Flash.CutPowerAfter(cut);
            // The dispatcher catches the handler's exception as it would any other; the board is "off" from here.
            rig.Execute(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, 20));
            rig.Flash.PowerOn();

            long gain = rig.Reboot().Parameters.Get(Gain);
            Assert.True(gain == (cut < octetsOfSave ? 10 : 20), $"cut after {cut} of {octetsOfSave} octets: {gain}");
        }
    }

    [Fact]
    public void Too_many_persisted_parameters_are_refused_at_boot()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PersistenceRig(declareTestParameters: builder =>
        {
            for (int i = 0; i <= ParameterPersistence.Capacity; i++)
            {
                builder.Add(new Flight.Dictionary.ParameterDefinition((ushort)(9100 + i), "test.p" + i, Flight.Dictionary.DataType.UInt8, "", "")
                    { Settable = true, Persisted = true });
            }
        }));
        Assert.Contains("Capacity", error.Message);
    }

    [Fact]
    public void PARAM_SET_and_PARAM_REPORT_allocate_nothing_in_steady_state()
    {
        var telemetry = new CountingTelemetrySink();
        var rig = new PersistenceRig(telemetry: telemetry, events: new SilentEventSink());
        byte[][] packets =
        [
            rig.Encode(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, 11)),
            rig.Encode(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Gain, -11)),
            rig.Encode(ParameterService.Service, ParameterService.SetSubtype, ParamSet(Mode, 2)),
            rig.Encode(ParameterService.Service, ParameterService.ReportSubtype, ParamReport(Threshold)),
        ];
        void Cycle(int i)
        {
            byte[] packet = packets[i % packets.Length];
            rig.Receiver.Submit(packet, 0, packet.Length, CommandSource.Link);
            rig.Step();
        }
        for (int i = 0; i < 40; i++) Cycle(i);
        long writesBefore = rig.Records.Writes, packetsBefore = telemetry.Packets;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 400; i++) Cycle(i);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(200, rig.Records.Writes - writesBefore);
        Assert.True(telemetry.Packets - packetsBefore >= 100 * 4);
        Assert.Equal(-11, rig.Parameters.Get(Gain));
    }
}
