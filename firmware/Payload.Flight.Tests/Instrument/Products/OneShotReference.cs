using Payload.Flight.Devices.Digitizer;

using Payload.Flight.Instrument.Products;

namespace Payload.Flight.Tests.Instrument.Products
{
    /// <summary>
    /// The one-shot computation as it was before slicing (PassAccumulator at commit 27a6483, unchanged but for names), kept
    /// as the reference the sliced computation must match octet for octet.
    /// </summary>
    internal sealed class OneShotReference
    {
        private const long Mask48 = (1L << 48) - 1;
        private const long Half48 = 1L << 47;

        private readonly ProductSettings _settings;
        private readonly int[] _delta;
        private readonly ushort[] _width;
        private readonly ushort[] _code;
        private readonly byte[] _flags;
        private readonly RadixSelect _select = new RadixSelect();
        private readonly PriClusters _clusters;
        private readonly PatternBins _bins;
        private readonly ParabolaFit _fit = new ParabolaFit();
        private readonly ReferenceProducts _products = new ReferenceProducts();

        private int _count;
        private int _rejected;
        private long _firstToa;
        private long _anchorToa;
        private long _anchorOffset;
        private long _lastOffset;

        // Train of the current Compute: ΔTOA range of the pattern train, or no filter at all.
        private bool _useTrain;
        private int _trainLow;
        private int _trainHigh;

        /// <summary>Allocates every buffer for the largest pass of <paramref name="settings"/>.</summary>
        public OneShotReference(ProductSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (settings.PulseCapacity < 1 || settings.BinCapacity < 1 || settings.BinTicks < 1
                || settings.BinTicks > ProductSettings.TicksPerSecond || settings.MilliCodesPerDb < 1
                || settings.MinPriTicks < 1 || settings.MaxPriTicks <= settings.MinPriTicks || settings.PriBucketTicks < 1
                || settings.SmoothingHalfWidth < 0 || settings.MaxGapBins < 0 || settings.GapPriMultiple < 2)
            {
                throw new ArgumentException("settings");
            }

            _settings = settings;
            _delta = new int[settings.PulseCapacity];
            _width = new ushort[settings.PulseCapacity];
            _code = new ushort[settings.PulseCapacity];
            _flags = new byte[settings.PulseCapacity];
            _clusters = new PriClusters(settings);
            _bins = new PatternBins(settings.BinCapacity);
        }

        /// <summary>Pulses accepted since the last <see cref="Reset"/>.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Pulses rejected since the last <see cref="Reset"/> (over capacity, TOA backwards or 26.8 s after the last pulse).</summary>
        public int Rejected
        {
            get { return _rejected; }
        }

        /// <summary>The products of the last <see cref="Compute"/> (one instance, overwritten by each Compute).</summary>
        public ReferenceProducts Products
        {
            get { return _products; }
        }

        /// <summary>Forgets every pulse: the next <see cref="Add"/> starts a new pass.</summary>
        public void Reset()
        {
            _count = 0;
            _rejected = 0;
            _anchorOffset = 0;
            _lastOffset = 0;
        }

        /// <summary>Adds one pulse record: TOA (u48 ticks; wraps), width (ticks), peak code, flags.</summary>
        public void Add(long toa, int width, int peakCode, int flags)
        {
            if (_count >= _delta.Length)
            {
                _rejected++;
                return;
            }

            int delta = 0;
            if (_count == 0)
            {
                _firstToa = toa & Mask48;
                _anchorToa = _firstToa;
            }
            else
            {
                long elapsed = (toa - _anchorToa) & Mask48;
                if (elapsed >= Half48 || elapsed > int.MaxValue || _anchorOffset + elapsed < _lastOffset)
                {
                    _rejected++;
                    return;
                }

                delta = (int)elapsed;
                _lastOffset = _anchorOffset + elapsed;
                if (delta >= _settings.MinPriTicks)
                {
                    _anchorToa = toa & Mask48;
                    _anchorOffset = _lastOffset;
                }
            }

            _delta[_count] = delta;
            _width[_count] = (ushort)width;
            _code[_count] = (ushort)peakCode;
            _flags[_count] = (byte)flags;
            _count++;
        }

