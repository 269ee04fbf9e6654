using System;

namespace Payload.Flight.Telemetry
{
    /// <summary>The PUS-C message type counter of each (service, subtype) sent to the one destination, in a small table allocated at boot.</summary>
    /// <remarks>
    /// Each type's first message carries 0; counters wrap from 65535 to 0. Types are found by a linear search, which
    /// for a few dozen types costs less on the interpreter than hashing. When the table is full, every further type
    /// shares its last entry, so counters stay monotonic per entry but that shared one is no longer per type.
    /// </remarks>
    public sealed class MessageTypeCounters
    {
        private readonly ushort[] _types;
        private readonly ushort[] _counts;
        private int _used;

        /// <summary>Creates a table for <paramref name="capacity"/> message types.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1.</exception>
        public MessageTypeCounters(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            _types = new ushort[capacity];
            _counts = new ushort[capacity];
        }

        /// <summary>Distinct types seen so far (at most the capacity).</summary>
        public int TypesInUse { get { return _used; } }

        /// <summary>Returns the counter for the next message of TM[<paramref name="service"/>, <paramref name="subtype"/>] and advances it.</summary>
        public ushort Next(byte service, byte subtype)
        {
            int index = IndexOf((ushort)((service << 8) | subtype));
            ushort value = _counts[index];
            _counts[index] = (ushort)(value + 1);
            return value;
        }

        private int IndexOf(ushort type)
        {
            for (int i = 0; i < _used; i++)
            {
                if (_types[i] == type) return i;
            }

            if (_used < _types.Length)
            {
                _types[_used] = type;
                return _used++;
            }

            return _types.Length - 1;
        }
    }
}
