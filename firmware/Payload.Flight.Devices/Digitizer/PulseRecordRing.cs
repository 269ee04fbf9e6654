using System;

namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>A pre-allocated ring of 12-octet pulse records between the DRDY handler (producer) and pulse analysis (consumer).</summary>
    /// <remarks>
    /// Records stay in their wire layout in one byte array, so a FIFO block enters with at most two Array.Copy calls
    /// and no per-record work. A full ring refuses what does not fit (the newest records) and counts every refused
    /// record in <see cref="Overflowed"/>: records already held are never overwritten, so the consumer never races the
    /// producer over a slot. One producer and one consumer may run on different threads: each side writes only its
    /// own counter, and publishes it after the copy. The counters wrap (unchecked), and the capacity is a power of
    /// two, so written - read and written &amp; mask stay right across the wrap.
    /// </remarks>
    public sealed class PulseRecordRing
    {
        private readonly byte[] _buffer;
        private readonly int _capacity;
        private readonly int _mask;
        private int _written;
        private int _read;
        private long _appended;
        private long _overflowed;

        /// <summary>Creates an empty ring of <paramref name="capacityRecords"/> records.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The capacity is not a power of two between 1 and 2^20.</exception>
        public PulseRecordRing(int capacityRecords)
        {
            if (capacityRecords < 1 || capacityRecords > (1 << 20) || (capacityRecords & (capacityRecords - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacityRecords));
            }

            _capacity = capacityRecords;
            _mask = capacityRecords - 1;
            _buffer = new byte[capacityRecords * PulseRecord.Size];
        }

        /// <summary>Records the ring can hold.</summary>
        public int Capacity { get { return _capacity; } }

        /// <summary>Records held, oldest first.</summary>
        public int Count { get { return _written - _read; } }

        /// <summary>Records that can be appended before the ring refuses more.</summary>
        public int Free { get { return _capacity - (_written - _read); } }

        /// <summary>Records appended since construction.</summary>
        public long Appended { get { return _appended; } }

        /// <summary>Records refused because the ring was full, since construction: never silent.</summary>
        public long Overflowed { get { return _overflowed; } }

        /// <summary>The ring's storage, for reading records in place at <see cref="OffsetOf"/>.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>The offset in <see cref="Buffer"/> of held record <paramref name="index"/> (0 = oldest); not checked against <see cref="Count"/>.</summary>
        public int OffsetOf(int index)
        {
            return ((_read + index) & _mask) * PulseRecord.Size;
        }

        /// <summary>Appends up to <paramref name="count"/> records from <paramref name="source"/>; returns how many fit and counts the rest in <see cref="Overflowed"/>.</summary>
        public int Append(byte[] source, int offset, int count)
        {
            int free = _capacity - (_written - _read);
            int taken = count <= free ? count : free;
            if (taken > 0)
            {
                int slot = _written & _mask;
                int first = _capacity - slot;
                if (first > taken)
                {
                    first = taken;
                }

                Array.Copy(source, offset, _buffer, slot * PulseRecord.Size, first * PulseRecord.Size);
                if (taken > first)
                {
                    Array.Copy(source, offset + (first * PulseRecord.Size), _buffer, 0, (taken - first) * PulseRecord.Size);
                }

                _written += taken;
                _appended += taken;
            }

            if (taken < count)
            {
                _overflowed += count - taken;
            }

            return taken;
        }

        /// <summary>Moves up to <paramref name="maxRecords"/> of the oldest records into <paramref name="destination"/>; returns how many.</summary>
        public int Read(byte[] destination, int offset, int maxRecords)
        {
            int held = _written - _read;
            int taken = maxRecords <= held ? maxRecords : held;
            if (taken <= 0)
            {
                return 0;
            }

            int slot = _read & _mask;
            int first = _capacity - slot;
            if (first > taken)
            {
                first = taken;
            }

            Array.Copy(_buffer, slot * PulseRecord.Size, destination, offset, first * PulseRecord.Size);
            if (taken > first)
            {
                Array.Copy(_buffer, 0, destination, offset + (first * PulseRecord.Size), (taken - first) * PulseRecord.Size);
            }

            _read += taken;
            return taken;
        }

        /// <summary>Removes the oldest record into <paramref name="record"/>; false when the ring is empty.</summary>
        public bool TryRead(out PulseRecord record)
        {
            if (_written == _read)
            {
                record = new PulseRecord();
                return false;
            }

            PulseRecordCodec.Read(_buffer, (_read & _mask) * PulseRecord.Size, out record);
            _read++;
            return true;
        }

        /// <summary>Drops up to <paramref name="count"/> of the oldest records (after reading them in place); returns how many.</summary>
        public int Discard(int count)
        {
            int held = _written - _read;
            int taken = count <= held ? count : held;
            if (taken > 0)
            {
                _read += taken;
            }

            return taken;
        }
    }
}
