using System;

namespace Payload.Flight.Protocol
{
    /// <summary>Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): removes every 0x00 so 0x00 can delimit frames.</summary>
    /// <remarks>
    /// The encoding replaces each zero with the distance to the next one. Each block starts with a code octet
    /// n (1..255) followed by n-1 non-zero octets; a block with code below 0xFF stands for its octets followed by a
    /// zero, except at the end of the data. Overhead is at most one octet per 254 octets of data (at least one),
    /// plus the delimiter that framing adds. Encoded output never contains 0x00.
    /// The encoder is canonical (254 non-zero octets at the end of the data need no trailing 0x01 block); the
    /// decoder also accepts the trailing 0x01 that some encoders emit, since it decodes to the same octets.
    /// </remarks>
    public static class Cobs
    {
        /// <summary>The frame delimiter appended by <see cref="EncodeFrame"/>; it never occurs inside encoded data.</summary>
        public const byte Delimiter = 0x00;

        /// <summary>Returned by <see cref="Decode"/> when the input is not valid COBS (a zero inside, a code running past the end, or no octets).</summary>
        public const int Malformed = -1;

        /// <summary>Returned by <see cref="Decode"/> when the decoded octets do not fit in the destination.</summary>
        public const int DestinationTooSmall = -2;

        /// <summary>The largest encoded length of <paramref name="sourceLength"/> octets, excluding the delimiter: n + ceil(n/254), at least 1.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="sourceLength"/> is negative.</exception>
        public static int MaxEncodedLength(int sourceLength)
        {
            if (sourceLength < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceLength));
            }

            return sourceLength == 0 ? 1 : sourceLength + ((sourceLength + 253) / 254);
        }

        /// <summary>Encodes <paramref name="count"/> octets into <paramref name="destination"/> and returns the octets written (no delimiter).</summary>
        /// <remarks>The destination must have room for <see cref="MaxEncodedLength"/>(count) octets; sizing it is the caller's job.</remarks>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range is outside its buffer.</exception>
        /// <exception cref="ArgumentException">The destination has less room than <see cref="MaxEncodedLength"/>(count).</exception>
        public static int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            CheckArguments(source, offset, count, destination, destinationOffset);
            if (destination.Length - destinationOffset < MaxEncodedLength(count))
            {
                throw new ArgumentException("destination too small", nameof(destination));
            }

            return EncodeUnchecked(source, offset, count, destination, destinationOffset);
        }

        /// <summary>Encodes <paramref name="count"/> octets followed by the 0x00 delimiter and returns the total octets written.</summary>
        /// <remarks>The destination must have room for <see cref="MaxEncodedLength"/>(count) + 1 octets.</remarks>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range is outside its buffer.</exception>
        /// <exception cref="ArgumentException">The destination has less room than <see cref="MaxEncodedLength"/>(count) + 1.</exception>
        public static int EncodeFrame(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            CheckArguments(source, offset, count, destination, destinationOffset);
            if (destination.Length - destinationOffset < MaxEncodedLength(count) + 1)
            {
                throw new ArgumentException("destination too small", nameof(destination));
            }

            int written = EncodeUnchecked(source, offset, count, destination, destinationOffset);
            destination[destinationOffset + written] = Delimiter;
            return written + 1;
        }

        /// <summary>Decodes <paramref name="count"/> encoded octets (without the delimiter); returns the decoded length, <see cref="Malformed"/> or <see cref="DestinationTooSmall"/>.</summary>
        /// <remarks>
        /// Never throws on any content. The decoded length is at most count - 1, so a destination of count octets
        /// always suffices. On failure the destination may hold a partial result.
        /// </remarks>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range is outside its buffer.</exception>
        public static int Decode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            CheckArguments(source, offset, count, destination, destinationOffset);
            if (count == 0)
            {
                // Even empty data encodes to one code octet, so nothing at all is not an encoding.
                return Malformed;
            }

            int read = offset;
            int end = offset + count;
            int write = destinationOffset;
            int writeEnd = destination.Length;
            while (read < end)
            {
                int code = source[read++];
                if (code == 0)
                {
                    return Malformed;
                }

                int blockEnd = read + code - 1;
                if (blockEnd > end)
                {
                    return Malformed;
                }

                if (writeEnd - write < code - 1)
                {
                    return DestinationTooSmall;
                }

                while (read < blockEnd)
                {
                    byte value = source[read++];
                    if (value == 0)
                    {
                        return Malformed;
                    }

                    destination[write++] = value;
                }

                // A short block stands for its octets plus a zero, except at the very end of the data.
                if (code != 0xFF && read < end)
                {
                    if (write == writeEnd)
                    {
                        return DestinationTooSmall;
                    }

                    destination[write++] = 0;
                }
            }

            return write - destinationOffset;
        }

        private static int EncodeUnchecked(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int end = offset + count;
            int codeIndex = destinationOffset;
            int write = destinationOffset + 1;
            int code = 1;
            for (int i = offset; i < end; i++)
            {
                byte value = source[i];
                if (value == 0)
                {
                    destination[codeIndex] = (byte)code;
                    codeIndex = write++;
                    code = 1;
                    continue;
                }

                destination[write++] = value;
                code++;
                if (code == 0xFF)
                {
                    destination[codeIndex] = 0xFF;
                    if (i + 1 == end)
                    {
                        // A full block that ends the data needs no further code octet.
                        return write - destinationOffset;
                    }

                    codeIndex = write++;
                    code = 1;
                }
            }

            destination[codeIndex] = (byte)code;
            return write - destinationOffset;
        }

        private static void CheckArguments(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || count < 0 || count > source.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (destinationOffset < 0 || destinationOffset > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(destinationOffset));
            }
        }
    }
}
