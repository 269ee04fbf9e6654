using System;

namespace Payload.Flight.Devices.Mcp3208
{
    /// <summary>The MCP3208's SPI frame: request encoding, result decoding, and the clock positions the chip model shares.</summary>
    /// <remarks>Clock positions are counted from the start bit's clock (clock 0); the frame is drawn on <see cref="Mcp3208"/>.</remarks>
    public static class Mcp3208Frame
    {
        /// <summary>Bytes in one conversion transfer.</summary>
        public const int Length = 3;

        /// <summary>Bits in a result.</summary>
        public const int ResolutionBits = 12;

        /// <summary>Number of output codes (a result is 0 to <see cref="MaxCode"/>).</summary>
        public const int CodeCount = 4096;

        /// <summary>Largest result: an input at or above VREF − 1 LSB.</summary>
        public const int MaxCode = 4095;

        /// <summary>Single-ended inputs CH0..CH7.</summary>
        public const int ChannelCount = 8;

        /// <summary>Clock of SGL/DIFF; D2, D1 and D0 follow on the next three.</summary>
        public const int ModeBitClock = 1;

        /// <summary>Clock of D0, the last configuration bit: the input is sampled from here to the next clock.</summary>
        public const int LastConfigurationClock = 4;

        /// <summary>Clock on which the chip drives the null bit (0).</summary>
        public const int NullBitClock = 6;

        /// <summary>Clock on which the chip drives B11, the result's MSB; B0 comes 11 clocks later.</summary>
        public const int FirstDataClock = 7;

        /// <summary>Clock on which the chip starts repeating the result LSB first, with B1.</summary>
        public const int LsbFirstClock = FirstDataClock + ResolutionBits;

        /// <summary>First clock after the LSB-first repeat: from here the chip sends zeros.</summary>
        public const int TrailingZerosClock = LsbFirstClock + ResolutionBits - 1;

        // The request, right-aligned: start bit, SGL/DIFF, D2..D0.
        private const int StartBit = 0x10;
        private const int SingleEndedBit = 0x08;
        // Bits of the frame after D0: the sample clock, the null bit and the result.
        private const int RequestShift = ResolutionBits + 2;
        private const int NullBitMask = 1 << ResolutionBits;
        private const int ResultMask = MaxCode;

        /// <summary>Writes the request for one conversion into <paramref name="buffer"/> at <paramref name="offset"/> (<see cref="Length"/> bytes).</summary>
        /// <param name="singleEnded">True for a single-ended input, false for a pseudo-differential pair.</param>
        /// <param name="configuration">D2..D0: the channel, or the pair's IN+ channel (0..7).</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Position of the first byte.</param>
        public static void Encode(bool singleEnded, int configuration, byte[] buffer, int offset)
        {
            if (configuration < 0 || configuration >= ChannelCount) throw new ArgumentOutOfRangeException(nameof(configuration));
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (offset < 0 || offset > buffer.Length - Length) throw new ArgumentOutOfRangeException(nameof(offset));
            int request = (StartBit | (singleEnded ? SingleEndedBit : 0) | configuration) << RequestShift;
            buffer[offset] = (byte)(request >> 16);
            buffer[offset + 1] = (byte)(request >> 8);
            buffer[offset + 2] = (byte)request;
        }

        /// <summary>True when the null bit of a received frame is 0, as the chip drives it; a 1 means no chip answered (DOUT floating high) or the bus is corrupt.</summary>
        public static bool HasNullBit(byte[] buffer, int offset)
        {
            return (Word(buffer, offset) & NullBitMask) == 0;
        }

        /// <summary>The 12-bit result of a received frame (0..<see cref="MaxCode"/>).</summary>
        public static int ResultOf(byte[] buffer, int offset)
        {
            return Word(buffer, offset) & ResultMask;
        }

        private static int Word(byte[] buffer, int offset)
        {
            return (buffer[offset] << 16) | (buffer[offset + 1] << 8) | buffer[offset + 2];
        }
    }
}
