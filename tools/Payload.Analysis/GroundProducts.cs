using Payload.Flight.Devices.Digitizer;

namespace Payload.Analysis;

/// <summary>
/// Recomputes a pass's products in double precision from its raw pulse records, with the board's algorithm definitions
/// (PassAccumulator: satellites, PRI clusters, pattern train, bins, saturated bins, fit window, hysteresis walks) but none of its
/// fixed-point arithmetic: levels are exact means, the parabola is an ordinary least-squares fit, the angle is Math.Atan.
/// </summary>
public static class GroundProducts
{
    /// <summary>Computes the products of <paramref name="pulses"/> (in arrival order: TOA ticks u48, width ticks, peak code, flags).</summary>
    public static PassProductValues Compute(
        IReadOnlyList<(long Toa, int Width, int PeakCode, int Flags)> pulses, AnalysisSettings settings, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        return new GroundPass(pulses, settings, context).Compute();
    }

    private readonly record struct Pulse(long Offset, int Delta, int Width, int Code, int Flags);

    private sealed class GroundPass
    {
        private const long Mask48 = (1L << 48) - 1;

        private readonly AnalysisSettings _s;
        private readonly PassContext _context;
        private readonly List<Pulse> _pulses = [];
        private readonly int _rejected;
        private readonly long _firstToa;
        private readonly long _lastOffset;
        private (int Low, int High)? _train;

        public GroundPass(IReadOnlyList<(long Toa, int Width, int PeakCode, int Flags)> input, AnalysisSettings settings, PassContext context)
        {
            _s = settings;
            _context = context;
            long anchorToa = 0, anchorOffset = 0;
            foreach (var (toa, width, code, flags) in input)
            {
                if (_pulses.Count >= _s.PulseCapacity)
                {
                    _rejected++;
                    continue;
                }

                if (_pulses.Count == 0)
                {
                    _firstToa = anchorToa = toa & Mask48;
                    _pulses.Add(new Pulse(0, 0, width, code, flags));
                    continue;
                }

                long elapsed = (toa - anchorToa) & Mask48;
                if (elapsed >= 1L << 47 || elapsed > int.MaxValue || anchorOffset + elapsed < _lastOffset)
                {
                    _rejected++;
                    continue;
                }

                _lastOffset = anchorOffset + elapsed;
                if (elapsed >= _s.MinPriTicks)
                {
                    anchorToa = toa & Mask48;
                    anchorOffset = _lastOffset;
                }

                _pulses.Add(new Pulse(_lastOffset, (int)elapsed, width, code, flags));
            }
        }

        public PassProductValues Compute()
        {
            var result = new PassProductValues
            {
                PulseCount = _pulses.Count,
                RejectedCount = _rejected,
                Truncated = _rejected > 0,
                GroundSpeedMps = _context.GroundSpeedMps,
                SlantRangeM = _context.SlantRangeM,
                DetectorTemperatureC = _context.DetectorTemperatureC,
            };
            if (_pulses.Count == 0)
            {
                return result;
            }

            result = result with { FirstToa = _firstToa, DurationTicks = _lastOffset };
            result = Timing(result);
            var (withTrain, bins) = BinTrain(result);
            return Pattern(withTrain, bins);
        }

        private bool InRange(int delta) => _train is { } t && delta >= t.Low && delta <= t.High;

        private bool InTrain(int i)
        {
            if (_train is not { } t)
            {
                return true;
            }

            int d = _pulses[i].Delta;
            if (d >= t.Low && d <= t.High)
            {
                return i > 0;
            }

            if (i > 0 && d <= t.High)
            {
                return false;
            }

            for (int j = i + 1; j < _pulses.Count; j++)
            {
                if (_pulses[j].Delta >= _s.MinPriTicks)
                {
                    return InRange(_pulses[j].Delta);
                }
            }

            return false;
        }

