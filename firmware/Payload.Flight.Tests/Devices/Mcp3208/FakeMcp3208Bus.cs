using Payload.Flight.Hardware;

namespace Payload.Flight.Tests.Devices.Mcp3208;

/// <summary>
/// An allocation-free stand-in for an MCP3208 that understands only the driver's aligned three-byte frame (start bit in
/// bit 2 of the first byte) and answers each input with a code the test sets. The full bit-level model is on the
/// simulated board; this one keeps the flight tests free of it and lets them fail a chosen input.
/// </summary>
internal sealed class FakeMcp3208Bus : ISpiDevice
{
    /// <summary>Code answered for each single-ended input, and for differential requests by IN+ channel.</summary>
    public int[] Codes { get; } = new int[8];

    /// <summary>Input whose conversion throws, as a failing bus driver would; -1 for none.</summary>
    public int ThrowOnChannel { get; set; } = -1;

    /// <summary>Input whose frame comes back with the null bit high (DOUT floating); -1 for none.</summary>
    public int FloatOnChannel { get; set; } = -1;

    /// <summary>Transfers seen.</summary>
    public int Transfers { get; private set; }

    public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
    {
        Transfers++;
        if (count != 3 || (writeBuffer[writeOffset] & 0xF8) != 0 || (writeBuffer[writeOffset] & 0x04) == 0)
            throw new InvalidOperationException("not the driver's aligned MCP3208 frame");
        int channel = (writeBuffer[writeOffset] & 0x01) << 2 | writeBuffer[writeOffset + 1] >> 6;
        if (channel == ThrowOnChannel) throw new IOException("simulated SPI failure");
        int code = Codes[channel];
        // Bits 7..5 of the second byte are high impedance (read high here); bit 4 is the null bit.
        readBuffer[readOffset] = 0xFF;
        readBuffer[readOffset + 1] = (byte)(0xE0 | (channel == FloatOnChannel ? 0x10 : 0) | code >> 8);
        readBuffer[readOffset + 2] = (byte)code;
    }
}
