using Moq;
using Payload.Flight.Commanding;
using Payload.Flight.Modes;
using Payload.Flight.Protocol;
using Payload.Flight.Verification;
using static Payload.Flight.Tests.Commanding.CommandingRig;

namespace Payload.Flight.Tests.Commanding;

public class TelecommandAcceptanceTests
{
    private readonly CommandingRig _rig = new();

    [Fact]
    public void A_valid_command_is_accepted_started_and_completed_with_every_report_requested()
    {
        var packet = _rig.Encode(TestService, Simple);

        Assert.Equal(FailureCode.None, _rig.Submit(packet));
        _rig.RunFrames(1);

        Assert.Equal(
            [(VerificationReporter.AcceptanceSuccess, FailureCode.None), (VerificationReporter.StartSuccess, FailureCode.None), (VerificationReporter.CompletionSuccess, FailureCode.None)],
            _rig.ReportsFor(packet));
        _rig.Handlers[Simple].Verify(h => h.Start(It.IsAny<CommandContext>()), Times.Once);
        Assert.Equal(1, _rig.Parameters.Get(CommandingDictionary.AcceptedCount));
        Assert.Equal(1, _rig.Parameters.Get(CommandingDictionary.CompletedCount));
    }

    [Fact]
    public void Success_reports_follow_the_acknowledgement_flags_but_failures_are_always_reported()
    {
        var quiet = _rig.Encode(TestService, Simple, ack: AckFlags.None);
        var onlyCompletion = _rig.Encode(TestService, Simple, ack: AckFlags.Completion);
        var failing = _rig.Encode(TestService, Simple, ack: AckFlags.None);
        failing[^1] ^= 0x01;

        _rig.Submit(quiet);
        _rig.Submit(onlyCompletion);
        _rig.Submit(failing);
        _rig.RunFrames(1);

        Assert.Empty(_rig.ReportsFor(quiet));
        Assert.Equal([(VerificationReporter.CompletionSuccess, FailureCode.None)], _rig.ReportsFor(onlyCompletion));
        Assert.Equal([(VerificationReporter.AcceptanceFailure, FailureCode.BadCrc)], _rig.ReportsFor(failing));
    }

    [Fact]
    public void A_bad_crc_is_rejected_reported_and_counted_and_never_executed()
    {
        var packet = _rig.Encode(TestService, Simple);
        packet[^2] ^= 0x80;

        Assert.Equal(FailureCode.BadCrc, _rig.Submit(packet));
        _rig.RunFrames(2);

        Assert.Equal([(VerificationReporter.AcceptanceFailure, FailureCode.BadCrc)], _rig.ReportsFor(packet));
        Assert.Equal(1, _rig.Events.Count(CommandingDictionary.TelecommandRejected));
        Assert.Equal(1, _rig.Parameters.Get(CommandingDictionary.RejectedCount));
        _rig.Handlers[Simple].Verify(h => h.Start(It.IsAny<CommandContext>()), Times.Never);
    }

    [Fact]
    public void A_command_for_another_apid_is_rejected()
    {
        var packet = _rig.Encode(TestService, Simple, apid: 0x065);

        Assert.Equal(FailureCode.WrongApid, _rig.Submit(packet));
        Assert.Equal([(VerificationReporter.AcceptanceFailure, FailureCode.WrongApid)], _rig.ReportsFor(packet));
    }

    [Fact]
    public void Unknown_service_and_unknown_subtype_are_told_apart()
    {
        var unknownService = _rig.Encode(99, 1);
        var unknownSubtype = _rig.Encode(TestService, 99);

        Assert.Equal(FailureCode.UnknownService, _rig.Submit(unknownService));
        Assert.Equal(FailureCode.UnknownSubtype, _rig.Submit(unknownSubtype));
        Assert.Equal([(VerificationReporter.AcceptanceFailure, FailureCode.UnknownService)], _rig.ReportsFor(unknownService));
        Assert.Equal([(VerificationReporter.AcceptanceFailure, FailureCode.UnknownSubtype)], _rig.ReportsFor(unknownSubtype));
    }

    [Theory]
    [InlineData(new byte[] { 5, 0, 1, 0 }, FailureCode.BadArgumentLength, 2)]        // one octet short
    [InlineData(new byte[] { 5, 0, 1, 0, 0, 9 }, FailureCode.BadArgumentLength, 3)]  // one octet too many
    [InlineData(new byte[] { 0, 0, 1, 0, 0 }, FailureCode.IllegalArgument, 0)]       // level below 1
    [InlineData(new byte[] { 11, 0, 1, 0, 0 }, FailureCode.IllegalArgument, 0)]      // level above 10
    [InlineData(new byte[] { 5, 0, 1, 0, 101 }, FailureCode.IllegalArgument, 2)]     // trim above 100
    [InlineData(new byte[] { 5, 0, 1, 0xFF, 0x9B }, FailureCode.IllegalArgument, 2)] // trim -101
    public void Arguments_are_checked_for_layout_and_range_before_execution(byte[] data, FailureCode expected, int failureData)
    {
        var packet = _rig.Encode(TestService, WithArguments, data);

        Assert.Equal(expected, _rig.Submit(packet));
        _rig.RunFrames(1);

        var report = Assert.Single(_rig.Telemetry.Of(VerificationReporter.Service, VerificationReporter.AcceptanceFailure));
        Assert.Equal((int)expected, report.U16(4));
        Assert.Equal(failureData, report.U32(6));
        _rig.Handlers[WithArguments].Verify(h => h.Start(It.IsAny<CommandContext>()), Times.Never);
    }

