using System;

namespace Payload.Flight.Protocol
{
    /// <summary>CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR): the PUS packet error control.</summary>
    /// <remarks>
    /// Table-driven, one table lookup per octet: the bitwise form costs eight loop steps per octet, which the
    /// nanoFramework interpreter pays for dearly. The 512-octet table is built once, at type initialisation.
    /// Check value: 0x29B1 for the ASCII octets "123456789".
    /// </remarks>
    public static class Crc16Ccitt
    {
        /// <summary>The initial register value (CCITT-FALSE).</summary>
        public const ushort Initial = 0xFFFF;

        /// <summary>The generator polynomial x^16 + x^12 + x^5 + 1, without its x^16 term.</summary>
        public const ushort Polynomial = 0x1021;

        private static readonly ushort[] Table = BuildTable();

        /// <summary>Computes the CRC of <paramref name="count"/> octets of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range is not inside <paramref name="data"/>.</exception>
        public static ushort Compute(byte[] data, int offset, int count)
        {
            return Update(Initial, data, offset, count);
        }

        /// <summary>Continues a CRC over more octets, so a packet can be checked in pieces; start from <see cref="Initial"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range is not inside <paramref name="data"/>.</exception>
        public static ushort Update(ushort crc, byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            ushort[] table = Table;
            int value = crc;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                value = ((value << 8) ^ table[((value >> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
            }

            return (ushort)value;
        }

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int n = 0; n < 256; n++)
            {
                int value = n << 8;
                for (int bit = 0; bit < 8; bit++)
                {
                    value = (value & 0x8000) != 0 ? (value << 1) ^ Polynomial : value << 1;
                }

                table[n] = (ushort)(value & 0xFFFF);
            }

            return table;
        }
    }
}
