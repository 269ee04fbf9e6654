namespace Payload.Flight.Telemetry
{
    /// <summary>Downlink priority classes, highest first: the arbiter always serves a lower number before a higher one.</summary>
    public enum TelemetryClass : byte
    {
        /// <summary>ST[1] verification reports and high-severity events.</summary>
        Urgent = 0,
        /// <summary>Housekeeping, other events, and reports requested by a command.</summary>
        Routine = 1,
        /// <summary>Large transfers: pass products, snapshots, packet-store replays.</summary>
        Bulk = 2,
    }
}
