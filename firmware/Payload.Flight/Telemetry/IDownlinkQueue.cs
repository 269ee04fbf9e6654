namespace Payload.Flight.Telemetry
{
    /// <summary>Takes packets that are already built (a packet store replay) into a downlink class unchanged, as flow control rather than fire-and-forget.</summary>
    public interface IDownlinkQueue
    {
        /// <summary>Queues a copy of a whole packet in class <paramref name="priority"/>; false when that class's queue is full (nothing counted as dropped: try again later).</summary>
        bool TryQueuePacket(TelemetryClass priority, byte[] packet, int offset, int count);
    }
}
