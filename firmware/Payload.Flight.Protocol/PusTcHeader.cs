using System;

namespace Payload.Flight.Protocol
{
    /// <summary>The PUS-C telecommand secondary header (ECSS-E-ST-70-41C 7.4.3.1): five octets, no spare.</summary>
    /// <remarks>
    /// <code>
    /// +-------+-------+--------------+-----------------+--------------------+
    /// | PUS v | ack   | service type | message subtype | source ID          |
    /// | 4     | 4     | 8            | 8               | 16                 |
    /// +-------+-------+--------------+-----------------+--------------------+
    /// PUS v: TC packet PUS version number, 2.  ack: acknowledgement flags, see <see cref="Protocol.AckFlags"/>.
    /// </code>
    /// </remarks>
    public struct PusTcHeader
    {
        /// <summary>Octets in the TC secondary header.</summary>
        public const int Length = 5;

        /// <summary>The PUS version number of PUS-C packets, the only one accepted.</summary>
        public const byte PusVersionC = 2;

        /// <summary>TC packet PUS version number (4 bits); must be 2.</summary>
        public byte PusVersion;

        /// <summary>Which successful verification stages the sender wants reported (4 bits).</summary>
        public AckFlags AckFlags;

        /// <summary>Service type ID, for example 17 for the test service.</summary>
        public byte ServiceType;

        /// <summary>Message subtype ID within the service.</summary>
        public byte ServiceSubtype;

        /// <summary>Source ID: the application process that sent the request (the ground, or an on-board one).</summary>
        public ushort SourceId;

        /// <summary>Creates a PUS-C (version 2) header with the given fields.</summary>
        public PusTcHeader(AckFlags ackFlags, byte serviceType, byte serviceSubtype, ushort sourceId)
        {
            PusVersion = PusVersionC;
            AckFlags = ackFlags;
            ServiceType = serviceType;
            ServiceSubtype = serviceSubtype;
            SourceId = sourceId;
        }

        /// <summary>Reads the header from <paramref name="count"/> octets at <paramref name="offset"/>; on failure <paramref name="header"/> is default.</summary>
        /// <returns><see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> (range outside the buffer), <see cref="PacketStatus.SecondaryHeaderTooShort"/> or <see cref="PacketStatus.BadPusVersion"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static PacketStatus TryRead(byte[] buffer, int offset, int count, out PusTcHeader header)
        {
            header = default;
            if (!BufferRange.IsInside(buffer, offset, count))
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            if (count < Length)
            {
                return PacketStatus.SecondaryHeaderTooShort;
            }

            int first = buffer[offset];
            if ((first >> 4) != PusVersionC)
            {
                return PacketStatus.BadPusVersion;
            }

            header.PusVersion = PusVersionC;
            header.AckFlags = (AckFlags)(first & 0x0F);
            header.ServiceType = buffer[offset + 1];
            header.ServiceSubtype = buffer[offset + 2];
            header.SourceId = (ushort)BigEndian.ReadUInt16(buffer, offset + 3);
            return PacketStatus.Ok;
        }

        /// <summary>Checks the fields: <see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.BadPusVersion"/> or <see cref="PacketStatus.ArgumentOutOfRange"/> (ack flags above 0xF).</summary>
        public PacketStatus Validate()
        {
            if (PusVersion != PusVersionC)
            {
                return PacketStatus.BadPusVersion;
            }

            if (((int)AckFlags & ~0x0F) != 0)
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            return PacketStatus.Ok;
        }

        /// <summary>Validates the fields and writes the header into <paramref name="count"/> octets of room at <paramref name="offset"/>; on failure writes nothing.</summary>
        /// <returns><see cref="PacketStatus.Ok"/> (<paramref name="written"/> = 5), <see cref="PacketStatus.BadPusVersion"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> or <see cref="PacketStatus.BufferTooSmall"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public PacketStatus TryWrite(byte[] buffer, int offset, int count, out int written)
        {
            written = 0;
            PacketStatus status = BufferRange.CheckRoom(buffer, offset, count, Length, Validate());
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            buffer[offset] = (byte)((PusVersionC << 4) | (int)AckFlags);
            buffer[offset + 1] = ServiceType;
            buffer[offset + 2] = ServiceSubtype;
            BigEndian.WriteUInt16(buffer, offset + 3, SourceId);
            written = Length;
            return PacketStatus.Ok;
        }

        /// <summary>Writes the header at <paramref name="offset"/> and returns 5; for headers built from values already known to be valid.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A field is invalid, or the header does not fit in the buffer.</exception>
        public int Write(byte[] buffer, int offset)
        {
            int room = BufferRange.RoomFrom(buffer, offset);

            if (Validate() != PacketStatus.Ok)
            {
                // Invalid fields are a programming error here: the checked path is TryWrite.
                throw new ArgumentOutOfRangeException(nameof(PusTcHeader));
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
