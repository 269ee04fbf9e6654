using System;

namespace Payload.Flight.Protocol
{
    /// <summary>Encodes and decodes whole PUS-C telemetry packets: primary header, TM secondary header, application data, CRC.</summary>
    /// <remarks>
    /// <code>
    /// | primary header (6) | TM secondary header (13) | application data (0..1003) | CRC (2) |
    /// </code>
    /// Neither direction allocates. Decoding validates strictly and returns the first failure in wire order.
    /// </remarks>
    public static class TelemetryCodec
    {
        /// <summary>Offset of the application data from the start of a telemetry packet (6 + 13).</summary>
        public const int ApplicationDataOffset = SpacePacketHeader.Length + PusTmHeader.Length;

        /// <summary>Decodes the telemetry packet that is exactly <paramref name="count"/> octets at <paramref name="offset"/>; on failure <paramref name="tm"/> is default.</summary>
        /// <remarks>
        /// Checks, in order: range inside the buffer (<see cref="PacketStatus.ArgumentOutOfRange"/>), at most
        /// <see cref="PacketLimits.MaxPacketLength"/> (<see cref="PacketStatus.TooLong"/>), at least a primary header
        /// (<see cref="PacketStatus.TooShort"/>), version 0 (<see cref="PacketStatus.BadVersion"/>), type TM
        /// (<see cref="PacketStatus.WrongPacketType"/>), secondary header flag (<see cref="PacketStatus.NoSecondaryHeader"/>),
        /// data length field equal to what was given (<see cref="PacketStatus.LengthMismatch"/>), room for the secondary
        /// header and CRC (<see cref="PacketStatus.SecondaryHeaderTooShort"/>), CRC (<see cref="PacketStatus.BadCrc"/>),
        /// PUS version 2 (<see cref="PacketStatus.BadPusVersion"/>). Sequence flags are not checked.
        /// </remarks>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static PacketStatus TryDecode(byte[] buffer, int offset, int count, out TelemetryPacket tm)
        {
            tm = default;
            SpacePacketHeader primary;
            PacketStatus status = PusPacket.TryReadEnvelope(buffer, offset, count, PacketType.Telemetry, PacketLimits.MinTelemetryLength, out primary);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            PusTmHeader pus;
            status = PusTmHeader.TryRead(buffer, offset + SpacePacketHeader.Length, count - SpacePacketHeader.Length, out pus);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            tm.Primary = primary;
            tm.Pus = pus;
            tm.Buffer = buffer;
            tm.PacketOffset = offset;
            tm.PacketLength = count;
            tm.ApplicationDataOffset = offset + ApplicationDataOffset;
            tm.ApplicationDataLength = count - PacketLimits.MinTelemetryLength;
            return PacketStatus.Ok;
        }

        /// <summary>Builds a stand-alone telemetry packet (time reference status 0) at <paramref name="destinationOffset"/>; on failure writes nothing and <paramref name="written"/> is 0.</summary>
        /// <remarks>
        /// <paramref name="appData"/> may be null when <paramref name="appCount"/> is 0. It may also be
        /// <paramref name="destination"/> itself with the data already at destinationOffset + <see cref="ApplicationDataOffset"/>
        /// (built in place, not copied); other overlaps are not supported.
        /// </remarks>
        /// <returns>
        /// <see cref="PacketStatus.Ok"/>; <see cref="PacketStatus.ArgumentOutOfRange"/> (a range outside its buffer, APID above 2047,
        /// sequence count above 16383); <see cref="PacketStatus.TooLong"/> (more than
        /// <see cref="PacketLimits.MaxTelemetryApplicationDataLength"/> octets of data); <see cref="PacketStatus.BufferTooSmall"/>.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null, or <paramref name="appData"/> is null with data to copy.</exception>
        public static PacketStatus TryEncode(ushort apid, ushort sequenceCount, byte service, byte subtype, ushort messageTypeCounter, ushort destinationId, CucTime time,
            byte[] appData, int appOffset, int appCount, byte[] destination, int destinationOffset, out int written)
        {
            return TryEncode(apid, sequenceCount, 0, service, subtype, messageTypeCounter, destinationId, time, appData, appOffset, appCount, destination, destinationOffset, out written);
        }

        /// <summary>Builds a stand-alone telemetry packet with the given time reference status (0..15); otherwise as the overload without it.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null, or <paramref name="appData"/> is null with data to copy.</exception>
        public static PacketStatus TryEncode(ushort apid, ushort sequenceCount, byte timeReferenceStatus, byte service, byte subtype, ushort messageTypeCounter, ushort destinationId, CucTime time,
            byte[] appData, int appOffset, int appCount, byte[] destination, int destinationOffset, out int written)
        {
            written = 0;
            int total;
            PacketStatus status = PusPacket.CheckEncode(apid, sequenceCount, appData, appOffset, appCount, destination, destinationOffset, PacketLimits.MinTelemetryLength, out total);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            PusTmHeader pus = new PusTmHeader(timeReferenceStatus, service, subtype, messageTypeCounter, destinationId, time);
            status = pus.Validate();
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            // Application data first: when built in place it must not be overwritten, and it lies after the headers.
            PusPacket.CopyApplicationData(appData, appOffset, appCount, destination, destinationOffset + ApplicationDataOffset);
            PusPacket.WritePrimary(PacketType.Telemetry, apid, sequenceCount, total, destination, destinationOffset);
            pus.Write(destination, destinationOffset + SpacePacketHeader.Length);
            PusPacket.WriteCrc(destination, destinationOffset, total);
            written = total;
            return PacketStatus.Ok;
        }
    }
}
