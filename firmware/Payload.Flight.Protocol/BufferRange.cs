using System;

namespace Payload.Flight.Protocol
{
    /// <summary>The range check every header and packet reader and writer starts with.</summary>
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
    }
}
