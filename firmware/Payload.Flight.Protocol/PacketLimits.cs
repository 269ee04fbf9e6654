namespace Payload.Flight.Protocol
{
    /// <summary>Size limits of the space packets on the spacecraft link.</summary>
    public static class PacketLimits
    {
        /// <summary>The largest space packet on this link, in octets (primary header and packet error control included).</summary>
        /// <remarks>
        /// CCSDS allows 65542 octets, but every buffer on the board is allocated at boot from a heap of about 110 KB
        /// (plain ESP32), and at 115200 baud 1024 octets take about 90 ms, which bounds how long an event report can
        /// wait behind a bulk packet. Larger products travel by ST[13] large packet transfer.
        /// </remarks>
        public const int MaxPacketLength = 1024;

        /// <summary>The smallest PUS-C telecommand: primary header (6), TC secondary header (5), packet error control (2).</summary>
        public const int MinTelecommandLength = SpacePacketHeader.Length + PusTcHeader.Length + PacketErrorControlLength;

        /// <summary>The smallest PUS-C telemetry packet: primary header (6), TM secondary header (13), packet error control (2).</summary>
        public const int MinTelemetryLength = SpacePacketHeader.Length + PusTmHeader.Length + PacketErrorControlLength;

        /// <summary>The packet error control field at the end of every packet: a 16-bit CRC.</summary>
        public const int PacketErrorControlLength = 2;

        /// <summary>The most application data a telecommand can carry on this link.</summary>
        public const int MaxTelecommandApplicationDataLength = MaxPacketLength - MinTelecommandLength;

        /// <summary>The most application data a telemetry packet can carry on this link.</summary>
        public const int MaxTelemetryApplicationDataLength = MaxPacketLength - MinTelemetryLength;

        /// <summary>The largest COBS frame of one packet on the link: encoded packet plus delimiter.</summary>
        public const int MaxFrameLength = MaxPacketLength + ((MaxPacketLength + 253) / 254) + 1;

        /// <summary>The largest APID (11 bits); 2047 itself is reserved for idle packets.</summary>
        public const int MaxApid = 0x7FF;

        /// <summary>The largest packet sequence count (14 bits); counts wrap to 0 after it.</summary>
        public const int MaxSequenceCount = 0x3FFF;
    }
}
