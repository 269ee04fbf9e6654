using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Parameters;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using static Payload.Flight.Tests.Events.EventRig;

namespace Payload.Flight.Tests.Events;

public class EventReporterTests
{
    private readonly EventRig _rig = new();

    private List<SentTelemetry> Sent => _rig.Telemetry.Sent;

    [Fact]
    public void Unsigned_arguments_are_encoded_big_endian_in_their_declared_widths()
    {
        _rig.Reporter.Raise(Unsigned, 0xAB, 0xBEEF, 0xDEADBEEF);

        var report = Assert.Single(Sent);
        Assert.Equal((byte)5, report.Service);
        Assert.Equal("03 E9 AB BE EF DE AD BE EF", Hex.Of(report.Data));
    }

    [Fact]
    public void Signed_arguments_are_encoded_in_twos_complement_and_read_back()
    {
        _rig.Reporter.Raise(Signed, -2, -300, -70000);

        var data = Assert.Single(Sent).Data;
        Assert.Equal("03 EA FE FE D4 FF FE EE 90", Hex.Of(data));
        Assert.Equal(-2, DataTypes.Read(DataType.Int8, data, 2));
        Assert.Equal(-300, DataTypes.Read(DataType.Int16, data, 3));
        Assert.Equal(-70000, DataTypes.Read(DataType.Int32, data, 5));
    }

    [Theory]
    [InlineData(0L, "00")]
    [InlineData(1L, "01")]
    [InlineData(5L, "01")]
    [InlineData(-1L, "01")]
    public void A_boolean_argument_is_one_octet_0_or_1(long value, string encoded)
    {
        _rig.Reporter.Raise(Flag, value);

        Assert.Equal("03 EB " + encoded, Hex.Of(Assert.Single(Sent).Data));
    }

    [Fact]
    public void Values_wider_than_the_declared_type_are_truncated_to_it()
    {
        _rig.Reporter.Raise(Unsigned, 0x1FF, 0x12345, 0x1_0000_0002);

        Assert.Equal("03 E9 FF 23 45 00 00 00 02", Hex.Of(Assert.Single(Sent).Data));
    }

    [Fact]
    public void Arguments_beyond_the_declared_ones_are_ignored_and_missing_ones_are_zero()
    {
        _rig.Reporter.Raise(Plain, 1, 2, 3);
        _rig.Reporter.Raise(Unsigned, 7);
        _rig.Reporter.Raise(Signed);

        Assert.Equal("03 E8", Hex.Of(Sent[0].Data));
        Assert.Equal("03 E9 07 00 00 00 00 00 00", Hex.Of(Sent[1].Data));
        Assert.Equal("03 EA 00 00 00 00 00 00 00", Hex.Of(Sent[2].Data));
    }

    [Theory]
    [InlineData(Plain, (byte)1, TelemetryClass.Routine)]
    [InlineData(Unsigned, (byte)2, TelemetryClass.Routine)]
    [InlineData(Signed, (byte)3, TelemetryClass.Routine)]
    [InlineData(Flag, (byte)4, TelemetryClass.Urgent)]
    public void Severity_is_the_subtype_and_only_high_severity_is_urgent(ushort id, byte subtype, TelemetryClass priority)
    {
        _rig.Reporter.Raise(id);

        var report = Assert.Single(Sent);
        Assert.Equal(subtype, report.Subtype);
        Assert.Equal(priority, report.Priority);
        Assert.Equal(id, report.U16(0));
    }

    [Fact]
    public void A_disabled_event_is_skipped_and_counted_until_enabled_again()
    {
        Assert.True(_rig.Reporter.TrySetEnabled(Plain, false));
        _rig.Reporter.Raise(Plain);
        _rig.Reporter.Raise(Plain);

        Assert.Empty(Sent);
        Assert.False(_rig.Reporter.IsEnabled(Plain));
        Assert.Equal(2, _rig.Parameters.Get(EventReporter.DisabledSkippedParameter));
        Assert.Equal(1, _rig.Parameters.Get(EventReporter.DisabledCountParameter));

        Assert.True(_rig.Reporter.TrySetEnabled(Plain, true));
        _rig.Reporter.Raise(Plain);

        Assert.Single(Sent);
        Assert.Equal(0, _rig.Parameters.Get(EventReporter.DisabledCountParameter));
        Assert.False(_rig.Reporter.TrySetEnabled(4242, false));
    }

