namespace Payload.Flight.Hardware
{
    /// <summary>The board's free-running microsecond counter (HighResTimer on the ESP32, virtual time in simulation).</summary>
    /// <remarks>Only the executive reads it, to measure how long a rate group ran; every step function is handed its time.</remarks>
    public interface IMonotonicClock
    {
        /// <summary>Microseconds since the board started; never goes backwards.</summary>
        long NowMicroseconds { get; }
    }
}
