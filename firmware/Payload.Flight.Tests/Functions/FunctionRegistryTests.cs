using Moq;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Functions;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;
using static Payload.Flight.Tests.Support.FlightServicesRig;
using static Payload.Flight.Verification.VerificationReporter;

namespace Payload.Flight.Tests.Functions;

public class FunctionRegistryTests
{
    private readonly FlightServicesRig _rig = new();

    private Mock<IFunction> RegisterMock(ushort id = TestFunction)
    {
        var function = new Mock<IFunction>();
        _rig.Functions.Register(id, function.Object);
        return function;
    }

    [Fact]
    public void Noop_completes_in_the_frame_it_starts()
    {
        var packet = _rig.EncodePerform(FunctionRegistry.NoOperation, 12345);

        _rig.Execute(packet);

        Assert.Equal([AcceptanceSuccess, StartSuccess, CompletionSuccess], _rig.SubtypesFor(packet));
        Assert.Equal(1, _rig.Parameters.Get(FunctionRegistry.StartedParameter));
        Assert.Equal(0, _rig.Functions.RunningCount);
    }

    [Fact]
    public void An_undeclared_function_fails_to_start_with_unknown_identifier()
    {
        var packet = _rig.EncodePerform(77, 0);

        _rig.Execute(packet);

        Assert.Equal((StartFailure, FailureCode.UnknownIdentifier, 77L), _rig.ReportsFor(packet)[1]);
        Assert.Equal((CompletionFailure, FailureCode.UnknownIdentifier, 77L), _rig.ReportsFor(packet)[^1]);
        Assert.Equal(0, _rig.Parameters.Get(FunctionRegistry.StartedParameter));
    }

    [Fact]
    public void A_declared_but_unregistered_function_fails_with_unknown_identifier_and_fails_the_boot_check()
    {
        var packet = _rig.EncodePerform(TestFunction, 0);

        _rig.Execute(packet);

        Assert.Equal((CompletionFailure, FailureCode.UnknownIdentifier, (long)TestFunction), _rig.ReportsFor(packet)[^1]);
        var thrown = Assert.Throws<InvalidOperationException>(() => _rig.Functions.EnsureEveryFunctionIsRegistered());
        Assert.Contains("TEST_FUNCTION", thrown.Message);

        RegisterMock(TestFunction);
        RegisterMock(UnsignedFunction);
        _rig.Functions.EnsureEveryFunctionIsRegistered();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(FunctionRegistry.MaxWaitFrames + 1)]
    [InlineData(int.MinValue)]
    public void An_argument_outside_the_functions_declared_range_fails_with_illegal_argument(int argument)
    {
        var packet = _rig.EncodePerform(FunctionRegistry.WaitFrames, argument);

        _rig.Execute(packet);

        Assert.Equal((StartFailure, FailureCode.IllegalArgument, (long)FunctionRegistry.ArgumentIndex), _rig.ReportsFor(packet)[1]);
        Assert.Equal(0, _rig.Functions.RunningCount);
    }

