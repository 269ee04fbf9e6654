using System;

namespace Payload.Flight.Protocol
{
    /// <summary>The range and room checks every header and packet reader and writer starts with.</summary>
    internal static class BufferRange
    {
        /// <summary>True when <paramref name="count"/> octets from <paramref name="offset"/> lie inside <paramref name="buffer"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null: a programming error, not bad input.</exception>
        public static bool IsInside(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            return offset >= 0 && count >= 0 && count <= buffer.Length - offset;
        }

        /// <summary>
        /// The status of a checked write of <paramref name="length"/> octets into <paramref name="count"/> octets of room:
        /// a range outside the buffer first, then <paramref name="fields"/> (the value's own validation), then too little room.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static PacketStatus CheckRoom(byte[] buffer, int offset, int count, int length, PacketStatus fields)
        {
            if (!IsInside(buffer, offset, count))
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            if (fields != PacketStatus.Ok)
            {
                return fields;
            }

            return count < length ? PacketStatus.BufferTooSmall : PacketStatus.Ok;
        }

        /// <summary>The octets of <paramref name="buffer"/> from <paramref name="offset"/> to its end, or -1 when the offset is outside it.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static int RoomFrom(byte[] buffer, int offset)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            return offset < 0 || offset > buffer.Length ? -1 : buffer.Length - offset;
        }
    }
}
