using System;

namespace Payload.Flight.Protocol
{
    /// <summary>The CCSDS space packet primary header (CCSDS 133.0-B-2, 4.1.3): six octets, big-endian bit fields.</summary>
    /// <remarks>
    /// <code>
    ///  octet 0         octet 1    octet 2        octet 3    octets 4-5
    /// +---+-+-+-------+----------+--+-----------+----------+----------------+
    /// |ver|T|S| APID (11 bits)   |SF| sequence count (14)  | data length    |
    /// |3  |1|1| 3 + 8            |2 | 6 + 8                | 16             |
    /// +---+-+-+-------+----------+--+-----------+----------+----------------+
    /// ver: version number, 0.  T: packet type (0 TM, 1 TC).  S: secondary header flag.
    /// SF: sequence flags.  data length: octets in the packet data field minus 1.
    /// </code>
    /// Fields are plain public fields (cheap on the nanoFramework interpreter); writers validate them and reject
    /// out-of-range values instead of masking them into neighbouring fields.
    /// </remarks>
    public struct SpacePacketHeader
    {
        /// <summary>Octets in the primary header.</summary>
        public const int Length = 6;

        /// <summary>Packet version number (3 bits); 0 is the only version, and readers and writers reject any other.</summary>
        public byte Version;

        /// <summary>Telemetry or telecommand.</summary>
        public PacketType Type;

        /// <summary>Secondary header flag: set on every PUS packet.</summary>
        public bool HasSecondaryHeader;

        /// <summary>Application process identifier (11 bits, 0..2047; 2047 is reserved for idle packets).</summary>
        public ushort Apid;

        /// <summary>Segmentation of the user data (2 bits).</summary>
        public SequenceFlags SequenceFlags;

        /// <summary>Packet sequence count (TM) or packet name (TC), 14 bits, 0..16383.</summary>
        public ushort SequenceCount;

        /// <summary>Packet data length field: octets in the packet data field (everything after this header) minus 1.</summary>
        public ushort DataLength;

        /// <summary>Creates a version-0 header with the given fields (not validated until written).</summary>
        public SpacePacketHeader(PacketType type, bool hasSecondaryHeader, ushort apid, SequenceFlags sequenceFlags, ushort sequenceCount, ushort dataLength)
        {
            Version = 0;
            Type = type;
            HasSecondaryHeader = hasSecondaryHeader;
            Apid = apid;
            SequenceFlags = sequenceFlags;
            SequenceCount = sequenceCount;
            DataLength = dataLength;
        }

        /// <summary>Octets in the packet data field: <see cref="DataLength"/> + 1.</summary>
        public int DataFieldLength
        {
            get { return DataLength + 1; }
        }

        /// <summary>Octets in the whole packet: 6 + <see cref="DataLength"/> + 1.</summary>
        public int TotalPacketLength
        {
            get { return Length + DataLength + 1; }
        }

        /// <summary>Reads a primary header from <paramref name="count"/> octets at <paramref name="offset"/>; on failure <paramref name="header"/> is default.</summary>
        /// <returns><see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> (range outside the buffer), <see cref="PacketStatus.TooShort"/> or <see cref="PacketStatus.BadVersion"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static PacketStatus TryRead(byte[] buffer, int offset, int count, out SpacePacketHeader header)
        {
            header = default;
            if (!BufferRange.IsInside(buffer, offset, count))
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            if (count < Length)
            {
                return PacketStatus.TooShort;
            }

            int first = buffer[offset];
            int version = first >> 5;
            if (version != 0)
            {
                return PacketStatus.BadVersion;
            }

            int sequence = BigEndian.ReadUInt16(buffer, offset + 2);
            header.Version = (byte)version;
            header.Type = (PacketType)((first >> 4) & 0x1);
            header.HasSecondaryHeader = (first & 0x08) != 0;
            header.Apid = (ushort)(BigEndian.ReadUInt16(buffer, offset) & PacketLimits.MaxApid);
            header.SequenceFlags = (SequenceFlags)(sequence >> 14);
            header.SequenceCount = (ushort)(sequence & PacketLimits.MaxSequenceCount);
            header.DataLength = (ushort)BigEndian.ReadUInt16(buffer, offset + 4);
            return PacketStatus.Ok;
        }

        /// <summary>Checks every field fits its wire width: <see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.BadVersion"/> or <see cref="PacketStatus.ArgumentOutOfRange"/>.</summary>
        public PacketStatus Validate()
        {
            if (Version != 0)
            {
                return PacketStatus.BadVersion;
            }

            if ((Type != PacketType.Telemetry && Type != PacketType.Telecommand)
                || Apid > PacketLimits.MaxApid
                || SequenceFlags < SequenceFlags.Continuation || SequenceFlags > SequenceFlags.Unsegmented
                || SequenceCount > PacketLimits.MaxSequenceCount)
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            return PacketStatus.Ok;
        }

        /// <summary>Validates the fields and writes the header into <paramref name="count"/> octets of room at <paramref name="offset"/>; on failure writes nothing.</summary>
        /// <returns><see cref="PacketStatus.Ok"/> (<paramref name="written"/> = 6), <see cref="PacketStatus.BadVersion"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> or <see cref="PacketStatus.BufferTooSmall"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public PacketStatus TryWrite(byte[] buffer, int offset, int count, out int written)
        {
            written = 0;
            PacketStatus status = BufferRange.CheckRoom(buffer, offset, count, Length, Validate());
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            int first = ((int)Type << 4) | (HasSecondaryHeader ? 0x08 : 0) | (Apid >> 8);
            buffer[offset] = (byte)first;
            buffer[offset + 1] = (byte)Apid;
            BigEndian.WriteUInt16(buffer, offset + 2, ((int)SequenceFlags << 14) | SequenceCount);
            BigEndian.WriteUInt16(buffer, offset + 4, DataLength);
            written = Length;
            return PacketStatus.Ok;
        }

        /// <summary>Writes the header at <paramref name="offset"/> and returns 6; for headers built from values already known to be valid.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A field is out of range, or the header does not fit in the buffer.</exception>
        public int Write(byte[] buffer, int offset)
        {
            int room = BufferRange.RoomFrom(buffer, offset);

            if (Validate() != PacketStatus.Ok)
            {
                // Invalid fields are a programming error here: the checked path is TryWrite.
                throw new ArgumentOutOfRangeException(nameof(SpacePacketHeader));
            }

            int written;
            if (TryWrite(buffer, offset, room, out written) != PacketStatus.Ok)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            return written;
        }
    }
}
