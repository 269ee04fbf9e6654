using Moq;
using Payload.Flight.Commanding;
using Payload.Flight.Verification;
using static Payload.Flight.Tests.Commanding.CommandingRig;

namespace Payload.Flight.Tests.Commanding;

public class CommandExecutionTests
{
    private readonly CommandingRig _rig = new();

    [Fact]
    public void A_multi_frame_command_reports_progress_and_completes()
    {
        var handler = _rig.Handlers[MultiFrame];
        handler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        handler.Setup(h => h.Continue(It.IsAny<CommandContext>()))
            .Returns((CommandContext c) =>
            {
                c.ReportProgress();
                return c.ElapsedTicks >= 3 ? CommandOutcome.Completed : CommandOutcome.Running;
            });
        var packet = _rig.Encode(TestService, MultiFrame);

        _rig.Submit(packet);
        _rig.RunFrames(5);

        Assert.Equal(
        [
            (VerificationReporter.AcceptanceSuccess, FailureCode.None), (VerificationReporter.StartSuccess, FailureCode.None),
            (VerificationReporter.ProgressSuccess, FailureCode.None), (VerificationReporter.ProgressSuccess, FailureCode.None),
            (VerificationReporter.ProgressSuccess, FailureCode.None), (VerificationReporter.CompletionSuccess, FailureCode.None),
        ], _rig.ReportsFor(packet));
        var steps = _rig.Telemetry.Of(VerificationReporter.Service, VerificationReporter.ProgressSuccess).Select(t => t.U16(4));
        Assert.Equal([1, 2, 3], steps);
    }

