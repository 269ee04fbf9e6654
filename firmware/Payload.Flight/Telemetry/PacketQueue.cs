using System;

namespace Payload.Flight.Telemetry
{
    /// <summary>A FIFO of whole packets in a ring of fixed-size slots allocated at boot, so queueing copies and never allocates.</summary>
    public sealed class PacketQueue
    {
        private readonly byte[] _slots;
        private readonly int[] _lengths;
        private readonly int _slotLength;
        private int _head;
        private int _count;

        /// <summary>Creates <paramref name="capacity"/> slots of <paramref name="slotLength"/> octets each.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The capacity or slot length is below 1.</exception>
        public PacketQueue(int capacity, int slotLength)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (slotLength < 1) throw new ArgumentOutOfRangeException(nameof(slotLength));
            _slots = new byte[capacity * slotLength];
            _lengths = new int[capacity];
            _slotLength = slotLength;
        }

        /// <summary>Slots in the ring.</summary>
        public int Capacity { get { return _lengths.Length; } }

        /// <summary>Packets waiting.</summary>
        public int Count { get { return _count; } }

        /// <summary>Slots free.</summary>
        public int FreeSlots { get { return _lengths.Length - _count; } }

        /// <summary>The slot storage; the oldest packet is at <see cref="HeadOffset"/>.</summary>
        public byte[] Buffer { get { return _slots; } }

        /// <summary>Offset in <see cref="Buffer"/> of the oldest packet (meaningful while <see cref="Count"/> is above 0).</summary>
        public int HeadOffset { get { return _head * _slotLength; } }

        /// <summary>Octets of the oldest packet (meaningful while <see cref="Count"/> is above 0).</summary>
        public int HeadLength { get { return _lengths[_head]; } }

        /// <summary>Copies a packet into the next free slot; false when the ring is full or the packet is longer than a slot.</summary>
        public bool TryEnqueue(byte[] packet, int offset, int count)
        {
            if (_count == _lengths.Length || count > _slotLength)
            {
                return false;
            }

            int slot = (_head + _count) % _lengths.Length;
            Array.Copy(packet, offset, _slots, slot * _slotLength, count);
            _lengths[slot] = count;
            _count++;
            return true;
        }

        /// <summary>Removes the oldest packet (nothing happens when empty).</summary>
        public void RemoveHead()
        {
            if (_count == 0)
            {
                return;
            }

            _head = (_head + 1) % _lengths.Length;
            _count--;
        }
    }
}
