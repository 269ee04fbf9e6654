namespace Payload.Flight.Modes
{
    /// <summary>The payload's operating modes.</summary>
    public enum Mode : byte
    {
        /// <summary>After boot or a fault: RF chain off, only housekeeping, time and recovery commands.</summary>
        Safe = 0,
        /// <summary>Healthy and idle: configuration, scheduling and tests allowed; no acquisition.</summary>
        Standby = 1,
        /// <summary>Armed or measuring a radar pass.</summary>
        Acquire = 2,
    }
}