    [Fact]
    public void Every_event_is_enabled_at_boot()
    {
        Assert.All(_rig.Dictionary.Events, e => Assert.True(_rig.Reporter.IsEnabled(e.Id)));
        Assert.Equal(0, _rig.Reporter.DisabledCount);
    }

    [Fact]
    public void The_throttle_passes_the_limit_then_summarises_the_rest_once_at_the_window_end()
    {
        _rig.RunFrames(0, 1);
        for (int n = 0; n < 10; n++) _rig.Reporter.Raise(Chatty, n);
        _rig.RunFrames(1, Window);

        Assert.Equal(new[] { 0, 1, 2 }, Sent.Select(t => t.U16(2)));
        Assert.Equal(7, _rig.Parameters.Get(EventReporter.SuppressedParameter));

        _rig.RunFrames(Window, Window + 1);

        var summary = Sent[^1];
        Assert.Equal(4, Sent.Count);
        Assert.Equal((byte)Severity.Low, summary.Subtype);
        Assert.Equal(TelemetryClass.Routine, summary.Priority);
        Assert.Equal("01 90 03 EC 00 00 00 07", Hex.Of(summary.Data));
    }

    [Fact]
    public void A_new_window_allows_the_limit_again_and_a_quiet_window_sends_no_summary()
    {
        _rig.RunFrames(0, 1);
        for (int n = 0; n < 5; n++) _rig.Reporter.Raise(Chatty, n);
        _rig.RunFrames(1, Window + 1);
        int afterFirstWindow = Sent.Count;

        for (int n = 0; n < 5; n++) _rig.Reporter.Raise(Chatty, 100 + n);
        Assert.Equal(afterFirstWindow + ChattyLimit, Sent.Count);

        _rig.RunFrames(Window + 1, 2 * Window + 1);
        Assert.Equal(2, Sent.Count(t => t.U16(0) == EventReporter.EventsSuppressedEvent));

        _rig.RunFrames(2 * Window + 1, 5 * Window + 1);
        Assert.Equal(2, Sent.Count(t => t.U16(0) == EventReporter.EventsSuppressedEvent));
    }

    [Fact]
    public void Ten_thousand_raises_in_one_window_give_the_limit_and_one_summary()
    {
        _rig.RunFrames(0, 1);
        for (int n = 0; n < 10_000; n++)
        {
            _rig.Reporter.Raise(Chatty, n);
            if (n % 200 == 0) _rig.Reporter.Run(1 + n / 200, 0);
        }
        _rig.RunFrames(51, Window + 1);

        Assert.Equal(ChattyLimit + 1, Sent.Count);
        var summary = Sent[^1];
        Assert.Equal(EventReporter.EventsSuppressedEvent, summary.U16(0));
        Assert.Equal(Chatty, summary.U16(2));
        Assert.Equal(10_000 - ChattyLimit, summary.U32(4));
    }

    [Fact]
    public void Each_throttled_event_gets_its_own_summary_and_throttles_are_independent()
    {
        _rig.RunFrames(0, 1);
        for (int n = 0; n < 8; n++) _rig.Reporter.Raise(Chatty, n);
        for (int n = 0; n < 7; n++) _rig.Reporter.Raise(Plain);
        for (int n = 0; n < 50; n++) _rig.Reporter.Raise(Quiet);
        _rig.RunFrames(1, Window + 1);

        var summaries = Sent.Where(t => t.U16(0) == EventReporter.EventsSuppressedEvent)
            .Select(t => (Id: t.U16(2), Count: t.U32(4))).OrderBy(s => s.Id).ToList();
        Assert.Equal(new (int, long)[] { (Plain, 2), (Chatty, 5) }, summaries);
        Assert.Equal(50, Sent.Count(t => t.U16(0) == Quiet));
    }

