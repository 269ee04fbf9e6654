using Payload.Flight.Commanding;

namespace Payload.Flight.Functions
{
    /// <summary>Core function WAIT_FRAMES: runs for the number of minor frames in its argument, reporting progress every <see cref="ProgressInterval"/> frames.</summary>
    /// <remarks>
    /// It exists to exercise multi-frame commands, progress reports and the dispatcher's time limit from the ground:
    /// its declared range goes beyond the TC[8,1] time limit on purpose. It holds no state of its own (the frame count
    /// is the context's), so any number of them may run at once.
    /// </remarks>
    public sealed class WaitFramesFunction : IFunction
    {
        /// <summary>Frames between two progress reports.</summary>
        public const int ProgressInterval = 10;

        /// <summary>Completes at once for 0 frames, otherwise runs.</summary>
        public CommandOutcome Start(CommandContext command, long argument)
        {
            return argument <= 0 ? CommandOutcome.Completed : CommandOutcome.Running;
        }

        /// <summary>Completes once the command has run its frames; reports progress on the way.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            long frames = command.Argument(FunctionRegistry.ArgumentIndex);
            if (command.ElapsedTicks >= frames) return CommandOutcome.Completed;
            if (command.ElapsedTicks % ProgressInterval == 0) command.ReportProgress();
            return CommandOutcome.Running;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }
    }
}
