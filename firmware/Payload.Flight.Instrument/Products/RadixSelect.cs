namespace Payload.Flight.Instrument.Products
{
    /// <summary>The k-th smallest of the non-negative values inside a range, without sorting, moving or allocating.</summary>
    /// <remarks>
    /// Radix selection, most significant byte first: pass p counts, in a 256-bucket histogram, the byte p of every value
    /// whose higher bytes equal the prefix found so far, then walks the histogram to the bucket that holds rank k. Four passes
    /// over the data decide the four bytes of a 31-bit value: 4·n steps in every case (no worst case, unlike quickselect),
    /// 1 KB of state, and the input keeps its order so later stages can still read the ΔTOA sequence.
    /// </remarks>
    public sealed class RadixSelect
    {
        private readonly int[] _histogram = new int[256];

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
            if (k < 0 || low < 0)
            {
                return -1;
            }

            int end = start + count;
            int prefix = 0;
            int prefixMask = 0;
            for (int shift = 24; shift >= 0; shift -= 8)
            {
                System.Array.Clear(_histogram, 0, 256);
                for (int i = start; i < end; i++)
                {
                    int v = values[i];
                    if (v >= low && v <= high && (v & prefixMask) == prefix)
                    {
                        _histogram[(v >> shift) & 0xFF]++;
                    }
                }

                int bucket = 0;
                while (bucket < 256 && k >= _histogram[bucket])
                {
                    k -= _histogram[bucket];
                    bucket++;
                }

                if (bucket == 256)
                {
                    return -1;
                }

                prefix |= bucket << shift;
                prefixMask |= 0xFF << shift;
            }

            return prefix;
        }
    }
}
