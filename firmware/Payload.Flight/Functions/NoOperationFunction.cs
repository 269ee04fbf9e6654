using Payload.Flight.Commanding;

namespace Payload.Flight.Functions
{
    /// <summary>Core function NOOP: completes at once, to check the ST[8] path end to end.</summary>
    public sealed class NoOperationFunction : IFunction
    {
        /// <summary>Completes; the argument is ignored.</summary>
        public CommandOutcome Start(CommandContext command, long argument)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Never reached: NOOP completes in its first step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }
    }
}
