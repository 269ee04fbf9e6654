namespace Payload.Flight.Protocol
{
    /// <summary>The one result code of every packet and header read or write: <see cref="Ok"/> or the first reason for rejection.</summary>
    /// <remarks>
    /// Readers check in wire order and report the first failure, so a status names one cause. A failed read sets
    /// only its out value (to default) and a failed write leaves the destination untouched.
    /// </remarks>
    public enum PacketStatus
    {
        /// <summary>The read or write succeeded.</summary>
        Ok = 0,

        /// <summary>Fewer octets than a space packet primary header (6) are available to read.</summary>
        TooShort = 1,

        /// <summary>The primary header's version number is not 0 (CCSDS 133.0-B-2 version 1 packets only).</summary>
        BadVersion = 2,

        /// <summary>The packet type bit is not the expected one (a telemetry packet given to the telecommand decoder, or the reverse).</summary>
        WrongPacketType = 3,

        /// <summary>The secondary header flag is clear, but every PUS packet carries a secondary header.</summary>
        NoSecondaryHeader = 4,

        /// <summary>The packet data length field disagrees with the octets available: the packet claims more or fewer than were given.</summary>
        LengthMismatch = 5,

        /// <summary>The packet error control (CRC-16/CCITT-FALSE over everything before it) does not match.</summary>
        BadCrc = 6,

        /// <summary>The PUS secondary header's version number is not 2 (PUS-C).</summary>
        BadPusVersion = 7,

        /// <summary>Too few octets for the PUS secondary header (and, in a whole packet, its packet error control).</summary>
        SecondaryHeaderTooShort = 8,

        /// <summary>The destination has too little room for what is to be written.</summary>
        BufferTooSmall = 9,

        /// <summary>An argument or field is outside its range: an offset or count outside the buffer, an APID above 2047, a sequence count above 16383, a 4-bit field above 15, an enum value not defined.</summary>
        ArgumentOutOfRange = 10,

        /// <summary>The packet is longer than <see cref="PacketLimits.MaxPacketLength"/>, the largest this link carries.</summary>
        TooLong = 11,
    }
}
