namespace Payload.Flight.Protocol
{
    /// <summary>The packet type bit of the CCSDS space packet primary header.</summary>
    public enum PacketType
    {
        /// <summary>Telemetry (reporting), type bit 0.</summary>
        Telemetry = 0,

        /// <summary>Telecommand (request), type bit 1.</summary>
        Telecommand = 1,
    }
}