        /// <summary>Adds the pulse record (digitizer layout, <see cref="PulseRecord"/>) at <paramref name="offset"/>, e.g. one held in the record ring.</summary>
        public void AddRecord(byte[] buffer, int offset)
        {
            Add(PulseRecordCodec.ReadToaTicks(buffer, offset), PulseRecordCodec.ReadWidthTicks(buffer, offset),
                PulseRecordCodec.ReadPeakCode(buffer, offset), (int)PulseRecordCodec.ReadFlags(buffer, offset));
        }

        /// <summary>Adds <paramref name="count"/> consecutive pulse records starting at <paramref name="offset"/> (a FIFO block).</summary>
        public void AddRecords(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                AddRecord(buffer, offset + (i * PulseRecord.Size));
            }
        }

        /// <summary>
        /// Computes the products of the pulses added since <see cref="Reset"/> into <see cref="Products"/> and returns it;
        /// ground speed (m/s) and slant range at closest approach (m) convert the 3 dB width to an angle; the detector
        /// temperature (0.01 °C, from housekeeping) is recorded.
        /// </summary>
        public ReferenceProducts Compute(int groundSpeedMps, int slantRangeM, int detectorTemperatureCentiC)
        {
            ReferenceProducts p = _products;
            p.Clear();
            p.GroundSpeedMps = groundSpeedMps;
            p.SlantRangeM = slantRangeM;
            p.DetectorTemperatureCentiC = detectorTemperatureCentiC;
            p.PulseCount = _count;
            p.RejectedCount = _rejected;
            int validity = _rejected > 0 ? ProductValidity.Truncated : 0;
            if (_count == 0)
            {
                p.Validity = validity;
                return p;
            }

            p.FirstToa = _firstToa;
            p.DurationTicks = _lastOffset;
            validity |= ComputeTiming(p);
            validity |= BinTrain(p);

            ProductSettings s = _settings;
            int peak = _bins.Smooth(s.SmoothingHalfWidth, s.MinSmoothedCount);
            if (peak >= 0)
            {
                validity |= ComputePattern(p, peak);
            }

            p.Validity = validity;
            return p;
        }

        private int ComputeTiming(ReferenceProducts p)
        {
            int n = _count;
            _useTrain = false;
            _clusters.Find(_delta, 1, n - 1);
            int amplitudeExclude = _settings.AmplitudeExcludeFlags;
            for (int i = 1; i < n; i++)
            {
                int k = _clusters.IndexOf(_delta[i]);
                if (k >= 0 && (_flags[i] & amplitudeExclude) == 0)
                {
                    _clusters.NoteCode(k, _code[i]);
                }
            }

            p.PriClusterCount = _clusters.Count;
            int train = _clusters.Loudest();
            if (train < 0)
            {
                return 0;
            }

            _useTrain = true;
            _trainLow = _clusters.Low(train);
            _trainHigh = _clusters.High(train);
            int size = _clusters.Size(train);
            int pri = _select.Select(_delta, 1, n - 1, _trainLow, _trainHigh, (size - 1) / 2);

            long sum = 0;
            long squares = 0;
            long missed = 0;
            int gaps = 0;
            long missedLimit = 3L * pri;
            for (int i = 1; i < n; i++)
            {
                int d = _delta[i];
                if (d >= _trainLow && d <= _trainHigh)
                {
                    long e = d - pri;
                    sum += e;
                    squares += e * e;
                }
                else if (2L * d > missedLimit)
                {
                    long multiple = (d + pri / 2) / pri;
                    if (multiple > _settings.GapPriMultiple)
                    {
                        gaps++;
                    }
                    else
                    {
                        missed += multiple - 1;
                    }
                }
            }

            p.PriMedianTicks = pri;
            p.PriMeanQ4 = 16L * pri + FixedPoint.MulDiv(sum, 16, size);
            p.PriJitterRmsQ4 = FixedPoint.Sqrt(FixedPoint.MulDiv(squares, 256, size));
            p.PrfMilliHz = (ProductSettings.TicksPerSecond * 1000 + pri / 2) / pri;
            p.MissedPulses = (int)missed;
            p.GapCount = gaps;
            p.ExpectedCount = (int)((_lastOffset + pri / 2) / pri + 1);
            return ProductValidity.Pri;
        }