    [Fact]
    public void The_registry_hands_the_argument_to_the_function_and_delegates_every_step_with_its_own_context()
    {
        var function = RegisterMock();
        var starts = new List<(CommandContext Command, long Argument)>();
        function.Setup(f => f.Start(It.IsAny<CommandContext>(), It.IsAny<long>()))
            .Returns((CommandContext c, long a) => { starts.Add((c, a)); return CommandOutcome.Running; });
        function.Setup(f => f.Continue(It.IsAny<CommandContext>()))
            .Returns((CommandContext c) => c.ElapsedTicks >= 3 ? CommandOutcome.Completed : CommandOutcome.Running);
        var first = _rig.EncodePerform(TestFunction, -1000);
        var second = _rig.EncodePerform(TestFunction, 1000);

        _rig.Submit(first);
        _rig.Submit(second);
        _rig.RunFrame();
        Assert.Equal(2, _rig.Functions.RunningCount);
        Assert.Equal(2, _rig.Parameters.Get(FunctionRegistry.RunningParameter));
        _rig.RunFrames(3);

        Assert.Equal([-1000L, 1000L], starts.Select(s => s.Argument));
        Assert.NotSame(starts[0].Command, starts[1].Command);
        function.Verify(f => f.Continue(starts[0].Command), Times.Exactly(3));
        function.Verify(f => f.Continue(starts[1].Command), Times.Exactly(3));
        function.Verify(f => f.Abort(It.IsAny<CommandContext>()), Times.Never);
        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(first)[^1]);
        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(second)[^1]);
        Assert.Equal(0, _rig.Functions.RunningCount);
        Assert.Equal(0, _rig.Parameters.Get(FunctionRegistry.RunningParameter));
    }

    [Fact]
    public void A_function_declared_unsigned_receives_the_wire_bits_as_an_unsigned_value()
    {
        var function = RegisterMock(UnsignedFunction);
        function.Setup(f => f.Start(It.IsAny<CommandContext>(), It.IsAny<long>())).Returns(CommandOutcome.Completed);

        _rig.Execute(_rig.EncodePerform(UnsignedFunction, -1));

        function.Verify(f => f.Start(It.IsAny<CommandContext>(), 4294967295L), Times.Once);
    }

    [Fact]
    public void A_function_that_fails_reports_its_own_code()
    {
        var function = RegisterMock();
        function.Setup(f => f.Start(It.IsAny<CommandContext>(), It.IsAny<long>())).Returns(CommandOutcome.Running);
        function.Setup(f => f.Continue(It.IsAny<CommandContext>())).Returns((CommandContext c) => c.Fail(FailureCode.ExecutionError, 42));
        var packet = _rig.EncodePerform(TestFunction, 5);

        _rig.Execute(packet);
        _rig.RunFrame();

        Assert.Equal(
            [AcceptanceSuccess, StartSuccess, ProgressFailure, CompletionFailure],
            _rig.SubtypesFor(packet));
        Assert.Equal((CompletionFailure, FailureCode.ExecutionError, 42L), _rig.ReportsFor(packet)[^1]);
        Assert.Equal(0, _rig.Functions.RunningCount);
    }

    [Fact]
    public void Wait_frames_runs_its_frames_reporting_progress_every_ten_then_completes()
    {
        var packet = _rig.EncodePerform(FunctionRegistry.WaitFrames, 25);
        _rig.Submit(packet);
        long startFrame = _rig.Frame;

        while (_rig.SubtypesFor(packet)[^1] != CompletionSuccess)
        {
            _rig.RunFrame();
            Assert.True(_rig.Frame < 100, "WAIT_FRAMES did not complete");
        }

        Assert.Equal(25, _rig.Frame - 1 - startFrame);
        Assert.Equal(
            [AcceptanceSuccess, StartSuccess, ProgressSuccess, ProgressSuccess, CompletionSuccess],
            _rig.SubtypesFor(packet));
        var steps = _rig.Recorded.Of(Service, ProgressSuccess).Select(t => t.U16(4));
        Assert.Equal([1, 2], steps);
    }

    [Fact]
    public void Wait_frames_of_zero_completes_at_once()
    {
        var packet = _rig.EncodePerform(FunctionRegistry.WaitFrames, 0);

        _rig.Execute(packet);

        Assert.Equal([AcceptanceSuccess, StartSuccess, CompletionSuccess], _rig.SubtypesFor(packet));
    }

    [Fact]
    public void A_function_that_outlives_the_time_limit_is_aborted_and_fails_with_timeout()
    {
        var function = RegisterMock();
        function.Setup(f => f.Start(It.IsAny<CommandContext>(), It.IsAny<long>())).Returns(CommandOutcome.Running);
        function.Setup(f => f.Continue(It.IsAny<CommandContext>())).Returns(CommandOutcome.Running);
        var packet = _rig.EncodePerform(TestFunction, 1, AckFlags.None);

        _rig.Execute(packet);
        _rig.RunFrames(FunctionRegistry.PerformTimeoutTicks);
        function.Verify(f => f.Abort(It.IsAny<CommandContext>()), Times.Never);
        _rig.RunFrame();

        function.Verify(f => f.Abort(It.IsAny<CommandContext>()), Times.Once);
        Assert.Equal([(CompletionFailure, FailureCode.Timeout, FunctionRegistry.PerformTimeoutTicks + 1L)], _rig.ReportsFor(packet));
        Assert.Equal(0, _rig.Functions.RunningCount);
        Assert.Equal(0, _rig.Parameters.Get(FunctionRegistry.RunningParameter));
    }

    [Fact]
    public void Wait_frames_beyond_the_time_limit_fails_with_timeout()
    {
        var packet = _rig.EncodePerform(FunctionRegistry.WaitFrames, FunctionRegistry.PerformTimeoutTicks + 1, AckFlags.None);

        _rig.Execute(packet);
        _rig.RunFrames(FunctionRegistry.PerformTimeoutTicks + 1);

        Assert.Equal([(CompletionFailure, FailureCode.Timeout, FunctionRegistry.PerformTimeoutTicks + 1L)], _rig.ReportsFor(packet));
        Assert.Equal(0, _rig.Functions.RunningCount);
    }

    [Fact]
    public void A_function_that_throws_fails_its_command_and_frees_its_slot()
    {
        var function = RegisterMock();
        function.Setup(f => f.Start(It.IsAny<CommandContext>(), It.IsAny<long>())).Returns(CommandOutcome.Running);
        function.Setup(f => f.Continue(It.IsAny<CommandContext>())).Throws(new InvalidOperationException("bug"));
        var packet = _rig.EncodePerform(TestFunction, 1);

        _rig.Execute(packet);
        _rig.RunFrame();

        Assert.Equal((CompletionFailure, FailureCode.InternalError, 2L), _rig.ReportsFor(packet)[^1]);
        Assert.Equal(0, _rig.Functions.RunningCount);

        // The freed context is reused by the next command, which must reach its own function, not the stale one.
        var next = _rig.EncodePerform(FunctionRegistry.WaitFrames, 2);
        _rig.Execute(next);
        _rig.RunFrames(3);
        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(next)[^1]);
        function.Verify(f => f.Continue(It.IsAny<CommandContext>()), Times.Once);
    }

    [Fact]
    public void Registering_an_undeclared_a_duplicate_or_a_non_32_bit_function_throws()
    {
        var builder = new DictionaryBuilder();
        FunctionRegistry.Declare(builder);
        builder.Add(new FunctionDefinition(50, "NARROW", "u8 argument", new ArgumentDefinition("x", DataType.UInt8, "", "byte")));
        var dictionary = builder.Build();
        var registry = new FunctionRegistry(dictionary, 2, new ParameterTable(dictionary));
        var function = Mock.Of<IFunction>();

        Assert.Throws<ArgumentException>(() => registry.Register(49, function));
        Assert.Throws<InvalidOperationException>(() => registry.Register(FunctionRegistry.NoOperation, function));
        Assert.Throws<ArgumentException>(() => registry.Register(50, function));
        Assert.Throws<ArgumentNullException>(() => registry.Register(50, null!));
    }

    [Fact]
    public void Function_dispatch_allocates_nothing_in_steady_state()
    {
        var telemetry = new CountingTelemetrySink();
        var rig = new FlightServicesRig(telemetry, new CountingEventSink());
        var noop = rig.EncodePerform(FunctionRegistry.NoOperation, 0);
        var wait = rig.EncodePerform(FunctionRegistry.WaitFrames, 12);

        void Cycle()
        {
            // One NOOP and one WAIT_FRAMES (with progress reports) per 13 frames.
            rig.Receiver.Submit(noop, 0, noop.Length, CommandSource.Link);
            rig.Receiver.Submit(wait, 0, wait.Length, CommandSource.Link);
            rig.RunFrames(13);
        }

        for (int i = 0; i < 50; i++) Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++) Cycle();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_100, rig.Parameters.Get(FunctionRegistry.StartedParameter));
        Assert.Equal(1_100, rig.Parameters.Get(Payload.Flight.Commanding.CommandingDictionary.CompletedCount));
        Assert.Equal(0, rig.Functions.RunningCount);
    }
}
