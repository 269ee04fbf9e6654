using Payload.Flight.Protocol;

namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Reads and writes <see cref="PulseRecord"/>s in byte arrays (FIFO blocks, the record ring, products), allocation-free.</summary>
    /// <remarks>
    /// Raw accessors in the style of <see cref="BigEndian"/>: callers have checked that the record lies inside the
    /// array (an index outside it fails in the runtime). <c>offset</c> is the record's first octet; use
    /// <see cref="OffsetOf"/> for record i of a block.
    /// </remarks>
    public static class PulseRecordCodec
    {
        /// <summary>The offset of record <paramref name="index"/> of a block whose first record starts at <paramref name="blockOffset"/>.</summary>
        public static int OffsetOf(int blockOffset, int index)
        {
            return blockOffset + (index * PulseRecord.Size);
        }

        /// <summary>The record's TOA in 80 MHz ticks.</summary>
        public static long ReadToaTicks(byte[] buffer, int offset)
        {
            return BigEndian.ReadUInt48(buffer, offset + PulseRecord.ToaOffset);
        }

        /// <summary>The record's width in 80 MHz ticks.</summary>
        public static int ReadWidthTicks(byte[] buffer, int offset)
        {
            return BigEndian.ReadUInt16(buffer, offset + PulseRecord.WidthOffset);
        }

        /// <summary>The record's peak code.</summary>
        public static int ReadPeakCode(byte[] buffer, int offset)
        {
            return BigEndian.ReadUInt16(buffer, offset + PulseRecord.PeakOffset);
        }

        /// <summary>The record's flags.</summary>
        public static PulseFlags ReadFlags(byte[] buffer, int offset)
        {
            return (PulseFlags)buffer[offset + PulseRecord.FlagsOffset];
        }

        /// <summary>The record's sequence octet.</summary>
        public static int ReadSequence(byte[] buffer, int offset)
        {
            return buffer[offset + PulseRecord.SequenceOffset];
        }

        /// <summary>Reads every field of the record at <paramref name="offset"/>.</summary>
        public static void Read(byte[] buffer, int offset, out PulseRecord record)
        {
            record.ToaTicks = BigEndian.ReadUInt48(buffer, offset + PulseRecord.ToaOffset);
            record.WidthTicks = BigEndian.ReadUInt16(buffer, offset + PulseRecord.WidthOffset);
            record.PeakCode = BigEndian.ReadUInt16(buffer, offset + PulseRecord.PeakOffset);
            record.Flags = (PulseFlags)buffer[offset + PulseRecord.FlagsOffset];
            record.Sequence = buffer[offset + PulseRecord.SequenceOffset];
        }

        /// <summary>Writes a record from its fields, keeping the low 48, 16, 16, 8 and 8 bits of each.</summary>
        public static void Write(byte[] buffer, int offset, long toaTicks, int widthTicks, int peakCode, PulseFlags flags, int sequence)
        {
            BigEndian.WriteUInt48(buffer, offset + PulseRecord.ToaOffset, toaTicks);
            BigEndian.WriteUInt16(buffer, offset + PulseRecord.WidthOffset, widthTicks);
            BigEndian.WriteUInt16(buffer, offset + PulseRecord.PeakOffset, peakCode);
            buffer[offset + PulseRecord.FlagsOffset] = (byte)flags;
            buffer[offset + PulseRecord.SequenceOffset] = (byte)sequence;
        }

        /// <summary>Writes <paramref name="record"/> at <paramref name="offset"/>.</summary>
        public static void Write(byte[] buffer, int offset, PulseRecord record)
        {
            Write(buffer, offset, record.ToaTicks, record.WidthTicks, record.PeakCode, record.Flags, record.Sequence);
        }
    }
}
