namespace Payload.Flight.Instrument.Products
{
    /// <summary>Groups the pass's ΔTOA values into PRI clusters (one per sub-swath PRF) with a histogram.</summary>
    /// <remarks>
    /// Buckets of <see cref="ProductSettings.PriBucketTicks"/> cover [MinPriTicks, MaxPriTicks]. A bucket is occupied when it
    /// holds at least 1 + n/1024 values (stray ΔTOA from spurious pulses stay below that); a cluster is a maximal run of
    /// occupied buckets, so a dithered PRF (NISAR ±1 %) is one cluster and S-1's IW1/IW3 PRIs (866 ticks apart) are two.
    /// The first <see cref="MaxTracked"/> clusters in PRI order keep their range, size and loudest pulse.
    /// <see cref="Find"/> does it in one call; <see cref="PassAccumulator"/> calls its parts on index ranges, a slice per step.
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
        private int _occupied;
        private int _runStart;
        private int _runSize;

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

        /// <summary>Buckets of the histogram (the work of clearing and scanning it).</summary>
        public int BucketCount
        {
            get { return _buckets.Length; }
        }

        /// <summary>Builds the clusters from values[start..start+count) in one call.</summary>
        public void Find(int[] values, int start, int count)
        {
            ClearBuckets(0, _buckets.Length);
            CountValues(values, start, start + count);
            BeginRuns(count);
            ScanBuckets(0, _buckets.Length);
            EndRuns();
        }

        /// <summary>First part of a sliced <see cref="Find"/>: empties buckets [from, from+count).</summary>
        public void ClearBuckets(int from, int count)
        {
            System.Array.Clear(_buckets, from, count);
        }

        /// <summary>Second part: counts values[from..end) into the histogram.</summary>
        public void CountValues(int[] values, int from, int end)
        {
            int top = _buckets.Length;
            for (int i = from; i < end; i++)
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
        }

        /// <summary>Third part: forgets the clusters; a bucket is occupied from 1 + valueCount/1024 values on.</summary>
        public void BeginRuns(int valueCount)
        {
            _occupied = 1 + valueCount / 1024;
            _runStart = -1;
            _runSize = 0;
            Count = 0;
            Tracked = 0;
        }

        /// <summary>Fourth part: extends the runs of occupied buckets over buckets [from, end), in order.</summary>
        public void ScanBuckets(int from, int end)
        {
            for (int b = from; b < end; b++)
            {
                int values = _buckets[b];
                if (values >= _occupied)
                {
                    if (_runStart < 0)
                    {
                        _runStart = b;
                        _runSize = 0;
                    }

                    _runSize += values;
                }
                else if (_runStart >= 0)
                {
                    CloseRun(b);
                }
            }
        }

        /// <summary>Last part: closes a run that reaches the top bucket.</summary>
        public void EndRuns()
        {
            if (_runStart >= 0)
            {
                CloseRun(_buckets.Length);
            }
        }

        // A cluster is the maximal run [_runStart, end) of occupied buckets.
        private void CloseRun(int end)
        {
            if (Tracked < MaxTracked)
            {
                _low[Tracked] = _minPri + _runStart * _bucketTicks;
                _high[Tracked] = _minPri + end * _bucketTicks - 1;
                _size[Tracked] = _runSize;
                _maxCode[Tracked] = -1;
                Tracked++;
            }

            Count++;
            _runStart = -1;
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
