namespace Payload.Flight.Instrument.Products
{
    /// <summary>The antenna pattern as seen by the receiver: pulse peak codes summed into fixed-length time bins, and the walks over them.</summary>
    /// <remarks>
    /// Codes are linear in dB, so a bin's mean code is its mean level in dB. Sums and counts are exact integers; the
    /// smoothed level of bin i is the pooled mean over bins i−h..i+h in 1/16 code (Q4), rounded, or <see cref="Empty"/>
    /// when the window holds fewer than the minimum pulses (nulls below threshold, burst gaps). Saturated pulses carry no
    /// level (their code is a lower bound) but are counted: a bin where they are at least a quarter of the pulses is
    /// saturated (<see cref="IsSaturated"/>, the unsaturated rest is censored low); the walks treat it as inside the main
    /// lobe and the fit leaves it out, so a saturated beam top is fitted from its unclipped shoulders, while a stray
    /// saturated pulse changes nothing.
    /// Every O(bins) method has slices (<see cref="ClearBins"/>, <see cref="SmoothPositions"/>, the walks'
    /// <see cref="WindowEdgeWalk.Advance"/>) so that <see cref="PassAccumulator"/> can spread them over many steps.
    /// </remarks>
    public sealed class PatternBins
    {
        /// <summary>Smoothed level of a bin without enough pulses.</summary>
        public const int Empty = int.MinValue;

        private readonly int[] _count;
        private readonly int[] _sum;
        private readonly int[] _smoothed;
        private readonly int[] _saturated;
        private readonly WindowEdgeWalk _edgeWalk = new WindowEdgeWalk();
        private readonly SidelobeWalk _sidelobeWalk = new SidelobeWalk();
        private int _half;
        private int _minCount;
        private long _windowSum;
        private int _windowCount;

        /// <summary>Creates bins for at most <paramref name="capacity"/> bins.</summary>
        public PatternBins(int capacity)
        {
            _count = new int[capacity];
            _sum = new int[capacity];
            _smoothed = new int[capacity];
            _saturated = new int[capacity];
        }

        /// <summary>Bins in use.</summary>
        public int Length { get; private set; }

        /// <summary>Pulses in a bin.</summary>
        public int Count(int bin)
        {
            return _count[bin];
        }

        /// <summary>Sum of the peak codes of a bin's pulses.</summary>
        public int Sum(int bin)
        {
            return _sum[bin];
        }

        /// <summary>Saturated pulses in a bin.</summary>
        public int Saturated(int bin)
        {
            return _saturated[bin];
        }

        /// <summary>True when saturated pulses are at least a quarter of the bin's pulses: 3·saturated ≥ unsaturated.</summary>
        public static bool IsSaturatedShare(long saturated, long unsaturated)
        {
            return saturated > 0 && 3 * saturated >= unsaturated;
        }

        /// <summary>True when the bin's level is censored by saturation (<see cref="IsSaturatedShare"/>).</summary>
        public bool IsSaturated(int bin)
        {
            return IsSaturatedShare(_saturated[bin], _count[bin]);
        }

        /// <summary>Smoothed level of a bin, 1/16 code, or <see cref="Empty"/>.</summary>
        public int Smoothed(int bin)
        {
            return _smoothed[bin];
        }

        /// <summary>Empties the first <paramref name="length"/> bins and makes them the ones in use.</summary>
        public void Reset(int length)
        {
            SetLength(length);
            ClearBins(0, length);
        }

        /// <summary>Makes the first <paramref name="length"/> bins the ones in use, without emptying them (see <see cref="ClearBins"/>).</summary>
        public void SetLength(int length)
        {
            Length = length;
        }

        /// <summary>Empties bins [from, from+count): a slice of <see cref="Reset"/>.</summary>
        public void ClearBins(int from, int count)
        {
            System.Array.Clear(_count, from, count);
            System.Array.Clear(_sum, from, count);
            System.Array.Clear(_saturated, from, count);
        }

        /// <summary>Adds one pulse's peak code to a bin.</summary>
        public void Add(int bin, int code)
        {
            _count[bin]++;
            _sum[bin] += code;
        }

        /// <summary>Marks one saturated pulse in a bin.</summary>
        public void AddSaturated(int bin)
        {
            _saturated[bin]++;
        }

        /// <summary>Computes the smoothed levels (running pooled mean over 2·half+1 bins) and returns the index of the highest, or -1.</summary>
        public int Smooth(int half, int minCount)
        {
            BeginSmooth(half, minCount);
            SmoothPositions(0, SmoothLength);
            return Peak;
        }

        /// <summary>Positions a sliced smoothing visits: the window's leading edge starts half bins before bin 0.</summary>
        public int SmoothLength
        {
            get { return Length + _half; }
        }

        /// <summary>The highest smoothed bin so far (all of them once every position is smoothed), or -1.</summary>
        public int Peak { get; private set; }

        /// <summary>Starts a sliced <see cref="Smooth"/>: then <see cref="SmoothPositions"/> over [0, <see cref="SmoothLength"/>) in order.</summary>
        public void BeginSmooth(int half, int minCount)
        {
            _half = half;
            _minCount = minCount;
            _windowSum = 0;
            _windowCount = 0;
            Peak = -1;
        }

        /// <summary>Smooths positions [from, end): position p moves the window to bin p − half (entering bin p, leaving bin p − 2·half − 1).</summary>
        public void SmoothPositions(int from, int end)
        {
            int half = _half;
            int last = Length - 1;
            for (int p = from; p < end; p++)
            {
                int i = p - half;
                int enter = i + half;
                int leave = i - half - 1;
                if (enter <= last)
                {
                    _windowSum += _sum[enter];
                    _windowCount += _count[enter];
                }

                if (leave >= 0)
                {
                    _windowSum -= _sum[leave];
                    _windowCount -= _count[leave];
                }

                if (i < 0)
                {
                    continue;
                }

                int count = _windowCount;
                int level = count >= _minCount && count > 0 ? (int)((_windowSum * 16 + count / 2) / count) : Empty;
                _smoothed[i] = level;
                if (level != Empty && (Peak < 0 || level > _smoothed[Peak]))
                {
                    Peak = i;
                }
            }
        }

        /// <summary>
        /// From <paramref name="peak"/> outwards (step ±1), the last bin whose smoothed level is at least
        /// <paramref name="threshold"/> or that is saturated; stops at the first lower bin or after more than
        /// <paramref name="maxGap"/> empty bins.
        /// </summary>
        public int WindowEdge(int peak, int step, long threshold, int maxGap)
        {
            _edgeWalk.Start(peak, step, threshold, maxGap);
            _edgeWalk.Advance(this, int.MaxValue);
            return _edgeWalk.Edge;
        }

        /// <summary>
        /// The first sidelobe's smoothed level beyond <paramref name="start"/> (an edge of the fit window), or
        /// <see cref="Empty"/>: walking outwards,
        /// the null is passed when the level rises more than <paramref name="nullRise"/> above the lowest level so far, and the
        /// sidelobe peak is confirmed when the level then falls more than <paramref name="peakFall"/> below the highest level
        /// after the null. More than <paramref name="maxGap"/> empty bins, or the end of the data, before that fall: no
        /// sidelobe (a burst gap or the end of the pass may have cut it, so its maximum is not trusted).
        /// </summary>
        public int Sidelobe(int start, int step, long nullRise, long peakFall, int maxGap)
        {
            _sidelobeWalk.Start(this, start, step, nullRise, peakFall, maxGap);
            _sidelobeWalk.Advance(this, int.MaxValue);
            return _sidelobeWalk.Level;
        }
    }
}
