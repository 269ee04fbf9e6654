namespace Payload.Flight.Commanding
{
    /// <summary>What a command handler reports after each step of a command.</summary>
    public enum CommandOutcome : byte
    {
        /// <summary>Done, successfully.</summary>
        Completed = 0,
        /// <summary>Done, unsuccessfully; the context holds the failure code.</summary>
        Failed = 1,
        /// <summary>Still running; the dispatcher calls Continue next minor frame until it completes or times out.</summary>
        Running = 2,
    }
}