        private PassProductValues Timing(PassProductValues result)
        {
            var deltas = _pulses.Skip(1).Select(p => p.Delta).ToList();
            var clusters = FindClusters(deltas);
            result = result with { PriClusterCount = clusters.Count };
            if (clusters.Count == 0)
            {
                return result;
            }

            var tracked = clusters.Take(8).ToList();
            var loudest = tracked
                .Select((c, k) => (k, c.Size, Max: _pulses.Skip(1)
                    .Where(p => p.Delta >= c.Low && p.Delta <= c.High && (p.Flags & _s.AmplitudeExcludeFlags) == 0)
                    .Select(p => p.Code).DefaultIfEmpty(-1).Max()))
                .OrderByDescending(x => x.Max).ThenByDescending(x => x.Size).ThenBy(x => x.k)
                .First();
            var train = tracked[loudest.k];
            _train = (train.Low, train.High);

            var members = deltas.Where(d => d >= train.Low && d <= train.High).Order().ToList();
            int pri = members[(members.Count - 1) / 2];
            double jitter = Math.Sqrt(members.Average(d => (double)(d - pri) * (d - pri)));
            int missed = 0, gaps = 0;
            foreach (int d in deltas)
            {
                if ((d < train.Low || d > train.High) && 2.0 * d > 3.0 * pri)
                {
                    long multiple = (long)Math.Floor((double)d / pri + 0.5);
                    if (multiple > _s.GapPriMultiple)
                    {
                        gaps++;
                    }
                    else
                    {
                        missed += (int)(multiple - 1);
                    }
                }
            }

            return result with
            {
                PriMedianTicks = pri,
                PriMeanTicks = members.Average(d => (double)d),
                PrfHz = _s.TicksPerSecond / pri,
                PriJitterRmsTicks = jitter,
                MissedPulses = missed,
                GapCount = gaps,
                ExpectedCount = (int)Math.Floor((double)_lastOffset / pri + 0.5) + 1,
            };
        }

        private List<(int Low, int High, int Size)> FindClusters(List<int> deltas)
        {
            int buckets = (_s.MaxPriTicks - _s.MinPriTicks) / _s.PriBucketTicks + 1;
            var histogram = new int[buckets];
            foreach (int d in deltas)
            {
                int b = d - _s.MinPriTicks;
                if (b >= 0 && b / _s.PriBucketTicks < buckets)
                {
                    histogram[b / _s.PriBucketTicks]++;
                }
            }

            int occupied = 1 + deltas.Count / 1024;
            var clusters = new List<(int, int, int)>();
            for (int b0 = 0; b0 < buckets;)
            {
                if (histogram[b0] < occupied)
                {
                    b0++;
                    continue;
                }

                int b1 = b0, size = 0;
                while (b1 < buckets && histogram[b1] >= occupied)
                {
                    size += histogram[b1++];
                }

                clusters.Add((_s.MinPriTicks + b0 * _s.PriBucketTicks, _s.MinPriTicks + b1 * _s.PriBucketTicks - 1, size));
                b0 = b1;
            }

            return clusters;
        }

        private (PassProductValues Result, Bins Bins) BinTrain(PassProductValues result)
        {
            long lastBin = _lastOffset / _s.BinTicks;
            var bins = new Bins(lastBin >= _s.BinCapacity ? _s.BinCapacity : (int)lastBin + 1);
            int train = 0, widthExcluded = 0, amplitudeExcluded = 0, beyond = 0;
            var widths = new List<double>();
            for (int i = 0; i < _pulses.Count; i++)
            {
                if (!InTrain(i))
                {
                    continue;
                }

                var p = _pulses[i];
                train++;
                if ((p.Flags & _s.WidthExcludeFlags) != 0)
                {
                    widthExcluded++;
                }
                else
                {
                    widths.Add(p.Width);
                }

                long bin = p.Offset / _s.BinTicks;
                if ((p.Flags & _s.AmplitudeExcludeFlags) != 0)
                {
                    amplitudeExcluded++;
                    if ((p.Flags & (int)PulseFlags.Saturated) != 0 && bin < bins.Length)
                    {
                        bins.Saturated[bin]++;
                    }

                    continue;
                }

                if (bin < bins.Length)
                {
                    bins.Count[bin]++;
                    bins.Sum[bin] += p.Code;
                }
                else
                {
                    beyond++;
                }
            }

            result = result with
            {
                TrainPulseCount = train,
                WidthExcludedCount = widthExcluded,
                AmplitudeExcludedCount = amplitudeExcluded,
                Truncated = result.Truncated || beyond > 0,
            };
            if (widths.Count > 0)
            {
                double mean = widths.Average();
                result = result with
                {
                    WidthMeanTicks = mean,
                    WidthStdTicks = Math.Sqrt(widths.Average(w => (w - mean) * (w - mean))),
                };
            }

            return (result, bins);
        }