    [Fact]
    public void Arguments_reach_the_handler_decoded_with_their_signs()
    {
        long[]? seen = null;
        _rig.Handlers[WithArguments].Setup(h => h.Start(It.IsAny<CommandContext>()))
            .Returns((CommandContext c) => { seen = [c.Argument(0), c.Argument(1), c.Argument(2)]; return CommandOutcome.Completed; });

        _rig.Submit(_rig.Encode(TestService, WithArguments, [10, 0xFF, 0xFE, 0xFF, 0x9C]));
        _rig.RunFrames(1);

        Assert.Equal([10L, 65534L, -100L], seen!);
    }

    [Fact]
    public void A_variable_length_argument_must_match_its_declared_length()
    {
        var good = _rig.Encode(TestService, WithBytes, [0, 3, 0xAA, 0xBB, 0xCC]);
        var lying = _rig.Encode(TestService, WithBytes, [0, 4, 0xAA, 0xBB, 0xCC]);
        var tooLong = _rig.Encode(TestService, WithBytes, [0, 65, .. new byte[65]]);

        Assert.Equal(FailureCode.None, _rig.Submit(good));
        Assert.Equal(FailureCode.BadArgumentLength, _rig.Submit(lying));
        Assert.Equal(FailureCode.IllegalArgument, _rig.Submit(tooLong));
    }

    [Fact]
    public void A_command_outside_its_modes_is_rejected_until_the_mode_allows_it()
    {
        var inSafe = _rig.Encode(TestService, StandbyOnly);
        Assert.Equal(FailureCode.WrongMode, _rig.Submit(inSafe));

        Assert.True(_rig.Modes.TryEnter(Mode.Standby));
        var inStandby = _rig.Encode(TestService, StandbyOnly);
        Assert.Equal(FailureCode.None, _rig.Submit(inStandby));
        _rig.RunFrames(1);

        Assert.Equal([(VerificationReporter.AcceptanceFailure, FailureCode.WrongMode)], _rig.ReportsFor(inSafe));
        Assert.Contains((VerificationReporter.CompletionSuccess, FailureCode.None), _rig.ReportsFor(inStandby));
    }

    [Fact]
    public void A_full_queue_rejects_with_busy_and_loses_nothing_it_accepted()
    {
        var accepted = Enumerable.Range(0, 4).Select(_ => _rig.Encode(TestService, Simple)).ToList();
        foreach (var packet in accepted) Assert.Equal(FailureCode.None, _rig.Submit(packet));

        var overflow = _rig.Encode(TestService, Simple);
        Assert.Equal(FailureCode.Busy, _rig.Submit(overflow));
        _rig.RunFrames(1);

        Assert.All(accepted, p => Assert.Contains((VerificationReporter.CompletionSuccess, FailureCode.None), _rig.ReportsFor(p)));
        Assert.Equal([(VerificationReporter.AcceptanceFailure, FailureCode.Busy)], _rig.ReportsFor(overflow));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x00, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x08, 0x64, 0xC0, 0x00, 0x00, 0x09, 1, 2, 3 })] // a telemetry packet's header
    public void Frames_that_are_not_telecommands_are_counted_and_reported_as_events(byte[] frame)
    {
        var code = _rig.Receiver.Submit(frame, 0, frame.Length, CommandSource.Link);

        Assert.NotEqual(FailureCode.None, code);
        Assert.Empty(_rig.Telemetry.Sent);
        Assert.Equal(1, _rig.Events.Count(CommandingDictionary.MalformedTelecommand));
        Assert.Equal(1, _rig.Parameters.Get(CommandingDictionary.MalformedCount));
    }

    [Fact]
    public void A_truncated_telecommand_is_answered_with_a_length_failure()
    {
        var packet = _rig.Encode(TestService, WithArguments, [5, 0, 1, 0, 0]);
        var truncated = packet[..^3];

        Assert.Equal(FailureCode.BadLength, _rig.Submit(truncated));
        var report = Assert.Single(_rig.Telemetry.Of(VerificationReporter.Service, VerificationReporter.AcceptanceFailure));
        Assert.Equal((int)FailureCode.BadLength, report.U16(4));
    }
}
