using Payload.Flight.Commanding;

namespace Payload.Flight.Functions
{
    /// <summary>An on-board function that ST[8] perform-function runs; it may take several minor frames.</summary>
    /// <remarks>
    /// The registry has checked the function identifier and the argument's declared range before <see cref="Start"/>.
    /// Several commands may run the same function at once, so a function keeps per-command state keyed by the
    /// <see cref="CommandContext"/>, or derives it from the context (<see cref="CommandContext.ElapsedTicks"/>, and
    /// the raw argument at <see cref="FunctionRegistry.ArgumentIndex"/>). A failing step returns
    /// <c>command.Fail(code, data)</c>. The dispatcher's time limit for TC[8,1] applies; on expiry <see cref="Abort"/> is called.
    /// </remarks>
    public interface IFunction
    {
        /// <summary>Starts the function with its argument (for a function declared UInt32, the wire's 32 bits read unsigned).</summary>
        CommandOutcome Start(CommandContext command, long argument);

        /// <summary>Advances a function that returned Running; called once per minor frame.</summary>
        CommandOutcome Continue(CommandContext command);

        /// <summary>Abandons the function after a timeout, leaving its component in a safe state.</summary>
        void Abort(CommandContext command);
    }
}