        private bool InTrain(int i)
        {
            if (!_useTrain)
            {
                return true;
            }

            int d = _delta[i];
            if (d >= _trainLow && d <= _trainHigh)
            {
                return i > 0;
            }

            if (i > 0 && d <= _trainHigh)
            {
                return false;
            }

            // The first pulse after a gap (or of the pass) joins when the next primary pulse is in range; satellites between
            // them are skipped. Each satellite is scanned by at most one such look-ahead, so a Compute stays O(n).
            int minPri = _settings.MinPriTicks;
            for (int j = i + 1; j < _count; j++)
            {
                int next = _delta[j];
                if (next >= minPri)
                {
                    return next >= _trainLow && next <= _trainHigh;
                }
            }

            return false;
        }

        private int BinTrain(ReferenceProducts p)
        {
            ProductSettings s = _settings;
            int binTicks = s.BinTicks;
            long lastBin = _lastOffset / binTicks;
            int length = lastBin >= s.BinCapacity ? s.BinCapacity : (int)lastBin + 1;
            _bins.Reset(length);

            int minPri = s.MinPriTicks;
            int widthExclude = s.WidthExcludeFlags;
            int amplitudeExclude = s.AmplitudeExcludeFlags;
            int train = 0, widthExcluded = 0, amplitudeExcluded = 0, beyond = 0, widths = 0;
            int widthReference = 0;
            long widthSum = 0, widthSquares = 0;
            long anchor = 0;
            for (int i = 0; i < _count; i++)
            {
                int d = _delta[i];
                long offset = anchor + d;
                if (d >= minPri)
                {
                    anchor = offset;
                }

                if (!InTrain(i))
                {
                    continue;
                }

                train++;
                int f = _flags[i];
                if ((f & widthExclude) != 0)
                {
                    widthExcluded++;
                }
                else
                {
                    if (widths == 0)
                    {
                        widthReference = _width[i];
                    }

                    long w = _width[i] - widthReference;
                    widthSum += w;
                    widthSquares += w * w;
                    widths++;
                }

                long bin = offset / binTicks;
                if ((f & amplitudeExclude) != 0)
                {
                    amplitudeExcluded++;
                    if ((f & (int)PulseFlags.Saturated) != 0 && bin < length)
                    {
                        _bins.AddSaturated((int)bin);
                    }

                    continue;
                }

                if (bin < length)
                {
                    _bins.Add((int)bin, _code[i]);
                }
                else
                {
                    beyond++;
                }
            }

            p.TrainPulseCount = train;
            p.WidthExcludedCount = widthExcluded;
            p.AmplitudeExcludedCount = amplitudeExcluded;
            int validity = beyond > 0 ? ProductValidity.Truncated : 0;
            if (widths > 0)
            {
                long meanOffsetQ4 = FixedPoint.MulDiv(widthSum, 16, widths);
                long varianceQ8 = FixedPoint.MulDiv(widthSquares, 256, widths)
                    - FixedPoint.MulDiv(16 * widthSum, 16 * widthSum, (long)widths * widths);
                p.WidthMeanQ4 = 16L * widthReference + meanOffsetQ4;
                p.WidthStdQ4 = FixedPoint.Sqrt(varianceQ8);
                validity |= ProductValidity.Width;
            }

            return validity;
        }

