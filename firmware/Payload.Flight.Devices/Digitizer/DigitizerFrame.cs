using Payload.Flight.Protocol;

namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>The SPI frames of the pulse digitizer: octet positions, lengths, host-side encoders and response checks.</summary>
    /// <remarks>
    /// SPI mode 0, MSB first, up to 20 MHz, full duplex: in every frame the host clocks as many octets out on MOSI as
    /// it reads on MISO, with chip select held low for the whole frame. A MISO octet depends only on MOSI octets
    /// before it (the chip answers one octet late), which is why the echoes lag by one position.
    ///
    /// Legend: CMD command octet (<see cref="DigitizerCommand"/>); ADDR register or window address
    /// (<see cref="DigitizerRegister"/>); D register bits, most significant first; ST the STATUS low octet
    /// (<see cref="DigitizerStatusBits"/>) latched when chip select falls; =X an echo of the MOSI octet X; x the chip
    /// ignores the octet (send 0x00); CRC a CRC-16/CCITT-FALSE (<see cref="Crc16Ccitt"/>), high octet first.
    /// <code>
    /// Command octet, bit 7 first on the wire:
    ///             +----+----+----+----+----+----+----+----+
    ///   Read      |  0 |  0 |  1 |  1 |  1 |  1 |  0 |  0 |  0x3C
    ///   Write     |  0 |  1 |  0 |  1 |  1 |  0 |  1 |  0 |  0x5A
    ///   Burst     |  1 |  0 |  0 |  1 |  0 |  1 |  1 |  0 |  0x96
    ///             +----+----+----+----+----+----+----+----+
    ///               b7   b6   b5   b4   b3   b2   b1   b0
    ///   Any two codes differ in 4 bits; any other octet is rejected.
    ///
    /// Register read, 9 octets. The CRC covers MISO octets 0..6.
    ///   octet   0        1        2        3        4        5        6        7        8
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+--------+
    ///   MOSI  |  0x3C  |  ADDR  |   x    |   x    |   x    |   x    |   x    |   x    |   x    |
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+--------+
    ///   MISO  |   ST   |  =CMD  | =ADDR  | D31:24 | D23:16 | D15:8  |  D7:0  |CRC15:8 | CRC7:0 |
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+--------+
    ///
    /// Register write, 8 octets. The CRC covers MOSI octets 0..5; the chip applies the write when chip select
    /// rises, and only if the CRC matches, the register is writable and the value is in range. The ST octet of
    /// the next frame has CommandError clear if it was applied.
    ///   octet   0        1        2        3        4        5        6        7
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+
    ///   MOSI  |  0x5A  |  ADDR  | D31:24 | D23:16 | D15:8  |  D7:0  |CRC15:8 | CRC7:0 |
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+
    ///   MISO  |   ST   |  =CMD  | =ADDR  |  0x00  |  0x00  |  0x00  |  0x00  |  0x00  |
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+
    ///
    /// Burst read of a window, 11 + S*MAX octets, S the item size (12 for FIFO windows, 2 for SNAPSHOT_DATA).
    /// N = COUNT items follow the header, then the CRC over MISO octets 0..8+S*N, then 0x00 up to the end.
    ///   octet   0        1        2        3        4        5        6        7        8        9 .. 8+S*N  +1,+2   .. end
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+--------+-----------+-------+------+
    ///   MOSI  |  0x96  | WINDOW |MAX15:8 | MAX7:0 |   x    |   x    |   x    |   x    |   x    |  x ...    |  x    |  x   |
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+--------+-----------+-------+------+
    ///   MISO  |   ST   |  =CMD  |=WINDOW |FIRST hi|FIRST lo|COUNT hi|COUNT lo| REM hi | REM lo | N items   |  CRC  | 0x00 |
    ///         +--------+--------+--------+--------+--------+--------+--------+--------+--------+-----------+-------+------+
    ///   FIFO_DATA:     FIRST = index (mod 65536) of the block's first record among all records popped since reset;
    ///                  COUNT = min(FIFO level, MAX); REM = records left after this block. The COUNT records are popped
    ///                  when chip select rises after at least 11 + 12*COUNT octets (the whole CRC); a shorter frame pops
    ///                  nothing. A committed block (COUNT > 0) becomes the repeat block.
    ///   FIFO_REPEAT:   the repeat block again, same FIRST and records, COUNT = min(its count, MAX), REM = FIFO level;
    ///                  pops nothing. Before the first commit: FIRST = next index, COUNT = 0.
    ///   SNAPSHOT_DATA: FIRST = capture number; COUNT = min(samples held, MAX), 0 while none is ready; REM = index of
    ///                  the first sample at the selected pulse's leading edge; items are 16-bit samples. Consumes nothing.
    ///
    /// A rejected read or burst (unknown command or address, wrong frame kind, MAX 0 or above the window's size)
    /// sends 0x00 after the echoes, except that its CRC field holds the complement of the CRC, so it can never pass
    /// as a valid frame. A locked-up or absent chip leaves MISO high: every octet reads 0xFF.
    /// </code>
    /// </remarks>
    public static class DigitizerFrame
    {
        /// <summary>Octets of a CRC.</summary>
        public const int CrcLength = 2;

        /// <summary>MISO offset of the status octet, in every frame.</summary>
        public const int StatusOffset = 0;

        /// <summary>MOSI offset of the command octet; MISO offset 1 echoes it.</summary>
        public const int CommandOffset = 0;

        /// <summary>MOSI offset of the address octet; MISO offset 2 echoes it.</summary>
        public const int AddressOffset = 1;

        /// <summary>MISO offset of the command echo.</summary>
        public const int EchoCommandOffset = 1;

        /// <summary>MISO offset of the address echo.</summary>
        public const int EchoAddressOffset = 2;

        /// <summary>Octets in a register read frame.</summary>
        public const int ReadLength = 9;

        /// <summary>MISO offset of the 32-bit value in a register read.</summary>
        public const int ReadDataOffset = 3;

        /// <summary>MISO offset of the CRC in a register read.</summary>
        public const int ReadCrcOffset = 7;

        /// <summary>Octets in a register write frame.</summary>
        public const int WriteLength = 8;

        /// <summary>MOSI offset of the 32-bit value in a register write.</summary>
        public const int WriteDataOffset = 2;

        /// <summary>MOSI offset of the CRC in a register write.</summary>
        public const int WriteCrcOffset = 6;

        /// <summary>MOSI offset of a burst's 16-bit MAX.</summary>
        public const int BurstMaxOffset = 2;

        /// <summary>MISO offset of a burst's 16-bit FIRST.</summary>
        public const int BurstFirstOffset = 3;

        /// <summary>MISO offset of a burst's 16-bit COUNT.</summary>
        public const int BurstCountOffset = 5;

        /// <summary>MISO offset of a burst's 16-bit REM.</summary>
        public const int BurstRemainingOffset = 7;

        /// <summary>Octets of a burst's response header (ST to REM); the items start here.</summary>
        public const int BurstHeaderLength = 9;

        /// <summary>Octets of a burst frame that reads up to <paramref name="maxItems"/> items of <paramref name="itemSize"/> octets.</summary>
        public static int BurstLength(int maxItems, int itemSize)
        {
            return BurstHeaderLength + (maxItems * itemSize) + CrcLength;
        }

        /// <summary>Writes a register read frame's 9 MOSI octets at <paramref name="offset"/>.</summary>
        public static void EncodeRead(byte[] frame, int offset, DigitizerRegister register)
        {
            frame[offset + CommandOffset] = (byte)DigitizerCommand.Read;
            frame[offset + AddressOffset] = (byte)register;
            for (int i = 2; i < ReadLength; i++)
            {
                frame[offset + i] = 0;
            }
        }

        /// <summary>Writes a register write frame's 8 MOSI octets at <paramref name="offset"/>: command, address, the low 32 bits of <paramref name="value"/>, CRC.</summary>
        public static void EncodeWrite(byte[] frame, int offset, DigitizerRegister register, long value)
        {
            frame[offset + CommandOffset] = (byte)DigitizerCommand.Write;
            frame[offset + AddressOffset] = (byte)register;
            BigEndian.WriteUInt32(frame, offset + WriteDataOffset, value);
            BigEndian.WriteUInt16(frame, offset + WriteCrcOffset, Crc16Ccitt.Compute(frame, offset, WriteCrcOffset));
        }

        /// <summary>Writes a burst frame's MOSI octets at <paramref name="offset"/>: command, window, MAX, then <paramref name="length"/> - 4 zero octets.</summary>
        public static void EncodeBurst(byte[] frame, int offset, DigitizerRegister window, int maxItems, int length)
        {
            frame[offset + CommandOffset] = (byte)DigitizerCommand.Burst;
            frame[offset + AddressOffset] = (byte)window;
            BigEndian.WriteUInt16(frame, offset + BurstMaxOffset, maxItems);
            for (int i = BurstMaxOffset + 2; i < length; i++)
            {
                frame[offset + i] = 0;
            }
        }

        /// <summary>Checks a register read response for <paramref name="register"/>: response held, echoes, CRC.</summary>
        public static DigitizerFrameCheck CheckRead(byte[] response, int offset, DigitizerRegister register)
        {
            DigitizerFrameCheck check = CheckEchoes(response, offset, DigitizerCommand.Read, register);
            if (check != DigitizerFrameCheck.Valid)
            {
                return check;
            }

            ushort crc = Crc16Ccitt.Compute(response, offset, ReadCrcOffset);
            return crc == BigEndian.ReadUInt16(response, offset + ReadCrcOffset) ? DigitizerFrameCheck.Valid : DigitizerFrameCheck.CrcMismatch;
        }

        /// <summary>The 32-bit value of a register read response (check it first).</summary>
        public static long ReadValue(byte[] response, int offset)
        {
            return BigEndian.ReadUInt32(response, offset + ReadDataOffset);
        }

        /// <summary>Checks a burst response from <paramref name="window"/> asked for at most <paramref name="maxItems"/> items of <paramref name="itemSize"/> octets.</summary>
        /// <remarks>The response must be at least <see cref="BurstLength"/>(<paramref name="maxItems"/>, <paramref name="itemSize"/>) octets long.</remarks>
        public static DigitizerFrameCheck CheckBurst(byte[] response, int offset, DigitizerRegister window, int maxItems, int itemSize)
        {
            DigitizerFrameCheck check = CheckEchoes(response, offset, DigitizerCommand.Burst, window);
            if (check != DigitizerFrameCheck.Valid)
            {
                return check;
            }

            int count = BigEndian.ReadUInt16(response, offset + BurstCountOffset);
            if (count > maxItems)
            {
                return DigitizerFrameCheck.CountOutOfRange;
            }

            int covered = BurstHeaderLength + (count * itemSize);
            ushort crc = Crc16Ccitt.Compute(response, offset, covered);
            return crc == BigEndian.ReadUInt16(response, offset + covered) ? DigitizerFrameCheck.Valid : DigitizerFrameCheck.CrcMismatch;
        }

        /// <summary>A burst response's FIRST field.</summary>
        public static int BurstFirst(byte[] response, int offset)
        {
            return BigEndian.ReadUInt16(response, offset + BurstFirstOffset);
        }

        /// <summary>A burst response's COUNT field.</summary>
        public static int BurstCount(byte[] response, int offset)
        {
            return BigEndian.ReadUInt16(response, offset + BurstCountOffset);
        }

        /// <summary>A burst response's REM field.</summary>
        public static int BurstRemaining(byte[] response, int offset)
        {
            return BigEndian.ReadUInt16(response, offset + BurstRemainingOffset);
        }

        private static DigitizerFrameCheck CheckEchoes(byte[] response, int offset, DigitizerCommand command, DigitizerRegister address)
        {
            int status = response[offset + StatusOffset];
            int echoCommand = response[offset + EchoCommandOffset];
            int echoAddress = response[offset + EchoAddressOffset];
            if ((status == 0xFF && echoCommand == 0xFF && echoAddress == 0xFF) || (status == 0 && echoCommand == 0 && echoAddress == 0))
            {
                return DigitizerFrameCheck.NoResponse;
            }

            if (echoCommand != (int)command || echoAddress != (int)address)
            {
                return DigitizerFrameCheck.EchoMismatch;
            }

            return DigitizerFrameCheck.Valid;
        }
    }
}
