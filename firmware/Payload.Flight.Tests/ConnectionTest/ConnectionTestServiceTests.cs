using Payload.Flight.Commanding;
using Payload.Flight.ConnectionTest;
using Payload.Flight.Modes;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using static Payload.Flight.Verification.VerificationReporter;

namespace Payload.Flight.Tests.ConnectionTest;

public class ConnectionTestServiceTests
{
    private readonly FlightServicesRig _rig = new();

    [Theory]
    [InlineData(Mode.Safe)]
    [InlineData(Mode.Standby)]
    [InlineData(Mode.Acquire)]
    public void Are_you_alive_is_answered_with_an_empty_routine_report_in_every_mode(Mode mode)
    {
        if (mode == Mode.Acquire) Assert.True(_rig.Modes.TryEnter(Mode.Standby));
        Assert.True(_rig.Modes.TryEnter(mode));
        var packet = _rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype);

        Assert.Equal(FailureCode.None, _rig.Execute(packet));

        var report = Assert.Single(_rig.Recorded.Of(ConnectionTestService.Service, ConnectionTestService.AliveReportSubtype));
        Assert.Equal(TelemetryClass.Routine, report.Priority);
        Assert.Empty(report.Data);
        Assert.Equal([AcceptanceSuccess, StartSuccess, CompletionSuccess], _rig.SubtypesFor(packet));
    }

    [Fact]
    public void The_report_comes_before_the_completion_report_and_within_the_frame()
    {
        var packet = _rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype, ack: AckFlags.Completion);

        _rig.Execute(packet);

        var kinds = _rig.Recorded.Sent.Select(t => (t.Service, t.Subtype)).ToList();
        Assert.Equal([(ConnectionTestService.Service, ConnectionTestService.AliveReportSubtype), (Service, CompletionSuccess)], kinds);
        Assert.Equal(0, _rig.Dispatcher.RunningCount);
    }

    [Fact]
    public void A_report_the_downlink_drops_fails_the_command_so_the_ground_is_not_left_waiting()
    {
        _rig.Refuse(ConnectionTestService.Service, ConnectionTestService.AliveReportSubtype);
        var packet = _rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype);

        _rig.Execute(packet);

        Assert.Equal((CompletionFailure, FailureCode.ExecutionError, 0L), _rig.ReportsFor(packet)[^1]);
    }

    [Fact]
    public void Are_you_alive_with_application_data_is_refused_at_acceptance()
    {
        var packet = _rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype, [1]);

        Assert.Equal(FailureCode.BadArgumentLength, _rig.Submit(packet));
        _rig.RunFrame();

        Assert.Empty(_rig.Recorded.Of(ConnectionTestService.Service, ConnectionTestService.AliveReportSubtype));
    }
}
