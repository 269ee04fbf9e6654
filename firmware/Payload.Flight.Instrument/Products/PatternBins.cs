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
    /// </remarks>
    public sealed class PatternBins
    {
        /// <summary>Smoothed level of a bin without enough pulses.</summary>
        public const int Empty = int.MinValue;

        private readonly int[] _count;
        private readonly int[] _sum;
        private readonly int[] _smoothed;
        private readonly int[] _saturated;

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
            Length = length;
            System.Array.Clear(_count, 0, length);
            System.Array.Clear(_sum, 0, length);
            System.Array.Clear(_saturated, 0, length);
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
            long sum = 0;
            int count = 0;
            int peak = -1;
            int last = Length - 1;
            for (int i = 0; i <= half && i <= last; i++)
            {
                sum += _sum[i];
                count += _count[i];
            }

            for (int i = 0; i <= last; i++)
            {
                if (i > 0)
                {
                    int enter = i + half;
                    int leave = i - half - 1;
                    if (enter <= last)
                    {
                        sum += _sum[enter];
                        count += _count[enter];
                    }

                    if (leave >= 0)
                    {
                        sum -= _sum[leave];
                        count -= _count[leave];
                    }
                }

                int level = count >= minCount && count > 0 ? (int)((sum * 16 + count / 2) / count) : Empty;
                _smoothed[i] = level;
                if (level != Empty && (peak < 0 || level > _smoothed[peak]))
                {
                    peak = i;
                }
            }

            return peak;
        }

        /// <summary>
        /// From <paramref name="peak"/> outwards (step ±1), the last bin whose smoothed level is at least
        /// <paramref name="threshold"/> or that is saturated; stops at the first lower bin or after more than
        /// <paramref name="maxGap"/> empty bins.
        /// </summary>
        public int WindowEdge(int peak, int step, long threshold, int maxGap)
        {
            int edge = peak;
            int gap = 0;
            for (int i = peak + step; i >= 0 && i < Length; i += step)
            {
                int level = _smoothed[i];
                if (!IsSaturated(i))
                {
                    if (level == Empty)
                    {
                        if (++gap > maxGap)
                        {
                            break;
                        }

                        continue;
                    }

                    if (level < threshold)
                    {
                        break;
                    }
                }

                edge = i;
                gap = 0;
            }

            return edge;
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
            long lowest = _smoothed[start] == Empty ? long.MaxValue : _smoothed[start];
            long highest = 0;
            bool rising = false;
            int gap = 0;
            for (int i = start + step; i >= 0 && i < Length; i += step)
            {
                int level = _smoothed[i];
                if (level == Empty)
                {
                    if (++gap > maxGap)
                    {
                        break;
                    }

                    continue;
                }

                gap = 0;
                if (!rising)
                {
                    if (level < lowest)
                    {
                        lowest = level;
                    }
                    else if (level - lowest > nullRise)
                    {
                        rising = true;
                        highest = level;
                    }
                }
                else if (level > highest)
                {
                    highest = level;
                }
                else if (highest - level > peakFall)
                {
                    return (int)highest;
                }
            }

            return Empty;
        }
    }
}
