using System;

namespace Payload.Flight.Scheduling
{
    /// <summary>A bounded, pre-allocated table of time-tagged telecommands, walked in release order (time, then insertion).</summary>
    /// <remarks>
    /// A plain array scanned linearly: with a few dozen slots that is cheaper on the interpreter than keeping a sorted
    /// structure up to date, and nothing is ever allocated after construction.
    /// </remarks>
    public sealed class ScheduleTable
    {
        private readonly ScheduleEntry[] _entries;
        private long _nextSequence;

        /// <summary>Creates <paramref name="capacity"/> slots of <paramref name="maxCommandLength"/> octets each.</summary>
        public ScheduleTable(int capacity, int maxCommandLength)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (maxCommandLength < 1) throw new ArgumentOutOfRangeException(nameof(maxCommandLength));
            _entries = new ScheduleEntry[capacity];
            for (int i = 0; i < capacity; i++) _entries[i] = new ScheduleEntry(maxCommandLength);
            MaxCommandLength = maxCommandLength;
        }

        /// <summary>Number of slots.</summary>
        public int Capacity { get { return _entries.Length; } }

        /// <summary>Longest telecommand a slot can hold.</summary>
        public int MaxCommandLength { get; }

        /// <summary>Slots in use.</summary>
        public int Count { get; private set; }

        /// <summary>The entry in slot <paramref name="slot"/>.</summary>
        public ScheduleEntry EntryAt(int slot)
        {
            return _entries[slot];
        }

        /// <summary>Copies a telecommand into a free slot; returns the slot, or -1 when the table is full.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The packet is longer than <see cref="MaxCommandLength"/>.</exception>
        public int Insert(long releaseMicroseconds, byte[] buffer, int offset, int count)
        {
            if (count < 4 || count > MaxCommandLength) throw new ArgumentOutOfRangeException(nameof(count));
            for (int slot = 0; slot < _entries.Length; slot++)
            {
                if (_entries[slot].Used) continue;
                _entries[slot].Load(releaseMicroseconds, _nextSequence++, buffer, offset, count);
                Count++;
                return slot;
            }
            return -1;
        }

        /// <summary>Frees the slot (after release or deletion).</summary>
        public void Free(int slot)
        {
            if (!_entries[slot].Used) return;
            _entries[slot].Free();
            Count--;
        }

        /// <summary>Deletes every entry whose embedded command has this request ID; returns how many were deleted.</summary>
        public int Delete(ushort packetId, ushort sequenceControl)
        {
            int deleted = 0;
            for (int slot = 0; slot < _entries.Length; slot++)
            {
                ScheduleEntry entry = _entries[slot];
                if (entry.Used && entry.PacketId == packetId && entry.SequenceControl == sequenceControl)
                {
                    Free(slot);
                    deleted++;
                }
            }
            return deleted;
        }

        /// <summary>Deletes every entry.</summary>
        public void Clear()
        {
            for (int slot = 0; slot < _entries.Length; slot++) Free(slot);
        }

        /// <summary>The first entry in release order whose release time is at or before <paramref name="nowMicroseconds"/>, or -1.</summary>
        public int NextDue(long nowMicroseconds)
        {
            int first = Next(-1);
            if (first < 0 || _entries[first].ReleaseMicroseconds > nowMicroseconds) return -1;
            return first;
        }

        /// <summary>The entry after slot <paramref name="previous"/> in release order (-1 for the first); -1 when there is none.</summary>
        /// <remarks>Lets reports walk the table in order without sorting it, at O(n) per step.</remarks>
        public int Next(int previous)
        {
            ScheduleEntry after = previous < 0 ? null : _entries[previous];
            int best = -1;
            for (int slot = 0; slot < _entries.Length; slot++)
            {
                ScheduleEntry entry = _entries[slot];
                if (!entry.Used) continue;
                if (after != null && !after.IsBefore(entry)) continue;
                if (best < 0 || entry.IsBefore(_entries[best])) best = slot;
            }
            return best;
        }
    }
}