    [Fact]
    public void The_window_rolls_exactly_window_frames_after_the_first_run()
    {
        _rig.RunFrames(500, 501);
        for (int n = 0; n < 4; n++) _rig.Reporter.Raise(Chatty, n);

        _rig.RunFrames(501, 500 + Window);
        Assert.Equal(ChattyLimit, Sent.Count);
        _rig.RunFrames(500 + Window, 501 + Window);
        Assert.Equal(ChattyLimit + 1, Sent.Count);
    }

    [Fact]
    public void A_summary_the_sink_refused_is_retried_at_the_next_rollover_with_the_count_carried()
    {
        var telemetry = new RecordingTelemetrySink();
        var rig = new EventRig(telemetry);
        rig.RunFrames(0, 1);
        for (int n = 0; n < 5; n++) rig.Reporter.Raise(Chatty, n);
        telemetry.Accepting = false;
        rig.RunFrames(1, Window + 1);
        telemetry.Accepting = true;
        for (int n = 0; n < 4; n++) rig.Reporter.Raise(Chatty, n);
        rig.RunFrames(Window + 1, 2 * Window + 1);

        var summary = Assert.Single(telemetry.Sent, t => t.U16(0) == EventReporter.EventsSuppressedEvent);
        Assert.Equal(2 + 1, summary.U32(4));
        Assert.Equal(1, rig.Reporter.Dropped);
    }

    [Fact]
    public void Disabling_the_summary_event_silences_summaries_without_a_backlog()
    {
        _rig.Reporter.TrySetEnabled(EventReporter.EventsSuppressedEvent, false);
        _rig.RunFrames(0, 1);
        for (int n = 0; n < 6; n++) _rig.Reporter.Raise(Chatty, n);
        _rig.RunFrames(1, Window + 1);
        _rig.Reporter.TrySetEnabled(EventReporter.EventsSuppressedEvent, true);
        _rig.RunFrames(Window + 1, 3 * Window + 1);

        Assert.Equal(ChattyLimit, Sent.Count);
        Assert.Equal(3, _rig.Reporter.Suppressed);
    }

    [Fact]
    public void An_undeclared_identifier_is_counted_and_nothing_is_sent()
    {
        _rig.Reporter.Raise(4242, 1, 2, 3);
        _rig.Reporter.Raise(7);

        Assert.Empty(Sent);
        Assert.Equal(2, _rig.Parameters.Get(EventReporter.UnknownParameter));
        Assert.Equal(7, _rig.Parameters.Get(EventReporter.LastUnknownParameter));
        Assert.Equal(0, _rig.Reporter.Raised);
    }

    [Fact]
    public void Reports_the_sink_refuses_are_counted_as_dropped()
    {
        _rig.Telemetry.Accepting = false;
        _rig.Reporter.Raise(Plain);
        _rig.Reporter.Raise(Flag, 1);

        Assert.Equal(2, _rig.Parameters.Get(EventReporter.DroppedParameter));
        Assert.Equal(0, _rig.Parameters.Get(EventReporter.ReportedParameter));
    }

    [Fact]
    public void Counters_add_up_and_are_published_as_parameters()
    {
        _rig.RunFrames(0, 1);
        _rig.Reporter.TrySetEnabled(Signed, false);
        for (int n = 0; n < 6; n++) _rig.Reporter.Raise(Chatty, n);
        _rig.Reporter.Raise(Signed, 1);
        _rig.Reporter.Raise(Plain);
        _rig.Telemetry.Accepting = false;
        _rig.Reporter.Raise(Unsigned);
        _rig.Telemetry.Accepting = true;
        _rig.RunFrames(1, Window + 1);

        ParameterTable p = _rig.Parameters;
        long raised = p.Get(EventReporter.RaisedParameter);
        Assert.Equal(6 + 1 + 1 + 1 + 1, raised);
        Assert.Equal(ChattyLimit + 1 + 1, p.Get(EventReporter.ReportedParameter));
        Assert.Equal(3, p.Get(EventReporter.SuppressedParameter));
        Assert.Equal(1, p.Get(EventReporter.DroppedParameter));
        Assert.Equal(1, p.Get(EventReporter.DisabledSkippedParameter));
        Assert.Equal(raised, p.Get(EventReporter.ReportedParameter) + p.Get(EventReporter.SuppressedParameter)
            + p.Get(EventReporter.DroppedParameter) + p.Get(EventReporter.DisabledSkippedParameter));
    }

