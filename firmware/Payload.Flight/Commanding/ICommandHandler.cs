namespace Payload.Flight.Commanding
{
    /// <summary>A component's side of a command: the dispatcher calls it in the executive, never from the link.</summary>
    /// <remarks>Arguments have been decoded and range-checked against the dictionary before a handler sees them.</remarks>
    public interface ICommandHandler
    {
        /// <summary>Starts the command; a command that takes one step returns Completed or Failed at once.</summary>
        CommandOutcome Start(CommandContext command);

        /// <summary>Advances a command that returned Running; called once per minor frame.</summary>
        CommandOutcome Continue(CommandContext command);

        /// <summary>Abandons a running command that timed out, so the component can leave a safe state.</summary>
        void Abort(CommandContext command);
    }
}
