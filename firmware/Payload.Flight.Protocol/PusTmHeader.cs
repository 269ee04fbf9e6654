using System;

namespace Payload.Flight.Protocol
{
    /// <summary>The PUS-C telemetry secondary header (ECSS-E-ST-70-41C 7.4.3.2) with a 6-octet CUC time: thirteen octets, no spare.</summary>
    /// <remarks>
    /// <code>
    /// +-------+-------+--------------+-----------------+----------------+----------------+---------------+
    /// | PUS v | tref  | service type | message subtype | msg type count | destination ID | time (CUC)    |
    /// | 4     | 4     | 8            | 8               | 16             | 16             | 32 + 16       |
    /// +-------+-------+--------------+-----------------+----------------+----------------+---------------+
    /// PUS v: TM packet PUS version number, 2.  tref: spacecraft time reference status.
    /// </code>
    /// </remarks>
    public struct PusTmHeader
    {
        /// <summary>Octets in the TM secondary header.</summary>
        public const int Length = 13;

        /// <summary>The PUS version number of PUS-C packets, the only one accepted.</summary>
        public const byte PusVersionC = 2;

        /// <summary>TM packet PUS version number (4 bits); must be 2.</summary>
        public byte PusVersion;

        /// <summary>Spacecraft time reference status (4 bits, 0..15), as the time service reports it; 0 when unused.</summary>
        public byte TimeReferenceStatus;

        /// <summary>Service type ID, for example 3 for housekeeping.</summary>
        public byte ServiceType;

        /// <summary>Message subtype ID within the service.</summary>
        public byte ServiceSubtype;

        /// <summary>Message type counter: per (service, subtype, destination), wraps at 65535.</summary>
        public ushort MessageTypeCounter;

        /// <summary>Destination ID: the application process the report is for (0 for the ground).</summary>
        public ushort DestinationId;

        /// <summary>When the report was generated, on board time.</summary>
        public CucTime Time;

        /// <summary>Creates a PUS-C (version 2) header with the given fields.</summary>
        public PusTmHeader(byte timeReferenceStatus, byte serviceType, byte serviceSubtype, ushort messageTypeCounter, ushort destinationId, CucTime time)
        {
            PusVersion = PusVersionC;
            TimeReferenceStatus = timeReferenceStatus;
            ServiceType = serviceType;
            ServiceSubtype = serviceSubtype;
            MessageTypeCounter = messageTypeCounter;
            DestinationId = destinationId;
            Time = time;
        }

        /// <summary>Reads the header from <paramref name="count"/> octets at <paramref name="offset"/>; on failure <paramref name="header"/> is default.</summary>
        /// <returns><see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> (range outside the buffer), <see cref="PacketStatus.SecondaryHeaderTooShort"/> or <see cref="PacketStatus.BadPusVersion"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static PacketStatus TryRead(byte[] buffer, int offset, int count, out PusTmHeader header)
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
            header.TimeReferenceStatus = (byte)(first & 0x0F);
            header.ServiceType = buffer[offset + 1];
            header.ServiceSubtype = buffer[offset + 2];
            header.MessageTypeCounter = (ushort)BigEndian.ReadUInt16(buffer, offset + 3);
            header.DestinationId = (ushort)BigEndian.ReadUInt16(buffer, offset + 5);
            header.Time.Coarse = (uint)BigEndian.ReadUInt32(buffer, offset + 7);
            header.Time.Fine = (ushort)BigEndian.ReadUInt16(buffer, offset + 11);
            return PacketStatus.Ok;
        }

        /// <summary>Checks the fields: <see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.BadPusVersion"/> or <see cref="PacketStatus.ArgumentOutOfRange"/> (time reference status above 15).</summary>
        public PacketStatus Validate()
        {
            if (PusVersion != PusVersionC)
            {
                return PacketStatus.BadPusVersion;
            }

            if (TimeReferenceStatus > 0x0F)
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            return PacketStatus.Ok;
        }

        /// <summary>Validates the fields and writes the header into <paramref name="count"/> octets of room at <paramref name="offset"/>; on failure writes nothing.</summary>
        /// <returns><see cref="PacketStatus.Ok"/> (<paramref name="written"/> = 13), <see cref="PacketStatus.BadPusVersion"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> or <see cref="PacketStatus.BufferTooSmall"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public PacketStatus TryWrite(byte[] buffer, int offset, int count, out int written)
        {
            written = 0;
            PacketStatus status = BufferRange.CheckRoom(buffer, offset, count, Length, Validate());
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            buffer[offset] = (byte)((PusVersionC << 4) | TimeReferenceStatus);
            buffer[offset + 1] = ServiceType;
            buffer[offset + 2] = ServiceSubtype;
            BigEndian.WriteUInt16(buffer, offset + 3, MessageTypeCounter);
            BigEndian.WriteUInt16(buffer, offset + 5, DestinationId);
            BigEndian.WriteUInt32(buffer, offset + 7, Time.Coarse);
            BigEndian.WriteUInt16(buffer, offset + 11, Time.Fine);
            written = Length;
            return PacketStatus.Ok;
        }

        /// <summary>Writes the header at <paramref name="offset"/> and returns 13; for headers built from values already known to be valid.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A field is invalid, or the header does not fit in the buffer.</exception>
        public int Write(byte[] buffer, int offset)
        {
            int room = BufferRange.RoomFrom(buffer, offset);

            if (Validate() != PacketStatus.Ok)
            {
                // Invalid fields are a programming error here: the checked path is TryWrite.
                throw new ArgumentOutOfRangeException(nameof(PusTmHeader));
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
