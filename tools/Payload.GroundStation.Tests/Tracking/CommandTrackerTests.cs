using Payload.Flight.Instrument;
using Payload.Flight;
using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;
using Payload.GroundStation.Tests.Telemetry;

namespace Payload.GroundStation.Tests.Tracking;

public sealed class CommandTrackerTests
{
    private static readonly TelemetryDecoder Decoder = new(InstrumentSoftware.BuildDictionary());
    private readonly CommandEncoder _encoder = new(InstrumentSoftware.BuildDictionary());
    private readonly CommandTracker _tracker = new();

    [Fact]
    public void EveryStageIsFollowedAndAnnounced()
    {
        TrackedCommand command = _tracker.Track(_encoder.Encode("FUNCTION_PERFORM", "WAIT_FRAMES", 25), 1000);
        var announced = new List<(CommandState, VerificationStage)>();
        _tracker.StageReached += (c, r) => announced.Add((c.State, r.Stage));

        Apply(1, command.RequestId);
        Apply(3, command.RequestId);
        Apply(5, command.RequestId, step: 1);
        Apply(5, command.RequestId, step: 2);
        Assert.False(command.IsFinished);
        Apply(7, command.RequestId);

        Assert.Equal(CommandState.Completed, command.State);
        Assert.True(command is { Accepted: true, Started: true, Completed: true, IsFinished: true });
        Assert.Equal([1, 2], command.ProgressSteps);
        Assert.Equal(5, command.Reports.Count);
        Assert.True(command.Finished.IsCompletedSuccessfully);
        Assert.Equal(
            [(CommandState.Accepted, VerificationStage.Acceptance), (CommandState.Started, VerificationStage.Start),
             (CommandState.InProgress, VerificationStage.Progress), (CommandState.InProgress, VerificationStage.Progress),
             (CommandState.Completed, VerificationStage.Completion)],
            announced);
        Assert.Equal(1, _tracker.CompletedCount);
    }

    [Fact]
    public void AFailureFinishesTheCommandWithItsCode()
    {
        TrackedCommand command = _tracker.Track(_encoder.Encode("MODE_SET", "ACQUIRE"), 0);

        Apply(1, command.RequestId);
        Apply(4, command.RequestId, failure: FailureCode.ExecutionError);

        Assert.Equal(CommandState.Failed, command.State);
        Assert.Equal(VerificationStage.Start, command.FailedStage);
        Assert.Equal(FailureCode.ExecutionError, command.FailureCode);
        Assert.True(command.IsFinished);
        Assert.Equal(1, _tracker.FailedCount);
    }

    [Fact]
    public void TheAckFlagsSayWhichStagesToExpect()
    {
        EncodedCommand encoded = _encoder.Encode("MODE_SET", ["SAFE"], AckFlags.Acceptance | AckFlags.Progress);
        TrackedCommand command = _tracker.Track(encoded, 0);

        Assert.Equal([VerificationStage.Acceptance], command.ExpectedStages);
        Apply(1, command.RequestId);
        Assert.True(command.IsFinished);

        TrackedCommand silent = _tracker.Track(_encoder.Encode("MODE_SET", ["SAFE"], AckFlags.None), 0);
        Assert.Empty(silent.ExpectedStages);
        Assert.False(silent.IsFinished);
    }

    [Fact]
    public void ACompletionImpliesTheStagesNotAskedFor()
    {
        TrackedCommand command = _tracker.Track(_encoder.Encode("MODE_SET", ["SAFE"], AckFlags.Completion), 0);

        Apply(7, command.RequestId);

        Assert.True(command is { Accepted: true, Started: true, Completed: true, IsFinished: true });
    }

    [Fact]
    public void ReportsOfUnknownRequestsAreCounted()
    {
        Assert.Null(Apply(1, new RequestId(0x1864, 0xC123)));
        Assert.Equal(1, _tracker.UnmatchedReports);
    }

    [Fact]
    public void AWrappedSequenceCountReplacesTheOldCommand()
    {
        _encoder.NextSequenceCount = 16383;
        TrackedCommand old = _tracker.Track(_encoder.Encode("TEST_ARE_YOU_ALIVE"), 0);
        _encoder.NextSequenceCount = 16383;
        TrackedCommand renewed = _tracker.Track(_encoder.Encode("TEST_ARE_YOU_ALIVE"), 0);

        Apply(1, renewed.RequestId);

        Assert.Same(renewed, _tracker.Find(renewed.RequestId));
        Assert.True(renewed.Accepted);
        Assert.False(old.Accepted);
        Assert.Equal(2, _tracker.Commands.Count);
    }

    private TrackedCommand? Apply(byte subtype, RequestId id, int? step = null, FailureCode failure = FailureCode.None)
    {
        var data = new List<byte> { (byte)(id.PacketId >> 8), (byte)id.PacketId, (byte)(id.SequenceControl >> 8), (byte)id.SequenceControl };
        if (step is { } s) data.AddRange([(byte)(s >> 8), (byte)s]);
        if (subtype % 2 == 0) data.AddRange([(byte)((int)failure >> 8), (byte)failure, 0, 0, 0, 0]);
        var report = (VerificationReport)Decoder.Decode(TelemetryDecoderTests.Tm(1, subtype, [.. data]));
        return _tracker.Apply(report, 0);
    }
}
