namespace Payload.Flight.Telemetry
{
    /// <summary>Where components hand telemetry: the sink adds the space packet and PUS headers and queues it for downlink.</summary>
    public interface ITelemetrySink
    {
        /// <summary>
        /// Packetises <paramref name="count"/> octets of application data as a TM[service, subtype] packet of the given class.
        /// Returns false when the class's queue is full and the packet was dropped (the sink counts it).
        /// </summary>
        bool Send(TelemetryClass priority, byte service, byte subtype, byte[] applicationData, int offset, int count);
    }
}