    [Fact]
    public void A_raise_from_inside_the_sink_is_dropped_and_does_not_corrupt_the_report_being_sent()
    {
        var sink = new ReenteringSink();
        var rig = new EventRig(sink);
        sink.Reporter = rig.Reporter;

        rig.Reporter.Raise(Unsigned, 1, 2, 3);

        Assert.Equal(["03 E9 01 00 02 00 00 00 03"], sink.Sent);
        Assert.Equal(1, rig.Reporter.Dropped);
        Assert.Equal(1, rig.Reporter.Reported);
    }

    [Fact]
    public void A_zero_throttle_limit_sends_only_the_summary()
    {
        var builder = new DictionaryBuilder();
        EventReporter.Declare(builder);
        builder.Add(new EventDefinition(1000, "TEST_SUMMARY_ONLY", Severity.Low, "Summarised only", []) { ThrottleLimit = 0 });
        var dictionary = builder.Build();
        var telemetry = new RecordingTelemetrySink();
        var reporter = new EventReporter(dictionary, telemetry, new ParameterTable(dictionary), 10);

        reporter.Run(0, 0);
        for (int n = 0; n < 9; n++) reporter.Raise(1000);
        reporter.Run(10, 0);

        Assert.Equal("01 90 03 E8 00 00 00 09", Hex.Of(Assert.Single(telemetry.Sent).Data));
    }

    [Fact]
    public void Events_the_reporter_cannot_encode_are_refused_at_construction()
    {
        var tooMany = new ArgumentDefinition[4];
        for (int i = 0; i < 4; i++) tooMany[i] = new ArgumentDefinition("a" + i, DataType.UInt8, "", "");
        Assert.Throws<InvalidOperationException>(() => Build(new EventDefinition(1000, "TEST_FOUR", Severity.Low, "", tooMany)));
        Assert.Throws<InvalidOperationException>(() => Build(new EventDefinition(1000, "TEST_BYTES", Severity.Low, "",
            [new ArgumentDefinition("b", DataType.Bytes, "", "")])));
        Assert.Throws<InvalidOperationException>(() => Build(new EventDefinition(1000, "TEST_SEVERITY", (Severity)9, "", [])));
    }

    [Fact]
    public void A_dictionary_without_the_reporter_declarations_is_refused_at_construction()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new EventDefinition(1000, "TEST_PLAIN", Severity.Low, "", []));
        var dictionary = builder.Build();

        Assert.Throws<InvalidOperationException>(() => new EventReporter(dictionary, new RecordingTelemetrySink(), new ParameterTable(dictionary), 100));
    }

    [Fact]
    public void Identifier_lookup_finds_every_declared_event_and_nothing_else()
    {
        for (int i = 0; i < _rig.Dictionary.Events.Length; i++)
        {
            Assert.Equal(i, _rig.Reporter.IndexOf(_rig.Dictionary.Events[i].Id));
        }
        Assert.Equal(-1, _rig.Reporter.IndexOf(0));
        Assert.Equal(-1, _rig.Reporter.IndexOf(999));
        Assert.Equal(-1, _rig.Reporter.IndexOf(ushort.MaxValue));
    }

    private static EventReporter Build(EventDefinition extra)
    {
        var builder = new DictionaryBuilder();
        EventReporter.Declare(builder);
        builder.Add(extra);
        var dictionary = builder.Build();
        return new EventReporter(dictionary, new RecordingTelemetrySink(), new ParameterTable(dictionary), 100);
    }

    /// <summary>A sink that raises an event while it handles a report, as a downlink reporting its own overflow might.</summary>
    private sealed class ReenteringSink : ITelemetrySink
    {
        public IEventSink? Reporter { get; set; }
        public List<string> Sent { get; } = new();

        public bool Send(TelemetryClass priority, byte service, byte subtype, byte[] applicationData, int offset, int count)
        {
            Reporter?.Raise(Signed, -1, -1, -1);
            Sent.Add(Hex.Of(applicationData, offset, count));
            return true;
        }
    }
}
