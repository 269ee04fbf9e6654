namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>The command octet that opens every SPI frame to the pulse digitizer.</summary>
    /// <remarks>
    /// The three codes differ from each other in four bit positions, and none is 0x00 or 0xFF (an idle or floating
    /// bus), so a single flipped bit can never turn one command into another: the chip rejects the damaged code, and
    /// the host sees the damage in the command echo of the response, which the response CRC protects.
    /// </remarks>
    public enum DigitizerCommand : byte
    {
        /// <summary>Read one register (9-octet frame).</summary>
        Read = 0x3C,

        /// <summary>Write one register (8-octet frame, CRC-protected on MOSI).</summary>
        Write = 0x5A,

        /// <summary>Burst read of a window: FIFO_DATA, FIFO_REPEAT or SNAPSHOT_DATA (11 + item size × MAX octets).</summary>
        Burst = 0x96,
    }
}
