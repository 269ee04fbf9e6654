using System;

namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>A fixed circular queue of bytes, allocated once: whole blocks in, any amount out.</summary>
    /// <remarks>Not thread-safe: its owner locks around it.</remarks>
    public sealed class ByteRing
    {
        private readonly byte[] _bytes;
        private int _head;
        private int _count;

        /// <summary>Creates an empty ring of <paramref name="capacity"/> bytes.</summary>
        public ByteRing(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            _bytes = new byte[capacity];
        }

        /// <summary>Bytes waiting.</summary>
        public int Count { get { return _count; } }

        /// <summary>Bytes that fit.</summary>
        public int Free { get { return _bytes.Length - _count; } }

        /// <summary>Appends all <paramref name="count"/> bytes, or none when they do not fit (so a frame is never cut).</summary>
        public bool TryPut(byte[] buffer, int offset, int count)
        {
            if (count > Free) return false;
            if (count <= 0) return true;
            int tail = _head + _count;
            if (tail >= _bytes.Length) tail -= _bytes.Length;
            int first = _bytes.Length - tail;
            if (first > count) first = count;
            Array.Copy(buffer, offset, _bytes, tail, first);
            // Zero-length copies are skipped: an index at the very end of an array is not accepted everywhere.
            if (count > first) Array.Copy(buffer, offset + first, _bytes, 0, count - first);
            _count += count;
            return true;
        }

        /// <summary>Moves up to <paramref name="max"/> of the oldest bytes into <paramref name="buffer"/>; returns how many.</summary>
        public int Take(byte[] buffer, int offset, int max)
        {
            int n = _count < max ? _count : max;
            if (n <= 0) return 0;
            int first = _bytes.Length - _head;
            if (first > n) first = n;
            Array.Copy(_bytes, _head, buffer, offset, first);
            if (n > first) Array.Copy(_bytes, 0, buffer, offset + first, n - first);
            _head += n;
            if (_head >= _bytes.Length) _head -= _bytes.Length;
            _count -= n;
            return n;
        }
    }
}
