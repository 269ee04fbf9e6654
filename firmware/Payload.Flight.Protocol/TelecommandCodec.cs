using System;

namespace Payload.Flight.Protocol
{
    /// <summary>Encodes and decodes whole PUS-C telecommand packets: primary header, TC secondary header, application data, CRC.</summary>
    /// <remarks>
    /// <code>
    /// | primary header (6) | TC secondary header (5) | application data (0..1011) | CRC (2) |
    /// </code>
    /// Neither direction allocates. Decoding validates strictly and returns the first failure in wire order.
    /// </remarks>
    public static class TelecommandCodec
    {
        /// <summary>Offset of the application data from the start of a telecommand packet (6 + 5).</summary>
        public const int ApplicationDataOffset = SpacePacketHeader.Length + PusTcHeader.Length;

        /// <summary>Decodes the telecommand that is exactly <paramref name="count"/> octets at <paramref name="offset"/>; on failure <paramref name="tc"/> is default.</summary>
        /// <remarks>
        /// Checks, in order: range inside the buffer (<see cref="PacketStatus.ArgumentOutOfRange"/>), at most
        /// <see cref="PacketLimits.MaxPacketLength"/> (<see cref="PacketStatus.TooLong"/>), at least a primary header
        /// (<see cref="PacketStatus.TooShort"/>), version 0 (<see cref="PacketStatus.BadVersion"/>), type TC
        /// (<see cref="PacketStatus.WrongPacketType"/>), secondary header flag (<see cref="PacketStatus.NoSecondaryHeader"/>),
        /// data length field equal to what was given (<see cref="PacketStatus.LengthMismatch"/>), room for the secondary
        /// header and CRC (<see cref="PacketStatus.SecondaryHeaderTooShort"/>), CRC (<see cref="PacketStatus.BadCrc"/>),
        /// PUS version 2 (<see cref="PacketStatus.BadPusVersion"/>). Sequence flags are not checked.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static PacketStatus TryDecode(byte[] buffer, int offset, int count, out TelecommandPacket tc)
        {
            tc = default;
            SpacePacketHeader primary;
            PacketStatus status = PusPacket.TryReadEnvelope(buffer, offset, count, PacketType.Telecommand, PacketLimits.MinTelecommandLength, out primary);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            PusTcHeader pus;
            status = PusTcHeader.TryRead(buffer, offset + SpacePacketHeader.Length, count - SpacePacketHeader.Length, out pus);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            tc.Primary = primary;
            tc.Pus = pus;
            tc.Buffer = buffer;
            tc.PacketOffset = offset;
            tc.PacketLength = count;
            tc.ApplicationDataOffset = offset + ApplicationDataOffset;
            tc.ApplicationDataLength = count - PacketLimits.MinTelecommandLength;
            return PacketStatus.Ok;
        }

        /// <summary>Builds a stand-alone telecommand at <paramref name="destinationOffset"/>; on failure writes nothing and <paramref name="written"/> is 0.</summary>
        /// <remarks>
        /// <paramref name="appData"/> may be null when <paramref name="appCount"/> is 0. It may also be
        /// <paramref name="destination"/> itself with the data already at destinationOffset + <see cref="ApplicationDataOffset"/>
        /// (built in place, not copied); other overlaps are not supported.
        /// </remarks>
        /// <returns>
        /// <see cref="PacketStatus.Ok"/>; <see cref="PacketStatus.ArgumentOutOfRange"/> (a range outside its buffer, APID above 2047,
        /// sequence count above 16383, ack flags above 0xF); <see cref="PacketStatus.TooLong"/> (more than
        /// <see cref="PacketLimits.MaxTelecommandApplicationDataLength"/> octets of data); <see cref="PacketStatus.BufferTooSmall"/>.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null, or <paramref name="appData"/> is null with data to copy.</exception>
        public static PacketStatus TryEncode(ushort apid, ushort sequenceCount, AckFlags ack, byte service, byte subtype, ushort sourceId,
            byte[] appData, int appOffset, int appCount, byte[] destination, int destinationOffset, out int written)
        {
            written = 0;
            int total;
            PacketStatus status = PusPacket.CheckEncode(apid, sequenceCount, appData, appOffset, appCount, destination, destinationOffset, PacketLimits.MinTelecommandLength, out total);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            PusTcHeader pus = new PusTcHeader(ack, service, subtype, sourceId);
            status = pus.Validate();
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            // Application data first: when built in place it must not be overwritten, and it lies after the headers.
            PusPacket.CopyApplicationData(appData, appOffset, appCount, destination, destinationOffset + ApplicationDataOffset);
            PusPacket.WritePrimary(PacketType.Telecommand, apid, sequenceCount, total, destination, destinationOffset);
            pus.Write(destination, destinationOffset + SpacePacketHeader.Length);
            PusPacket.WriteCrc(destination, destinationOffset, total);
            written = total;
            return PacketStatus.Ok;
        }
    }
}