        private PassProductValues Pattern(PassProductValues result, Bins bins)
        {
            int peak = bins.Smooth(_s.SmoothingHalfWidth, _s.MinSmoothedCount);
            if (peak < 0)
            {
                return result;
            }

            double peakLevel = bins.Smoothed[peak];
            double threshold = peakLevel - _s.FitWindowDb * _s.CodesPerDb;
            int left = bins.WindowEdge(peak, -1, threshold, _s.MaxGapBins);
            int right = bins.WindowEdge(peak, 1, threshold, _s.MaxGapBins);
            double reference = peakLevel;
            int windowLeft = left, windowRight = right;
            if (FitParabola(bins, left, right, peakLevel) is { } fit)
            {
                reference = peakLevel + fit.Level;
                left = fit.FirstBin;
                right = fit.LastBin;
                double? angle = _context.GroundSpeedMps > 0 && _context.SlantRangeM > 0
                    ? 2.0 * Math.Atan(_context.GroundSpeedMps * fit.HalfWidthTicks / _s.TicksPerSecond / _context.SlantRangeM) * 180.0 / Math.PI
                    : null;
                result = result with
                {
                    PeakToa = (_firstToa + fit.VertexTicks) % (1L << 48),
                    PeakCode = reference,
                    PeakDbm = _s.CodeZeroDbm + reference / _s.CodesPerDb,
                    BeamwidthTicks = 2.0 * fit.HalfWidthTicks,
                    BeamwidthDeg = angle,
                    FitPoints = fit.Points,
                };
            }

            double nullRise = _s.SidelobeHysteresisDb * _s.CodesPerDb;
            double peakFall = _s.SidelobeConfirmDb * _s.CodesPerDb;
            double? sidelobeLeft = bins.Sidelobe(windowLeft, -1, nullRise, peakFall, _s.MaxGapBins) is { } l ? (l - reference) / _s.CodesPerDb : null;
            double? sidelobeRight = bins.Sidelobe(windowRight, 1, nullRise, peakFall, _s.MaxGapBins) is { } r ? (r - reference) / _s.CodesPerDb : null;
            return result with
            {
                SidelobeLeftDb = sidelobeLeft,
                SidelobeRightDb = sidelobeRight,
                SidelobeAsymmetryDb = sidelobeLeft - sidelobeRight,
                AmplitudeSpreadDb = AmplitudeSpread(left, right),
            };
        }

        private Fit? FitParabola(Bins bins, int left, int right, double peakLevel)
        {
            const int maxPoints = 65;
            int span = right - left + 1;
            int r = (span + maxPoints - 1) / maxPoints;
            int groups = span / r;
            int first = left + (span - groups * r) / 2;
            int centre = groups / 2;
            var u = new List<double>();
            var y = new List<double>();
            for (int j = 0; j < groups; j++)
            {
                long sum = 0, count = 0, saturated = 0;
                for (int i = first + j * r; i < first + (j + 1) * r; i++)
                {
                    sum += bins.Sum[i];
                    count += bins.Count[i];
                    saturated += bins.Saturated[i];
                }

                if (count > 0 && !Bins.IsSaturatedShare(saturated, count))
                {
                    u.Add(j - centre);
                    y.Add((double)sum / count - peakLevel);
                }
            }

            if (u.Count < 5)
            {
                return null;
            }

            var (a, b, c) = LeastSquares.Parabola(u, y);
            if (!(c < 0))
            {
                return null;
            }

            double vertex = -b / (2 * c);
            double halfWidth = Math.Sqrt(_s.HalfPowerDb * _s.CodesPerDb / -c);
            if (Math.Abs(vertex) > centre + 1 || halfWidth > 2.0 * groups)
            {
                return null;
            }

            double groupTicks = (double)r * _s.BinTicks;
            double centreTicks = (double)(first + centre * r) * _s.BinTicks + groupTicks / 2;
            return new Fit(first, first + groups * r - 1, u.Count, centreTicks + vertex * groupTicks, halfWidth * groupTicks, a + b * vertex + c * vertex * vertex);
        }

