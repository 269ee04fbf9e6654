using System;

namespace Payload.Flight.Protocol
{
    /// <summary>CCSDS unsegmented time code (CCSDS 301.0-B-4) as carried in PUS-C telemetry: 4 octets of seconds, 2 of fraction.</summary>
    /// <remarks>
    /// The P-field is implicit (agreed per mission, not transmitted): coarse time counts seconds since the mission
    /// epoch, fine time counts units of 2^-16 s (about 15.26 µs). Conversions use integer arithmetic only (there is
    /// no floating-point maths on the device's hot paths) and round to the nearest unit, so
    /// FromMicroseconds(t.ToMicroseconds()) == t for every t.
    /// </remarks>
    public struct CucTime
    {
        /// <summary>Octets on the wire: 4 coarse + 2 fine.</summary>
        public const int Length = 6;

        /// <summary>Fine-time units per second (2^16).</summary>
        public const int FineUnitsPerSecond = 65536;

        private const long MicrosecondsPerSecond = 1000000;

        /// <summary>The largest microsecond count <see cref="FromMicroseconds"/> accepts: the largest that still rounds to a representable time.</summary>
        public const long MaxMicroseconds = (4294967296L * MicrosecondsPerSecond) - 8;

        /// <summary>Whole seconds since the epoch.</summary>
        public uint Coarse;

        /// <summary>Fraction of a second in units of 2^-16 s.</summary>
        public ushort Fine;

        /// <summary>Creates a time from its two fields.</summary>
        public CucTime(uint coarse, ushort fine)
        {
            Coarse = coarse;
            Fine = fine;
        }

        /// <summary>Converts microseconds since the epoch, rounding to the nearest 2^-16 s.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is negative or above <see cref="MaxMicroseconds"/>.</exception>
        public static CucTime FromMicroseconds(long microseconds)
        {
            if (microseconds < 0 || microseconds > MaxMicroseconds)
            {
                throw new ArgumentOutOfRangeException(nameof(microseconds));
            }

            long seconds = microseconds / MicrosecondsPerSecond;
            long fraction = microseconds - (seconds * MicrosecondsPerSecond);
            long fine = ((fraction * FineUnitsPerSecond) + (MicrosecondsPerSecond / 2)) / MicrosecondsPerSecond;
            if (fine == FineUnitsPerSecond)
            {
                // Rounded up into the next second.
                seconds++;
                fine = 0;
            }

            return new CucTime((uint)seconds, (ushort)fine);
        }

        /// <summary>Microseconds since the epoch, rounded to the nearest microsecond.</summary>
        public long ToMicroseconds()
        {
            return ((long)Coarse * MicrosecondsPerSecond) + (((Fine * MicrosecondsPerSecond) + (FineUnitsPerSecond / 2)) / FineUnitsPerSecond);
        }

        /// <summary>Reads 6 octets at <paramref name="offset"/>; on failure <paramref name="time"/> is default.</summary>
        /// <returns><see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> (range outside the buffer) or <see cref="PacketStatus.TooShort"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public static PacketStatus TryRead(byte[] buffer, int offset, int count, out CucTime time)
        {
            time = default;
            if (!BufferRange.IsInside(buffer, offset, count))
            {
                return PacketStatus.ArgumentOutOfRange;
            }

            if (count < Length)
            {
                return PacketStatus.TooShort;
            }

            time.Coarse = (uint)BigEndian.ReadUInt32(buffer, offset);
            time.Fine = (ushort)BigEndian.ReadUInt16(buffer, offset + 4);
            return PacketStatus.Ok;
        }

        /// <summary>Writes 6 octets into <paramref name="count"/> octets of room at <paramref name="offset"/>; on failure writes nothing.</summary>
        /// <returns><see cref="PacketStatus.Ok"/>, <see cref="PacketStatus.ArgumentOutOfRange"/> (range outside the buffer) or <see cref="PacketStatus.BufferTooSmall"/>.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        public PacketStatus TryWrite(byte[] buffer, int offset, int count, out int written)
        {
            written = 0;
            PacketStatus status = BufferRange.CheckRoom(buffer, offset, count, Length, PacketStatus.Ok);
            if (status != PacketStatus.Ok)
            {
                return status;
            }

            BigEndian.WriteUInt32(buffer, offset, Coarse);
            BigEndian.WriteUInt16(buffer, offset + 4, Fine);
            written = Length;
            return PacketStatus.Ok;
        }

        /// <summary>Writes 6 octets at <paramref name="offset"/> and returns 6.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The time does not fit in the buffer at <paramref name="offset"/>.</exception>
        public int Write(byte[] buffer, int offset)
        {
            int room = BufferRange.RoomFrom(buffer, offset);

            int written;
            if (TryWrite(buffer, offset, room, out written) != PacketStatus.Ok)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            return written;
        }
    }
}