        private int ComputePattern(ReferenceProducts p, int peak)
        {
            ProductSettings s = _settings;
            long peakLevel = _bins.Smoothed(peak);
            long threshold = peakLevel - s.CodesQ4FromMilliDb(s.FitWindowMilliDb);
            int left = _bins.WindowEdge(peak, -1, threshold, s.MaxGapBins);
            int right = _bins.WindowEdge(peak, 1, threshold, s.MaxGapBins);
            // 3.0103 dB (half power) in 1/256 code: µdB · milli-codes per dB · 256 / 10^9.
            long halfPowerQ8 = FixedPoint.MulDiv(3010300, s.MilliCodesPerDb, 3906250);
            long reference = peakLevel;
            int validity = 0;
            int windowLeft = left;
            int windowRight = right;
            if (_fit.Fit(_bins, left, right, peakLevel, halfPowerQ8, s.BinTicks))
            {
                reference = peakLevel + _fit.LevelQ4;
                left = _fit.FirstBin;
                right = _fit.LastBin;
                p.PeakToa = (_firstToa + _fit.VertexTicks) & Mask48;
                p.PeakCodeQ4 = reference;
                p.PeakMilliDbm = (int)(s.CodeZeroMilliDbm + s.MilliDbFromCodesQ4(reference));
                p.BeamwidthTicks = 2 * _fit.HalfWidthTicks;
                p.FitPoints = _fit.Points;
                validity |= ProductValidity.Fit;
                if (p.GroundSpeedMps > 0 && p.SlantRangeM > 0)
                {
                    long halfAngle = FixedPoint.Atan2((long)p.GroundSpeedMps * _fit.HalfWidthTicks, (long)p.SlantRangeM * ProductSettings.TicksPerSecond);
                    p.BeamwidthMicroDeg = FixedPoint.MicroDegrees(2 * halfAngle);
                    validity |= ProductValidity.Beamwidth;
                }
            }

            long nullRise = s.CodesQ4FromMilliDb(s.SidelobeHysteresisMilliDb);
            long peakFall = s.CodesQ4FromMilliDb(s.SidelobeConfirmMilliDb);
            int sidelobeLeft = _bins.Sidelobe(windowLeft, -1, nullRise, peakFall, s.MaxGapBins);
            int sidelobeRight = _bins.Sidelobe(windowRight, 1, nullRise, peakFall, s.MaxGapBins);
            if (sidelobeLeft != PatternBins.Empty)
            {
                p.SidelobeLeftMilliDb = (int)s.MilliDbFromCodesQ4(sidelobeLeft - reference);
                validity |= ProductValidity.SidelobeLeft;
            }

            if (sidelobeRight != PatternBins.Empty)
            {
                p.SidelobeRightMilliDb = (int)s.MilliDbFromCodesQ4(sidelobeRight - reference);
                validity |= ProductValidity.SidelobeRight;
            }

            if (sidelobeLeft != PatternBins.Empty && sidelobeRight != PatternBins.Empty)
            {
                p.SidelobeAsymmetryMilliDb = p.SidelobeLeftMilliDb - p.SidelobeRightMilliDb;
            }

            return validity | ComputeAmplitudeSpread(p, left, right);
        }

        private int ComputeAmplitudeSpread(ReferenceProducts p, int firstBin, int lastBin)
        {
            int binTicks = _settings.BinTicks;
            int minPri = _settings.MinPriTicks;
            int amplitudeExclude = _settings.AmplitudeExcludeFlags;
            long anchor = 0;
            bool previousUsable = false;
            int previousCode = 0;
            long squares = 0;
            int pairs = 0;
            for (int i = 0; i < _count; i++)
            {
                int d = _delta[i];
                long offset = anchor + d;
                bool primary = i == 0 || d >= minPri;
                if (primary)
                {
                    anchor = offset;
                }

                long bin = offset / binTicks;
                bool usable = InTrain(i) && (_flags[i] & amplitudeExclude) == 0 && bin >= firstBin && bin <= lastBin;
                bool successor = _useTrain ? d >= _trainLow && d <= _trainHigh : primary;
                int code = _code[i];
                if (usable && previousUsable && successor && i > 0)
                {
                    long e = code - previousCode;
                    squares += e * e;
                    pairs++;
                }

                if (primary)
                {
                    previousUsable = usable;
                    previousCode = code;
                }
            }

            if (pairs == 0)
            {
                return 0;
            }

            long spreadQ4 = FixedPoint.Sqrt(FixedPoint.MulDiv(squares, 128, pairs));
            p.AmplitudeSpreadMilliDb = (int)_settings.MilliDbFromCodesQ4(spreadQ4);
            return ProductValidity.AmplitudeSpread;
        }
    }
}
