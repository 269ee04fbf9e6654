using System;

namespace Payload.Flight.Protocol
{
    /// <summary>What TC and TM packets share: the primary header checks, the length rules and the packet error control.</summary>
    /// <remarks>
    /// Whole-packet layout (both kinds): primary header (6) | PUS secondary header | application data | CRC (2),
    /// the CRC-16/CCITT-FALSE of every octet before it. The codecs own their secondary header; this owns the rest.
    /// </remarks>
    internal static class PusPacket
    {
        /// <summary>Checks, in wire order, everything a PUS packet of <paramref name="type"/> needs before its secondary header is read.</summary>
        internal static PacketStatus TryReadEnvelope(byte[] buffer, int offset, int count, PacketType type, int minLength, out SpacePacketHeader primary)
        {
            primary = default;
            if (!BufferRange.IsInside(buffer, offset, count))
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            if (count > PacketLimits.MaxPacketLength)
            {
                return PacketStatus.TooLong;
            }

            SpacePacketHeader header;
            PacketStatus status = SpacePacketHeader.TryRead(buffer, offset, count, out header);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            if (header.Type != type)
            {
                return PacketStatus.WrongPacketType;
            }

            if (!header.HasSecondaryHeader)
            {
                return PacketStatus.NoSecondaryHeader;
            }

            if (header.TotalPacketLength != count)
            {
                return PacketStatus.LengthMismatch;
            }

            if (count < minLength)
            {
                return PacketStatus.SecondaryHeaderTooShort;
            }

            int crcOffset = offset + count - PacketLimits.PacketErrorControlLength;
            int expected = BigEndian.ReadUInt16(buffer, crcOffset);
            if (Crc16Ccitt.Compute(buffer, offset, count - PacketLimits.PacketErrorControlLength) != expected)
            {
                return PacketStatus.BadCrc;
            }

            primary = header;
            return PacketStatus.Ok;
        }

        /// <summary>Checks the encoder arguments common to TC and TM; returns the packet length through <paramref name="total"/>.</summary>
        internal static PacketStatus CheckEncode(ushort apid, ushort sequenceCount, byte[] appData, int appOffset, int appCount, byte[] destination, int destinationOffset, int minLength, out int total)
        {
            total = 0;
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (appData == null && appCount != 0)
            {
                throw new ArgumentNullException(nameof(appData));
            }

            if (appCount < 0
                || (appData != null && (appOffset < 0 || appCount > appData.Length - appOffset))
                || destinationOffset < 0 || destinationOffset > destination.Length
                || apid > PacketLimits.MaxApid
                || sequenceCount > PacketLimits.MaxSequenceCount)
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            if (appCount > PacketLimits.MaxPacketLength - minLength)
            {
                return PacketStatus.TooLong;
            }

            int length = minLength + appCount;
            if (destination.Length - destinationOffset < length)
            {
                return PacketStatus.BufferTooSmall;
            }

            total = length;
            return PacketStatus.Ok;
        }

        /// <summary>Writes the primary header of a stand-alone PUS packet of <paramref name="total"/> octets; arguments already checked.</summary>
        internal static void WritePrimary(PacketType type, ushort apid, ushort sequenceCount, int total, byte[] destination, int destinationOffset)
        {
            SpacePacketHeader primary = new SpacePacketHeader(
                type, true, apid, SequenceFlags.Unsegmented, sequenceCount, (ushort)(total - SpacePacketHeader.Length - 1));
            primary.Write(destination, destinationOffset);
        }

        /// <summary>Copies the application data into place, unless the caller already built it there.</summary>
        internal static void CopyApplicationData(byte[] appData, int appOffset, int appCount, byte[] destination, int dataOffset)
        {
            if (appCount != 0 && !(appData == destination && appOffset == dataOffset))
            {
                Array.Copy(appData, appOffset, destination, dataOffset, appCount);
            }
        }

        /// <summary>Appends the packet error control over the first <paramref name="total"/> - 2 octets.</summary>
        internal static void WriteCrc(byte[] destination, int destinationOffset, int total)
        {
            int crcOffset = destinationOffset + total - PacketLimits.PacketErrorControlLength;
            BigEndian.WriteUInt16(destination, crcOffset, Crc16Ccitt.Compute(destination, destinationOffset, total - PacketLimits.PacketErrorControlLength));
        }
    }
}
