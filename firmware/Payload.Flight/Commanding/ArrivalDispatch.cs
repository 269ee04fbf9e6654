using Payload.Flight.Executive;

namespace Payload.Flight.Commanding
{
    /// <summary>The command group's member: starts the commands accepted since the last cycle at once, between minor frames.</summary>
    /// <remarks>
    /// Running commands still advance only in the frame group (their timeouts count frames), so an arrival never speeds
    /// up a command already running; F Prime's command dispatcher, an active component, likewise dispatches as commands arrive.
    /// </remarks>
    public sealed class ArrivalDispatch : IRateGroupMember
    {
        private readonly CommandDispatcher _dispatcher;

        /// <summary>Starts commands through <paramref name="dispatcher"/>.</summary>
        public ArrivalDispatch(CommandDispatcher dispatcher)
        {
            _dispatcher = dispatcher;
        }

        /// <summary>Starts queued commands (up to the dispatcher's starts per cycle).</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            _dispatcher.StartQueued();
        }
    }
}