        private double? AmplitudeSpread(int firstBin, int lastBin)
        {
            double squares = 0;
            int pairs = 0;
            bool previousUsable = false;
            int previousCode = 0;
            for (int i = 0; i < _pulses.Count; i++)
            {
                var p = _pulses[i];
                bool primary = i == 0 || p.Delta >= _s.MinPriTicks;
                long bin = p.Offset / _s.BinTicks;
                bool usable = InTrain(i) && (p.Flags & _s.AmplitudeExcludeFlags) == 0 && bin >= firstBin && bin <= lastBin;
                bool successor = _train is not null ? InRange(p.Delta) : primary;
                if (usable && previousUsable && successor && i > 0)
                {
                    double e = p.Code - previousCode;
                    squares += e * e;
                    pairs++;
                }

                if (primary)
                {
                    previousUsable = usable;
                    previousCode = p.Code;
                }
            }

            return pairs == 0 ? null : Math.Sqrt(squares / (2.0 * pairs)) / _s.CodesPerDb;
        }
    }

    private sealed record Fit(int FirstBin, int LastBin, int Points, double VertexTicks, double HalfWidthTicks, double Level);

    private sealed class Bins(int length)
    {
        public int Length { get; } = length;

        public int[] Count { get; } = new int[length];

        public long[] Sum { get; } = new long[length];

        public double[] Smoothed { get; } = new double[length];

        public int[] Saturated { get; } = new int[length];

        /// <summary>Saturated pulses are at least a quarter of a bin's pulses: its unsaturated mean is censored.</summary>
        public static bool IsSaturatedShare(long saturated, long unsaturated) => saturated > 0 && 3 * saturated >= unsaturated;

        public int Smooth(int half, int minCount)
        {
            int peak = -1;
            for (int i = 0; i < Length; i++)
            {
                long sum = 0, count = 0;
                for (int j = Math.Max(0, i - half); j <= Math.Min(Length - 1, i + half); j++)
                {
                    sum += Sum[j];
                    count += Count[j];
                }

                Smoothed[i] = count >= minCount && count > 0 ? (double)sum / count : double.NaN;
                if (!double.IsNaN(Smoothed[i]) && (peak < 0 || Smoothed[i] > Smoothed[peak]))
                {
                    peak = i;
                }
            }

            return peak;
        }

        public int WindowEdge(int peak, int step, double threshold, int maxGap)
        {
            int edge = peak, gap = 0;
            for (int i = peak + step; i >= 0 && i < Length; i += step)
            {
                if (!IsSaturatedShare(Saturated[i], Count[i]))
                {
                    if (double.IsNaN(Smoothed[i]))
                    {
                        if (++gap > maxGap)
                        {
                            break;
                        }

                        continue;
                    }

                    if (Smoothed[i] < threshold)
                    {
                        break;
                    }
                }

                edge = i;
                gap = 0;
            }

            return edge;
        }

        public double? Sidelobe(int start, int step, double nullRise, double peakFall, int maxGap)
        {
            double lowest = double.IsNaN(Smoothed[start]) ? double.PositiveInfinity : Smoothed[start], highest = 0;
            bool rising = false;
            int gap = 0;
            for (int i = start + step; i >= 0 && i < Length; i += step)
            {
                double level = Smoothed[i];
                if (double.IsNaN(level))
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
                    return highest;
                }
            }

            return null;
        }
    }
}
