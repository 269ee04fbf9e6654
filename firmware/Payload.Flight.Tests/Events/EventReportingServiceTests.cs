using Payload.Flight.Commanding;
using Payload.Flight.Events;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using Payload.Flight.Verification;
using static Payload.Flight.Tests.Events.EventRig;

namespace Payload.Flight.Tests.Events;

public class EventReportingServiceTests
{
    private readonly ServiceCommandRig _rig;
    private readonly EventReporter _reporter;

    public EventReportingServiceTests()
    {
        _rig = new ServiceCommandRig(EventRig.Declare);
        _reporter = new EventReporter(_rig.Dictionary, _rig.Telemetry, _rig.Parameters, Window);
        var service = new EventReportingService(_reporter, _rig.Telemetry);
        _rig.Bind(EventReporter.Service, EventReportingService.EnableSubtype, service);
        _rig.Bind(EventReporter.Service, EventReportingService.DisableSubtype, service);
        _rig.Bind(EventReporter.Service, EventReportingService.ReportDisabledSubtype, service);
    }

    [Fact]
    public void EVENT_DISABLE_stops_the_reports_of_that_event_only()
    {
        var result = Disable(Chatty);

        Assert.True(result.Succeeded);
        Assert.False(_reporter.IsEnabled(Chatty));
        Assert.True(_reporter.IsEnabled(Plain));
        int before = _rig.Telemetry.Sent.Count;
        _reporter.Raise(Chatty, 1);
        _reporter.Raise(Plain);
        Assert.Equal([Plain], _rig.SentSince(before, EventReporter.Service).Select(t => (ushort)t.U16(0)));
    }

    [Fact]
    public void EVENT_ENABLE_restores_the_reports()
    {
        Disable(Chatty);

        var result = _rig.Execute(EventReporter.Service, EventReportingService.EnableSubtype, 0x03, 0xEC);

        Assert.True(result.Succeeded);
        Assert.True(_reporter.IsEnabled(Chatty));
        Assert.Equal(0, _reporter.DisabledCount);
    }

    [Fact]
    public void Enabling_an_enabled_event_or_disabling_a_disabled_one_succeeds_and_changes_nothing()
    {
        Assert.True(_rig.Execute(EventReporter.Service, EventReportingService.EnableSubtype, 0x03, 0xE8).Succeeded);
        Assert.True(Disable(Plain).Succeeded);
        Assert.True(Disable(Plain).Succeeded);

        Assert.Equal(1, _reporter.DisabledCount);
        Assert.Equal(1, _rig.Parameters.Get(EventReporter.DisabledCountParameter));
    }

    [Theory]
    [InlineData(EventReportingService.EnableSubtype)]
    [InlineData(EventReportingService.DisableSubtype)]
    public void An_unknown_event_identifier_fails_with_UnknownIdentifier(byte subtype)
    {
        var result = _rig.Execute(EventReporter.Service, subtype, 0x10, 0x92);

        Assert.False(result.Succeeded);
        Assert.Equal(VerificationReporter.CompletionFailure, result.ReportSubtype);
        Assert.Equal(FailureCode.UnknownIdentifier, result.Code);
        Assert.Equal(0x1092, result.Data);
        Assert.Equal(0, _reporter.DisabledCount);
    }

    [Fact]
    public void A_missing_event_identifier_is_rejected_at_acceptance()
    {
        var result = _rig.Execute(EventReporter.Service, EventReportingService.DisableSubtype, 0x03);

        Assert.Equal(VerificationReporter.AcceptanceFailure, result.ReportSubtype);
        Assert.Equal(FailureCode.BadArgumentLength, result.Code);
    }

    [Fact]
    public void EVENT_REPORT_DISABLED_lists_the_disabled_events_in_ascending_order()
    {
        Disable(Quiet);
        Disable(Plain);
        Disable(Signed);
        int before = _rig.Telemetry.Sent.Count;

        var result = _rig.Execute(EventReporter.Service, EventReportingService.ReportDisabledSubtype);

        Assert.True(result.Succeeded);
        var report = Assert.Single(_rig.SentSince(before, EventReporter.Service));
        Assert.Equal(EventReportingService.DisabledListSubtype, report.Subtype);
        Assert.Equal(TelemetryClass.Routine, report.Priority);
        Assert.Equal("00 03 03 E8 03 EA 03 ED", Hex.Of(report.Data));
    }

    [Fact]
    public void EVENT_REPORT_DISABLED_with_nothing_disabled_sends_an_empty_list()
    {
        int before = _rig.Telemetry.Sent.Count;

        _rig.Execute(EventReporter.Service, EventReportingService.ReportDisabledSubtype);

        Assert.Equal("00 00", Hex.Of(Assert.Single(_rig.SentSince(before, EventReporter.Service)).Data));
    }

    [Fact]
    public void EVENT_REPORT_DISABLED_fails_Busy_when_the_downlink_refuses_the_report()
    {
        _rig.Telemetry.RefusedService = EventReporter.Service;

        var result = _rig.Execute(EventReporter.Service, EventReportingService.ReportDisabledSubtype);

        Assert.Equal(FailureCode.Busy, result.Code);
    }

    [Fact]
    public void Every_declared_event_can_be_disabled_and_listed()
    {
        foreach (var definition in _rig.Dictionary.Events)
        {
            Assert.True(Disable(definition.Id).Succeeded);
        }
        int before = _rig.Telemetry.Sent.Count;

        _rig.Execute(EventReporter.Service, EventReportingService.ReportDisabledSubtype);

        var report = Assert.Single(_rig.SentSince(before, EventReporter.Service));
        int count = report.U16(0);
        var ids = Enumerable.Range(0, count).Select(i => (ushort)report.U16(2 + 2 * i));
        Assert.Equal(_rig.Dictionary.Events.Select(e => e.Id).Order(), ids);
        Assert.Equal(2 + 2 * count, report.Data.Length);
    }

    private CommandResult Disable(ushort id) =>
        _rig.Execute(EventReporter.Service, EventReportingService.DisableSubtype, (byte)(id >> 8), (byte)id);
}
