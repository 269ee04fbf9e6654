namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>What checking a response frame from the digitizer found.</summary>
    public enum DigitizerFrameCheck : byte
    {
        /// <summary>Echo, count and CRC all agree: the frame can be used.</summary>
        Valid = 0,

        /// <summary>Octets 0 to 2 are all 0xFF or all 0x00: MISO is held (chip absent, in reset or locked up).</summary>
        NoResponse = 1,

        /// <summary>The echoed command or address differs from what was sent: the chip heard another command.</summary>
        EchoMismatch = 2,

        /// <summary>A burst's COUNT exceeds the MAX that was asked for.</summary>
        CountOutOfRange = 3,

        /// <summary>The CRC does not match the octets before it: corrupted on the bus.</summary>
        CrcMismatch = 4,
    }
}
