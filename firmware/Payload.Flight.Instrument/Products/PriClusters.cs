namespace Payload.Flight.Instrument.Products
{
    /// <summary>Groups the pass's ΔTOA values into PRI clusters (one per sub-swath PRF) with a histogram.</summary>
    /// <remarks>
    /// Buckets of <see cref="ProductSettings.PriBucketTicks"/> cover [MinPriTicks, MaxPriTicks]. A bucket is occupied when it
    /// holds at least 1 + n/1024 values (stray ΔTOA from spurious pulses stay below that); a cluster is a maximal run of
    /// occupied buckets, so a dithered PRF (NISAR ±1 %) is one cluster and S-1's IW1/IW3 PRIs (866 ticks apart) are two.
    /// The first <see cref="MaxTracked"/> clusters in PRI order keep their range, size and loudest pulse.
    /// </remarks>
    public sealed class PriClusters
    {
        /// <summary>Clusters whose ranges are kept (more are counted in <see cref="Count"/> only).</summary>
        public const int MaxTracked = 8;

        private readonly int[] _buckets;
        private readonly int _minPri;
        private readonly int _bucketTicks;
        private readonly int[] _low = new int[MaxTracked];
        private readonly int[] _high = new int[MaxTracked];
        private readonly int[] _size = new int[MaxTracked];
        private readonly int[] _maxCode = new int[MaxTracked];

        /// <summary>Creates the histogram for the PRI range of <paramref name="settings"/>.</summary>
        public PriClusters(ProductSettings settings)
        {
            _minPri = settings.MinPriTicks;
            _bucketTicks = settings.PriBucketTicks;
            _buckets = new int[(settings.MaxPriTicks - settings.MinPriTicks) / settings.PriBucketTicks + 1];
        }

        /// <summary>Distinct clusters found.</summary>
        public int Count { get; private set; }

        /// <summary>Clusters whose ranges are kept: min(Count, MaxTracked).</summary>
        public int Tracked { get; private set; }

        /// <summary>Lowest ΔTOA of a tracked cluster, ticks.</summary>
        public int Low(int cluster)
        {
            return _low[cluster];
        }

        /// <summary>Highest ΔTOA of a tracked cluster, ticks.</summary>
        public int High(int cluster)
        {
            return _high[cluster];
        }

        /// <summary>ΔTOA values in a tracked cluster.</summary>
        public int Size(int cluster)
        {
            return _size[cluster];
        }

        /// <summary>Highest peak code of the cluster's pulses (after <see cref="NoteCode"/>), -1 when none.</summary>
        public int MaxCode(int cluster)
        {
            return _maxCode[cluster];
        }

        /// <summary>Builds the clusters from values[start..start+count).</summary>
        public void Find(int[] values, int start, int count)
        {
            System.Array.Clear(_buckets, 0, _buckets.Length);
            int end = start + count;
            int top = _buckets.Length;
            for (int i = start; i < end; i++)
            {
                int b = values[i] - _minPri;
                if (b >= 0)
                {
                    b /= _bucketTicks;
                    if (b < top)
                    {
                        _buckets[b]++;
                    }
                }
            }

            int occupied = 1 + count / 1024;
            Count = 0;
            Tracked = 0;
            int b0 = 0;
            while (b0 < top)
            {
                if (_buckets[b0] < occupied)
                {
                    b0++;
                    continue;
                }

                int size = 0;
                int b1 = b0;
                while (b1 < top && _buckets[b1] >= occupied)
                {
                    size += _buckets[b1];
                    b1++;
                }

                if (Tracked < MaxTracked)
                {
                    _low[Tracked] = _minPri + b0 * _bucketTicks;
                    _high[Tracked] = _minPri + b1 * _bucketTicks - 1;
                    _size[Tracked] = size;
                    _maxCode[Tracked] = -1;
                    Tracked++;
                }

                Count++;
                b0 = b1;
            }
        }

        /// <summary>The tracked cluster whose range holds a ΔTOA, or -1.</summary>
        public int IndexOf(int delta)
        {
            for (int k = 0; k < Tracked; k++)
            {
                if (delta >= _low[k] && delta <= _high[k])
                {
                    return k;
                }
            }

            return -1;
        }

        /// <summary>Records a pulse's peak code against its cluster (for choosing the loudest).</summary>
        public void NoteCode(int cluster, int code)
        {
            if (code > _maxCode[cluster])
            {
                _maxCode[cluster] = code;
            }
        }

        /// <summary>The cluster with the loudest pulse (ties: the larger, then the first); -1 when there is none.</summary>
        public int Loudest()
        {
            int best = -1;
            for (int k = 0; k < Tracked; k++)
            {
                if (best < 0 || _maxCode[k] > _maxCode[best] || (_maxCode[k] == _maxCode[best] && _size[k] > _size[best]))
                {
                    best = k;
                }
            }

            return best;
        }
    }
}
