namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Snapshot state, bits 1..0 of SNAPSHOT_STATUS (<see cref="DigitizerRegister.SnapshotStatus"/>).</summary>
    public enum SnapshotState : byte
    {
        /// <summary>Nothing armed and nothing held (after reset).</summary>
        Idle = 0,

        /// <summary>Armed: waiting for the selected pulse.</summary>
        Armed = 1,

        /// <summary>The selected pulse arrived; the post-trigger samples are still being taken.</summary>
        Capturing = 2,

        /// <summary>A capture is complete and held until the next arm or reset.</summary>
        Ready = 3,
    }
}
