namespace Payload.Flight.Commanding
{
    /// <summary>Where a telecommand entered the pipeline.</summary>
    public enum CommandSource : byte
    {
        /// <summary>Received over the spacecraft link.</summary>
        Link = 0,
        /// <summary>Released by the ST[11] time-based schedule.</summary>
        Schedule = 1,
    }
}
