using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Protocol;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>The layouts of the instrument's ST[13] messages: pass products, raw pulse records, snapshots.</summary>
    /// <remarks>
    /// Every message starts with the same 4 octets, so the ground tells them apart without knowing the transaction:
    /// <code>
    /// off len field
    ///   0   1 kind            1 pass products, 2 raw pulse records, 3 snapshot
    ///   1   1 format version  1
    ///   2   2 pass number     passes armed since boot (u16); 0 before the first
    /// </code>
    /// <b>Pass products</b> (kind 1, <see cref="ProductsLength"/> = 129 octets):
    /// <code>
    ///   4 113 PassProducts encoding (format 1, layout in Products/PassProducts.cs)
    /// 117   1 end reason      PassEndReason
    /// 118   1 expected radar  ExpectedRadar
    /// 119   2 raw decimation  N: every Nth record went down as raw records (0 = none)
    /// 121   4 records lost    records the chip made during the pass that never reached the products (driver, ring, chip FIFO)
    /// 125   4 raw dropped     decimated records the raw backlog had no room for
    /// </code>
    /// <b>Raw pulse records</b> (kind 2, <see cref="RawHeaderLength"/> = 16 octets, then COUNT 12-octet records in
    /// PulseRecord layout, TOA on the pass's axis, see the README): one message per chunk, in order, the last flagged.
    /// <code>
    ///   4   2 chunk sequence  from 0 in each pass
    ///   6   2 decimation      N
    ///   8   1 flags           bit 0: last chunk of the pass
    ///   9   1 reserved        0
    ///  10   2 COUNT           records in this chunk
    ///  12   4 raw dropped     so far in this pass
    ///  16     records
    /// </code>
    /// <b>Snapshot</b> (kind 3, <see cref="SnapshotHeaderLength"/> = 18 octets, then SAMPLES 16-bit big-endian codes at 10 MSPS):
    /// <code>
    ///   4   6 TOA             of the captured pulse (u48, 80 MHz ticks, chip axis)
    ///  10   2 capture number  the chip's, mod 65536
    ///  12   2 trigger index   sample at the pulse's leading edge
    ///  14   2 SAMPLES
    ///  16   2 pulse index     as commanded (pulses skipped before the capture)
    ///  18     samples
    /// </code>
    /// </remarks>
    public static class AcquisitionMessage
    {
        /// <summary>Format version of every layout here.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Kind octet of a pass products message.</summary>
        public const byte ProductsKind = 1;

        /// <summary>Kind octet of a raw pulse records message.</summary>
        public const byte RawRecordsKind = 2;

        /// <summary>Kind octet of a snapshot message.</summary>
        public const byte SnapshotKind = 3;

        /// <summary>Octets of the common header.</summary>
        public const int HeaderLength = 4;

        /// <summary>Offset of the PassProducts encoding in a products message.</summary>
        public const int ProductsOffset = HeaderLength;

        /// <summary>Offset of the acquisition trailer in a products message.</summary>
        public const int ProductsTrailerOffset = ProductsOffset + PassProducts.Length;

        /// <summary>Octets of a products message.</summary>
        public const int ProductsLength = ProductsTrailerOffset + 12;

        /// <summary>Octets before the records of a raw records message.</summary>
        public const int RawHeaderLength = 16;

        /// <summary>Flag of the last raw chunk of a pass.</summary>
        public const byte LastChunkFlag = 1;

        /// <summary>Octets before the samples of a snapshot message.</summary>
        public const int SnapshotHeaderLength = 18;

        /// <summary>Octets of a snapshot message holding a full capture.</summary>
        public const int SnapshotMaxLength = SnapshotHeaderLength + DigitizerChip.SnapshotSamples * DigitizerChip.SampleSize;

        /// <summary>Octets of a raw records message of <paramref name="records"/> records.</summary>
        public static int RawLength(int records)
        {
            return RawHeaderLength + records * PulseRecord.Size;
        }

        /// <summary>Writes the common header.</summary>
        public static void WriteHeader(byte[] buffer, int offset, byte kind, int passNumber)
        {
            buffer[offset] = kind;
            buffer[offset + 1] = FormatVersion;
            BigEndian.WriteUInt16(buffer, offset + 2, passNumber);
        }

        /// <summary>Clamps a count to the u32 field it goes in.</summary>
        public static long ClampU32(long value)
        {
            if (value < 0)
            {
                return 0;
            }

            return value > 0xFFFFFFFFL ? 0xFFFFFFFFL : value;
        }
    }
}
