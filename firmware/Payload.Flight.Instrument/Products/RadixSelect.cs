namespace Payload.Flight.Instrument.Products
{
    /// <summary>The k-th smallest of the non-negative values inside a range, without sorting, moving or allocating.</summary>
    /// <remarks>
    /// Radix selection, most significant byte first: pass p counts, in a 256-bucket histogram, the byte p of every value
    /// whose higher bytes equal the prefix found so far, then walks the histogram to the bucket that holds rank k. Four passes
    /// over the data decide the four bytes of a 31-bit value: 4·n steps in every case (no worst case, unlike quickselect),
    /// 1 KB of state, and the input keeps its order so later stages can still read the ΔTOA sequence.
    /// <see cref="Select"/> does it in one call; <see cref="PassAccumulator"/> runs <see cref="Begin"/>, then per pass
    /// <see cref="ClearHistogram"/>, <see cref="Count"/> on index ranges (a slice per step) and <see cref="EndPass"/>.
    /// </remarks>
    public sealed class RadixSelect
    {
        private readonly int[] _histogram = new int[256];
        private int _low;
        private int _high;
        private int _k;
        private int _shift;
        private int _prefix;
        private int _prefixMask;

        /// <summary>Counts the values of values[start..start+count) inside [low, high].</summary>
        public static int CountInRange(int[] values, int start, int count, int low, int high)
        {
            int inRange = 0;
            int end = start + count;
            for (int i = start; i < end; i++)
            {
                int v = values[i];
                if (v >= low && v <= high)
                {
                    inRange++;
                }
            }

            return inRange;
        }

        /// <summary>
        /// The k-th smallest (k from 0) of the values of values[start..start+count) inside [low, high], low ≥ 0;
        /// -1 when fewer than k+1 values are in range.
        /// </summary>
        public int Select(int[] values, int start, int count, int low, int high, int k)
        {
            Begin(low, high, k);
            while (!Done)
            {
                ClearHistogram();
                Count(values, start, start + count);
                EndPass();
            }

            return Result;
        }

        /// <summary>True when the selection is decided (<see cref="Result"/> holds it).</summary>
        public bool Done { get; private set; }

        /// <summary>The k-th smallest value in range, or -1 (valid when <see cref="Done"/>).</summary>
        public int Result { get; private set; }

        /// <summary>Starts a sliced selection; then, until <see cref="Done"/>: <see cref="ClearHistogram"/>, <see cref="Count"/> over every value, <see cref="EndPass"/>.</summary>
        public void Begin(int low, int high, int k)
        {
            _low = low;
            _high = high;
            _k = k;
            _shift = 24;
            _prefix = 0;
            _prefixMask = 0;
            Result = -1;
            Done = k < 0 || low < 0;
        }

        /// <summary>Empties the histogram for the next byte (256 entries).</summary>
        public void ClearHistogram()
        {
            System.Array.Clear(_histogram, 0, 256);
        }

        /// <summary>Counts the present byte of values[from..end) that are in range and match the prefix found so far.</summary>
        public void Count(int[] values, int from, int end)
        {
            int low = _low, high = _high, prefix = _prefix, prefixMask = _prefixMask, shift = _shift;
            for (int i = from; i < end; i++)
            {
                int v = values[i];
                if (v >= low && v <= high && (v & prefixMask) == prefix)
                {
                    _histogram[(v >> shift) & 0xFF]++;
                }
            }
        }

        /// <summary>Walks the histogram (at most 256 entries) to the bucket holding rank k: one more byte decided.</summary>
        public void EndPass()
        {
            int bucket = 0;
            while (bucket < 256 && _k >= _histogram[bucket])
            {
                _k -= _histogram[bucket];
                bucket++;
            }

            if (bucket == 256)
            {
                Result = -1;
                Done = true;
                return;
            }

            _prefix |= bucket << _shift;
            _prefixMask |= 0xFF << _shift;
            _shift -= 8;
            if (_shift < 0)
            {
                Result = _prefix;
                Done = true;
            }
        }
    }
}