    [Fact]
    public void Starting_arrivals_between_frames_does_not_advance_running_commands()
    {
        var handler = _rig.Handlers[MultiFrame];
        handler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        handler.Setup(h => h.Continue(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        _rig.Submit(_rig.Encode(TestService, MultiFrame));
        var simple = _rig.Encode(TestService, Simple);
        _rig.Handlers[Simple].Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Completed);

        _rig.Dispatcher.StartQueued();
        _rig.Submit(simple);
        _rig.Dispatcher.StartQueued();
        _rig.Dispatcher.StartQueued();

        handler.Verify(h => h.Continue(It.IsAny<CommandContext>()), Times.Never);
        Assert.Equal(1, _rig.Dispatcher.RunningCount);
        Assert.Equal((VerificationReporter.CompletionSuccess, FailureCode.None), _rig.ReportsFor(simple)[^1]);
        _rig.RunFrames(MultiFrameTimeout + 1);
        handler.Verify(h => h.Continue(It.IsAny<CommandContext>()), Times.Exactly(MultiFrameTimeout));
    }

    [Fact]
    public void A_command_that_never_finishes_times_out_is_aborted_and_fails()
    {
        var handler = _rig.Handlers[MultiFrame];
        handler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        handler.Setup(h => h.Continue(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        var packet = _rig.Encode(TestService, MultiFrame);

        _rig.Submit(packet);
        _rig.RunFrames(MultiFrameTimeout + 3);

        handler.Verify(h => h.Abort(It.IsAny<CommandContext>()), Times.Once);
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.Timeout), _rig.ReportsFor(packet)[^1]);
        Assert.Equal(1, _rig.Parameters.Get(CommandingDictionary.TimeoutCount));
        Assert.Equal(0, _rig.Dispatcher.RunningCount);
    }

    [Fact]
    public void A_handler_that_throws_fails_its_command_and_the_next_command_still_runs()
    {
        _rig.Handlers[Simple].Setup(h => h.Start(It.IsAny<CommandContext>())).Throws(new InvalidOperationException("bug"));
        var throwing = _rig.Encode(TestService, Simple);
        var next = _rig.Encode(TestService, WithArguments, [1, 0, 0, 0, 0]);

        _rig.Submit(throwing);
        _rig.Submit(next);
        _rig.RunFrames(1);

        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.InternalError), _rig.ReportsFor(throwing)[^1]);
        Assert.Equal((VerificationReporter.CompletionSuccess, FailureCode.None), _rig.ReportsFor(next)[^1]);
    }

    [Fact]
    public void A_failed_start_is_reported_as_start_failure_then_completion_failure()
    {
        _rig.Handlers[Simple].Setup(h => h.Start(It.IsAny<CommandContext>()))
            .Returns((CommandContext c) => c.Fail(FailureCode.ExecutionError, 42));
        var packet = _rig.Encode(TestService, Simple);

        _rig.Submit(packet);
        _rig.RunFrames(1);

        Assert.Equal(
        [
            (VerificationReporter.AcceptanceSuccess, FailureCode.None),
            (VerificationReporter.StartFailure, FailureCode.ExecutionError),
            (VerificationReporter.CompletionFailure, FailureCode.ExecutionError),
        ], _rig.ReportsFor(packet));
        Assert.Equal(42, _rig.Telemetry.Of(VerificationReporter.Service, VerificationReporter.CompletionFailure).Single().U32(6));
        Assert.Equal(1, _rig.Events.Count(CommandingDictionary.CommandFailed));
    }

    [Fact]
    public void A_step_that_fails_is_reported_as_progress_failure_then_completion_failure()
    {
        var handler = _rig.Handlers[MultiFrame];
        handler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        handler.Setup(h => h.Continue(It.IsAny<CommandContext>())).Returns((CommandContext c) => c.Fail(FailureCode.ExecutionError, 0));
        var packet = _rig.Encode(TestService, MultiFrame);

        _rig.Submit(packet);
        _rig.RunFrames(2);

        var reports = _rig.ReportsFor(packet);
        Assert.Equal((VerificationReporter.ProgressFailure, FailureCode.ExecutionError), reports[^2]);
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.ExecutionError), reports[^1]);
    }

    [Fact]
    public void Running_commands_beyond_the_limit_wait_in_the_queue_and_still_complete()
    {
        var handler = _rig.Handlers[MultiFrame];
        handler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        handler.Setup(h => h.Continue(It.IsAny<CommandContext>())).Returns(CommandOutcome.Completed);
        var packets = Enumerable.Range(0, 4).Select(_ => _rig.Encode(TestService, MultiFrame)).ToList();
        foreach (var p in packets) Assert.Equal(FailureCode.None, _rig.Submit(p));

        _rig.RunFrames(1);
        Assert.Equal(2, _rig.Dispatcher.RunningCount);
        Assert.Equal(2, _rig.Queue.Count);
        _rig.RunFrames(3);

        Assert.All(packets, p => Assert.Equal((VerificationReporter.CompletionSuccess, FailureCode.None), _rig.ReportsFor(p)[^1]));
    }

    [Fact]
    public void Every_accepted_command_ends_in_a_completion_report_whatever_its_handler_does()
    {
        var random = new Random(1234);
        var handler = _rig.Handlers[MultiFrame];
        handler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(() => (CommandOutcome)random.Next(3));
        handler.Setup(h => h.Continue(It.IsAny<CommandContext>())).Returns((CommandContext c) => random.Next(4) switch
        {
            0 => CommandOutcome.Completed,
            1 => c.Fail(FailureCode.ExecutionError, 0),
            2 => throw new InvalidOperationException(),
            _ => CommandOutcome.Running,
        });
        var accepted = new List<byte[]>();
        for (var i = 0; i < 200; i++)
        {
            var packet = _rig.Encode(TestService, MultiFrame);
            if (_rig.Submit(packet) == FailureCode.None) accepted.Add(packet);
            _rig.RunFrames(random.Next(3));
        }
        _rig.RunFrames(MultiFrameTimeout * 20);

        Assert.True(accepted.Count > 50);
        Assert.All(accepted, p =>
        {
            var last = _rig.ReportsFor(p)[^1].Subtype;
            Assert.True(last is VerificationReporter.CompletionSuccess or VerificationReporter.CompletionFailure);
        });
    }

    [Fact]
    public void Boot_refuses_a_declared_command_without_a_handler()
    {
        var rig = new CommandingRig();
        var unbound = new CommandDispatcher(rig.Dictionary, rig.Queue, new VerificationReporter(rig.Telemetry), rig.Events, rig.Parameters, 1, 1);

        var error = Assert.Throws<InvalidOperationException>(unbound.EnsureEveryCommandIsBound);
        Assert.Contains("MODE_SET", error.Message);
        rig.Dispatcher.EnsureEveryCommandIsBound();
    }

    [Fact]
    public void Binding_a_command_that_is_not_declared_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _rig.Dispatcher.Bind(TestService, 77, Mock.Of<ICommandHandler>()));
    }
}
