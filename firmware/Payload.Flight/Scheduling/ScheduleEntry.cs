using System;

namespace Payload.Flight.Scheduling
{
    /// <summary>One slot of the time-based schedule: a whole telecommand packet and the mission time to release it at.</summary>
    /// <remarks>Its packet buffer is allocated once, at boot; inserting copies into it and releasing only marks the slot free.</remarks>
    public sealed class ScheduleEntry
    {
        /// <summary>Creates an empty slot that can hold a telecommand of up to <paramref name="maxCommandLength"/> octets.</summary>
        public ScheduleEntry(int maxCommandLength)
        {
            Packet = new byte[maxCommandLength];
        }

        /// <summary>True while the slot holds a command waiting for release.</summary>
        public bool Used { get; private set; }

        /// <summary>Mission time of release, in microseconds since the epoch.</summary>
        public long ReleaseMicroseconds { get; private set; }

        /// <summary>Insertion order, so commands with the same release time go out in the order they were inserted.</summary>
        public long Sequence { get; private set; }

        /// <summary>The whole telecommand packet, headers and CRC included.</summary>
        public byte[] Packet { get; }

        /// <summary>Octets of <see cref="Packet"/> in use.</summary>
        public int Length { get; private set; }

        /// <summary>First half of the embedded command's request ID (octets 0–1 of its packet).</summary>
        public ushort PacketId { get; private set; }

        /// <summary>Second half of the embedded command's request ID (octets 2–3 of its packet).</summary>
        public ushort SequenceControl { get; private set; }

        /// <summary>Takes a copy of a telecommand packet and marks the slot used.</summary>
        internal void Load(long releaseMicroseconds, long sequence, byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, Packet, 0, count);
            Length = count;
            ReleaseMicroseconds = releaseMicroseconds;
            Sequence = sequence;
            PacketId = (ushort)((buffer[offset] << 8) | buffer[offset + 1]);
            SequenceControl = (ushort)((buffer[offset + 2] << 8) | buffer[offset + 3]);
            Used = true;
        }

        /// <summary>Marks the slot free; the packet octets stay until the next load, so a release can still read them.</summary>
        internal void Free()
        {
            Used = false;
        }

        /// <summary>True when this entry comes before <paramref name="other"/> in release order (time, then insertion).</summary>
        internal bool IsBefore(ScheduleEntry other)
        {
            if (ReleaseMicroseconds != other.ReleaseMicroseconds) return ReleaseMicroseconds < other.ReleaseMicroseconds;
            return Sequence < other.Sequence;
        }
    }
}
