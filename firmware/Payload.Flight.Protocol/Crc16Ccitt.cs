using System;

namespace Payload.Flight.Protocol
{
    /// <summary>CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR): the PUS packet error control.</summary>
    /// <remarks>
    /// Table-driven, eight octets per step ("slicing by 8"): table k holds the CRC of an octet followed by k zero octets,
    /// so the eight lookups of a step are independent of each other and only one step's result feeds the next. The
    /// byte-at-a-time form chains every lookup on the previous one, which held packets of a few hundred octets below a
    /// million per second on the host; the bitwise form costs eight loop steps per octet, which the nanoFramework
    /// interpreter pays for dearly. The tables (4 KB) are built once, at type initialisation; the tail of fewer than
    /// eight octets goes one octet at a time. Check value: 0x29B1 for the ASCII octets "123456789".
    /// </remarks>
    public static class Crc16Ccitt
    {
        /// <summary>The initial register value (CCITT-FALSE).</summary>
        public const ushort Initial = 0xFFFF;

        /// <summary>The generator polynomial x^16 + x^12 + x^5 + 1, without its x^16 term.</summary>
        public const ushort Polynomial = 0x1021;

        private const int Slices = 8;

        // Table k at [256k, 256k + 255]: one array, so a step costs one bounds-checked object.
        private static readonly ushort[] Tables = BuildTables();

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

            ushort[] tables = Tables;
            int value = crc;
            int i = offset;
            int end = offset + count;
            int sliced = offset + (count & ~(Slices - 1));
            while (i < sliced)
            {
                // The register's two octets combine with the first two data octets; the other six enter as they are.
                value = tables[(7 << 8) | (((value >> 8) ^ data[i]) & 0xFF)]
                    ^ tables[(6 << 8) | ((value ^ data[i + 1]) & 0xFF)]
                    ^ tables[(5 << 8) | data[i + 2]]
                    ^ tables[(4 << 8) | data[i + 3]]
                    ^ tables[(3 << 8) | data[i + 4]]
                    ^ tables[(2 << 8) | data[i + 5]]
                    ^ tables[(1 << 8) | data[i + 6]]
                    ^ tables[data[i + 7]];
                i += Slices;
            }

            for (; i < end; i++)
            {
                value = ((value << 8) ^ tables[((value >> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
            }

            return (ushort)value;
        }

        private static ushort[] BuildTables()
        {
            ushort[] tables = new ushort[Slices * 256];
            for (int n = 0; n < 256; n++)
            {
                int value = n << 8;
                for (int bit = 0; bit < 8; bit++)
                {
                    value = (value & 0x8000) != 0 ? (value << 1) ^ Polynomial : value << 1;
                }

                tables[n] = (ushort)(value & 0xFFFF);
            }

            // One more zero octet after the CRC of table k - 1: shift it through the register once.
            for (int k = 1; k < Slices; k++)
            {
                for (int n = 0; n < 256; n++)
                {
                    int previous = tables[((k - 1) << 8) | n];
                    tables[(k << 8) | n] = (ushort)(((previous << 8) ^ tables[previous >> 8]) & 0xFFFF);
                }
            }

            return tables;
        }
    }
}
