using System;
using Payload.Flight.Devices.Digitizer;

namespace Payload.Flight.Instrument.Products
{
    /// <summary>Collects the pulses of one pass and computes its <see cref="PassProducts"/> in integer arithmetic.</summary>
    /// <remarks>
    /// <para>Storage. Each pulse keeps 9 octets in arrays sized at construction for <see cref="ProductSettings.PulseCapacity"/>
    /// pulses: ΔTOA (int), width and peak code (ushort), flags (byte). ΔTOA is measured from the last <i>primary</i> pulse,
    /// the last one at least MinPriTicks after its own predecessor: a pulse closer than that (the second chirp of a
    /// split-spectrum pair, a multipath echo, a duplicate) is a satellite that never enters the PRI statistics.
    /// Neither <see cref="Add"/> nor the computation allocates.</para>
    /// <para>Compute, in order. (1) PRI clusters (<see cref="PriClusters"/>); the pattern train is the cluster with the
    /// loudest amplitude-usable pulse (the sub-swath whose beam points at the receiver). PRI = lower median of the train's
    /// ΔTOA by <see cref="RadixSelect"/>; jitter = rms of ΔTOA − PRI over the train; missed pulses and gaps from every
    /// primary ΔTOA above 1.5 PRI. (2) Train pulses (ΔTOA in the train's range, or the first pulse after a longer ΔTOA
    /// when the next one is in range) feed the width statistics and, unless flagged, the pattern bins.
    /// (3) Smoothed bins give the peak; the fit window runs out to the last bins within FitWindowMilliDb of it (or holding
    /// saturated pulses);
    /// <see cref="ParabolaFit"/> gives peak time, level and 3 dB width; the angle is 2·atan(v_g·half width / R0) by CORDIC.
    /// (4) First sidelobes by a hysteresis walk outwards from the fit window's edges (<see cref="PatternBins.Sidelobe"/>). (5) Amplitude spread from successive train pulses
    /// inside the fit window. Cost: O(pulses + bins), about 12 passes over the ΔTOA array in all.</para>
    /// <para>Slicing. On the device that is seconds of interpreted code, far more than a minor frame, so the computation is
    /// resumable: <see cref="BeginCompute"/>, then <see cref="Step"/> once per frame with a budget of work units (element
    /// visits) until it returns true. Every O(pulses) and O(bins) pass runs on index ranges and keeps its sums in fields;
    /// the small fixed parts (a histogram walk, the parabola's solution, the CORDIC) are indivisible and run only as a step's
    /// first work or within its remaining budget, so a step does at most max(budget, <see cref="MaxIndivisibleWork"/>).
    /// Integer sums do not depend on where the slices fall: the products are the same octets for any budget, and
    /// <see cref="Compute"/> is the one-call form.</para>
    /// </remarks>
    public sealed class PassAccumulator
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
        private readonly PassProducts _products = new PassProducts();

        private int _count;
        private int _rejected;
        private long _firstToa;
        private long _anchorToa;
        private long _anchorOffset;
        private long _lastOffset;

        // Work charged to the indivisible parts of a computation, in work units (one unit ~ one visit of an element by a
        // simple loop; a MulDiv is a 64-round division loop, a Sqrt at most 32 rounds, the CORDIC 40 rotations).
        private const int MulDivWork = 64;
        private const int SqrtWork = 32;
        private const int RadixHistogramWork = 256;
        private const int TimingFinishWork = (2 * MulDivWork) + SqrtWork + 16;
        private const int WidthFinishWork = (3 * MulDivWork) + SqrtWork + 16;
        private const int PatternStartWork = (2 * MulDivWork) + 16;
        private const int FitSolveWork = ParabolaFit.MaxPoints + (6 * MulDivWork) + SqrtWork + 32;
        private const int FitResultsWork = (2 * MulDivWork) + 80 + 16;
        private const int SidelobeStartWork = (2 * MulDivWork) + 16;
        private const int SidelobeFinishWork = (2 * MulDivWork) + 16;
        private const int SpreadFinishWork = (2 * MulDivWork) + SqrtWork + 16;

        /// <summary>The largest indivisible part of a computation (the parabola's solution), work units: no <see cref="Step"/> does more than max(budget, this).</summary>
        public const int MaxIndivisibleWork = FitSolveWork;

        private const int PhaseIdle = 0;
        private const int PhaseClusterClear = 1;
        private const int PhaseClusterCount = 2;
        private const int PhaseClusterRuns = 3;
        private const int PhaseClusterCodes = 4;
        private const int PhaseSelectClear = 5;
        private const int PhaseSelectCount = 6;
        private const int PhaseSelectWalk = 7;
        private const int PhaseTimingSums = 8;
        private const int PhaseTimingFinish = 9;
        private const int PhaseBinClear = 10;
        private const int PhaseBinTrain = 11;
        private const int PhaseWidthFinish = 12;
        private const int PhaseSmooth = 13;
        private const int PhasePatternStart = 14;
        private const int PhaseWindowLeft = 15;
        private const int PhaseWindowRight = 16;
        private const int PhaseFitBins = 17;
        private const int PhaseFitSolve = 18;
        private const int PhaseFitResults = 19;
        private const int PhaseSidelobeStart = 20;
        private const int PhaseSidelobeLeft = 21;
        private const int PhaseSidelobeRight = 22;
        private const int PhaseSidelobeFinish = 23;
        private const int PhaseSpread = 24;
        private const int PhaseSpreadFinish = 25;

        private const int TrainOut = 0;
        private const int TrainIn = 1;
        private const int TrainPending = 2;

        private readonly WindowEdgeWalk _edgeWalk = new WindowEdgeWalk();
        private readonly SidelobeWalk _sidelobeWalk = new SidelobeWalk();

        // Progress of the computation: phase, slice cursor in [_cursor, _end), the present step's remaining budget and work.
        private int _phase;
        private int _cursor;
        private int _end;
        private int _budget;
        private int _stepWork;
        private int _validity;

        // Train of the current computation: ΔTOA range of the pattern train, or no filter at all.
        private bool _useTrain;
        private int _trainLow;
        private int _trainHigh;
        private int _trainSize;

        // Timing sums.
        private int _pri;
        private long _timingSum;
        private long _timingSquares;
        private long _missed;
        private int _gaps;

        // Binning and width sums; a pulse whose train membership waits for the next primary pulse.
        private int _length;
        private long _anchor;
        private int _pending;
        private long _pendingOffset;
        private int _trainCount;
        private int _widthExcluded;
        private int _amplitudeExcluded;
        private int _beyond;
        private int _widths;
        private int _widthReference;
        private long _widthSum;
        private long _widthSquares;

        // Pattern: peak, windows (untrimmed, and trimmed by the fit), reference level, sidelobes.
        private long _peakLevel;
        private long _threshold;
        private long _halfPowerQ8;
        private long _reference;
        private int _windowLeft;
        private int _windowRight;
        private int _left;
        private int _right;
        private long _nullRise;
        private long _peakFall;
        private int _sidelobeLeft;
        private int _sidelobeRight;

        // Amplitude spread.
        private bool _previousUsable;
        private bool _previousPending;
        private bool _previousInWindow;
        private int _previousCode;
        private long _spreadSquares;
        private int _pairs;

        /// <summary>Allocates every buffer for the largest pass of <paramref name="settings"/>.</summary>
        public PassAccumulator(ProductSettings settings)
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

        /// <summary>The products of the last computation (one instance, overwritten by each; complete once <see cref="Step"/> returned true).</summary>
        public PassProducts Products
        {
            get { return _products; }
        }

        /// <summary>Forgets every pulse and abandons a computation in progress: the next <see cref="Add"/> starts a new pass.</summary>
        public void Reset()
        {
            _phase = PhaseIdle;
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

        /// <summary>True between <see cref="BeginCompute"/> and the <see cref="Step"/> that finishes (or <see cref="CancelCompute"/>, <see cref="Reset"/>).</summary>
        public bool Computing
        {
            get { return _phase != PhaseIdle; }
        }

        /// <summary>Work units (element visits; see <see cref="MaxIndivisibleWork"/>) done by the last <see cref="Step"/>.</summary>
        public int LastStepWork { get; private set; }

        /// <summary>Work units done since <see cref="BeginCompute"/>.</summary>
        public long ComputeWork { get; private set; }

        /// <summary>
        /// Computes the products of the pulses added since <see cref="Reset"/> into <see cref="Products"/> and returns it, in
        /// one call (<see cref="BeginCompute"/>, then <see cref="Step"/> without limit); ground speed (m/s) and slant range at
        /// closest approach (m) convert the 3 dB width to an angle; the detector temperature (0.01 °C, from housekeeping) is recorded.
        /// </summary>
        public PassProducts Compute(int groundSpeedMps, int slantRangeM, int detectorTemperatureCentiC)
        {
            BeginCompute(groundSpeedMps, slantRangeM, detectorTemperatureCentiC);
            while (!Step(int.MaxValue))
            {
            }

            return _products;
        }

        /// <summary>
        /// Starts computing the products of the pulses added since <see cref="Reset"/> (O(1)); <see cref="Step"/> does the work.
        /// Add no pulse until the computation is finished or cancelled: it reads the pulse arrays as they are.
        /// </summary>
        public void BeginCompute(int groundSpeedMps, int slantRangeM, int detectorTemperatureCentiC)
        {
            PassProducts p = _products;
            p.Clear();
            p.GroundSpeedMps = groundSpeedMps;
            p.SlantRangeM = slantRangeM;
            p.DetectorTemperatureCentiC = detectorTemperatureCentiC;
            p.PulseCount = _count;
            p.RejectedCount = _rejected;
            _validity = _rejected > 0 ? ProductValidity.Truncated : 0;
            ComputeWork = 0;
            LastStepWork = 0;
            _useTrain = false;
            if (_count == 0)
            {
                Finish();
                return;
            }

            p.FirstToa = _firstToa;
            p.DurationTicks = _lastOffset;
            Enter(PhaseClusterClear, 0, _clusters.BucketCount);
        }

        /// <summary>
        /// Does at most about <paramref name="workBudget"/> work units of the computation (at least one; a step never does
        /// more than max(workBudget, <see cref="MaxIndivisibleWork"/>)); true when the products are complete in
        /// <see cref="Products"/> (also when nothing is being computed). An exception leaves the computation unfinished:
        /// call <see cref="CancelCompute"/>.
        /// </summary>
        public bool Step(int workBudget)
        {
            _budget = workBudget < 1 ? 1 : workBudget;
            _stepWork = 0;
            while (_phase != PhaseIdle && _budget > 0)
            {
                Advance();
            }

            LastStepWork = _stepWork;
            ComputeWork += _stepWork;
            return _phase == PhaseIdle;
        }

        /// <summary>Abandons a computation in progress; <see cref="Products"/> then holds partial values.</summary>
        public void CancelCompute()
        {
            _phase = PhaseIdle;
        }

        // One slice of the present phase, within the step's remaining budget.
        private void Advance()
        {
            switch (_phase)
            {
                case PhaseClusterClear:
                    {
                        int end = SliceEnd();
                        _clusters.ClearBuckets(_cursor, end - _cursor);
                        if (Moved(end))
                        {
                            Enter(PhaseClusterCount, 1, _count);
                        }

                        break;
                    }

                case PhaseClusterCount:
                    {
                        int end = SliceEnd();
                        _clusters.CountValues(_delta, _cursor, end);
                        if (Moved(end))
                        {
                            _clusters.BeginRuns(_count - 1);
                            Enter(PhaseClusterRuns, 0, _clusters.BucketCount);
                        }

                        break;
                    }

                case PhaseClusterRuns:
                    {
                        int end = SliceEnd();
                        _clusters.ScanBuckets(_cursor, end);
                        if (Moved(end))
                        {
                            _clusters.EndRuns();
                            Enter(PhaseClusterCodes, 1, _count);
                        }

                        break;
                    }

                case PhaseClusterCodes:
                    {
                        int end = SliceEnd();
                        NoteCodes(_cursor, end);
                        if (Moved(end))
                        {
                            ChooseTrain();
                        }

                        break;
                    }

                case PhaseSelectClear:
                    if (Afford(RadixHistogramWork))
                    {
                        _select.ClearHistogram();
                        Enter(PhaseSelectCount, 1, _count);
                    }

                    break;

                case PhaseSelectCount:
                    {
                        int end = SliceEnd();
                        _select.Count(_delta, _cursor, end);
                        if (Moved(end))
                        {
                            _phase = PhaseSelectWalk;
                        }

                        break;
                    }

                case PhaseSelectWalk:
                    if (Afford(RadixHistogramWork))
                    {
                        _select.EndPass();
                        if (_select.Done)
                        {
                            StartTimingSums();
                        }
                        else
                        {
                            _phase = PhaseSelectClear;
                        }
                    }

                    break;

                case PhaseTimingSums:
                    {
                        int end = SliceEnd();
                        SumTiming(_cursor, end);
                        if (Moved(end))
                        {
                            _phase = PhaseTimingFinish;
                        }

                        break;
                    }

                case PhaseTimingFinish:
                    if (Afford(TimingFinishWork))
                    {
                        FinishTiming();
                        StartBinning();
                    }

                    break;

                case PhaseBinClear:
                    {
                        int end = SliceEnd();
                        _bins.ClearBins(_cursor, end - _cursor);
                        if (Moved(end))
                        {
                            Enter(PhaseBinTrain, 0, _count);
                        }

                        break;
                    }

                case PhaseBinTrain:
                    {
                        int end = SliceEnd();
                        BinTrain(_cursor, end);
                        if (Moved(end))
                        {
                            _phase = PhaseWidthFinish;
                        }

                        break;
                    }

                case PhaseWidthFinish:
                    if (Afford(WidthFinishWork))
                    {
                        FinishWidth();
                        _bins.BeginSmooth(_settings.SmoothingHalfWidth, _settings.MinSmoothedCount);
                        Enter(PhaseSmooth, 0, _bins.SmoothLength);
                    }

                    break;

                case PhaseSmooth:
                    {
                        int end = SliceEnd();
                        _bins.SmoothPositions(_cursor, end);
                        if (Moved(end))
                        {
                            if (_bins.Peak < 0)
                            {
                                Finish();
                            }
                            else
                            {
                                _phase = PhasePatternStart;
                            }
                        }

                        break;
                    }

                case PhasePatternStart:
                    if (Afford(PatternStartWork))
                    {
                        StartPattern();
                    }

                    break;

                case PhaseWindowLeft:
                    if (Walked(_edgeWalk.Advance(_bins, _budget), _edgeWalk.Finished))
                    {
                        _windowLeft = _edgeWalk.Edge;
                        _edgeWalk.Start(_bins.Peak, 1, _threshold, _settings.MaxGapBins);
                        _phase = PhaseWindowRight;
                    }

                    break;

                case PhaseWindowRight:
                    if (Walked(_edgeWalk.Advance(_bins, _budget), _edgeWalk.Finished))
                    {
                        _windowRight = _edgeWalk.Edge;
                        _left = _windowLeft;
                        _right = _windowRight;
                        _fit.Begin(_windowLeft, _windowRight, _peakLevel);
                        Enter(PhaseFitBins, 0, _fit.BinsToVisit);
                    }

                    break;

                case PhaseFitBins:
                    {
                        int end = SliceEnd();
                        _fit.AddBins(_bins, end - _cursor);
                        if (Moved(end))
                        {
                            _phase = PhaseFitSolve;
                        }

                        break;
                    }

                case PhaseFitSolve:
                    if (Afford(FitSolveWork))
                    {
                        _phase = _fit.Solve(_halfPowerQ8, _settings.BinTicks) ? PhaseFitResults : PhaseSidelobeStart;
                    }

                    break;

                case PhaseFitResults:
                    if (Afford(FitResultsWork))
                    {
                        RecordFit();
                        _phase = PhaseSidelobeStart;
                    }

                    break;

                case PhaseSidelobeStart:
                    if (Afford(SidelobeStartWork))
                    {
                        _nullRise = _settings.CodesQ4FromMilliDb(_settings.SidelobeHysteresisMilliDb);
                        _peakFall = _settings.CodesQ4FromMilliDb(_settings.SidelobeConfirmMilliDb);
                        _sidelobeWalk.Start(_bins, _windowLeft, -1, _nullRise, _peakFall, _settings.MaxGapBins);
                        _phase = PhaseSidelobeLeft;
                    }

                    break;

                case PhaseSidelobeLeft:
                    if (Walked(_sidelobeWalk.Advance(_bins, _budget), _sidelobeWalk.Finished))
                    {
                        _sidelobeLeft = _sidelobeWalk.Level;
                        _sidelobeWalk.Start(_bins, _windowRight, 1, _nullRise, _peakFall, _settings.MaxGapBins);
                        _phase = PhaseSidelobeRight;
                    }

                    break;

                case PhaseSidelobeRight:
                    if (Walked(_sidelobeWalk.Advance(_bins, _budget), _sidelobeWalk.Finished))
                    {
                        _sidelobeRight = _sidelobeWalk.Level;
                        _phase = PhaseSidelobeFinish;
                    }

                    break;

                case PhaseSidelobeFinish:
                    if (Afford(SidelobeFinishWork))
                    {
                        RecordSidelobes();
                        StartSpread();
                    }

                    break;

                case PhaseSpread:
                    {
                        int end = SliceEnd();
                        SumSpread(_cursor, end);
                        if (Moved(end))
                        {
                            _phase = PhaseSpreadFinish;
                        }

                        break;
                    }

                case PhaseSpreadFinish:
                    if (Afford(SpreadFinishWork))
                    {
                        FinishSpread();
                        Finish();
                    }

                    break;

                default:
                    _phase = PhaseIdle;
                    break;
            }
        }

        private void Enter(int phase, int from, int end)
        {
            _phase = phase;
            _cursor = from;
            _end = end;
        }

        // The end of the next slice of [_cursor, _end): as many elements as the budget allows, charged to the step.
        private int SliceEnd()
        {
            int available = _end - _cursor;
            int take = available < _budget ? available : _budget;
            if (take < 0)
            {
                take = 0;
            }

            _budget -= take;
            _stepWork += take;
            return _cursor + take;
        }

        // Records the slice done; true when the phase's range is complete.
        private bool Moved(int end)
        {
            _cursor = end;
            return end >= _end;
        }

        // Charges a walk's visits; true when the walk has finished.
        private bool Walked(int visited, bool finished)
        {
            _budget -= visited;
            _stepWork += visited;
            return finished;
        }

        // An indivisible part runs when it fits the step's remaining budget, or as the first work of a step: so a step
        // never does more than max(budget, MaxIndivisibleWork).
        private bool Afford(int cost)
        {
            if (_stepWork > 0 && cost > _budget)
            {
                _budget = 0;
                return false;
            }

            _budget -= cost;
            _stepWork += cost;
            return true;
        }

        private void Finish()
        {
            _products.Validity = _validity;
            _phase = PhaseIdle;
        }

        private void NoteCodes(int from, int end)
        {
            int amplitudeExclude = _settings.AmplitudeExcludeFlags;
            for (int i = from; i < end; i++)
            {
                int k = _clusters.IndexOf(_delta[i]);
                if (k >= 0 && (_flags[i] & amplitudeExclude) == 0)
                {
                    _clusters.NoteCode(k, _code[i]);
                }
            }
        }

        private void ChooseTrain()
        {
            _products.PriClusterCount = _clusters.Count;
            int train = _clusters.Loudest();
            if (train < 0)
            {
                StartBinning();
                return;
            }

            _useTrain = true;
            _trainLow = _clusters.Low(train);
            _trainHigh = _clusters.High(train);
            _trainSize = _clusters.Size(train);
            _select.Begin(_trainLow, _trainHigh, (_trainSize - 1) / 2);
            if (_select.Done)
            {
                StartTimingSums();
            }
            else
            {
                _phase = PhaseSelectClear;
            }
        }

        private void StartTimingSums()
        {
            _pri = _select.Result;
            _timingSum = 0;
            _timingSquares = 0;
            _missed = 0;
            _gaps = 0;
            Enter(PhaseTimingSums, 1, _count);
        }

        private void SumTiming(int from, int end)
        {
            int pri = _pri;
            int low = _trainLow;
            int high = _trainHigh;
            long missedLimit = 3L * pri;
            int gapMultiple = _settings.GapPriMultiple;
            for (int i = from; i < end; i++)
            {
                int d = _delta[i];
                if (d >= low && d <= high)
                {
                    long e = d - pri;
                    _timingSum += e;
                    _timingSquares += e * e;
                }
                else if (2L * d > missedLimit)
                {
                    long multiple = (d + pri / 2) / pri;
                    if (multiple > gapMultiple)
                    {
                        _gaps++;
                    }
                    else
                    {
                        _missed += multiple - 1;
                    }
                }
            }
        }

        private void FinishTiming()
        {
            PassProducts p = _products;
            int pri = _pri;
            int size = _trainSize;
            p.PriMedianTicks = pri;
            p.PriMeanQ4 = 16L * pri + FixedPoint.MulDiv(_timingSum, 16, size);
            p.PriJitterRmsQ4 = FixedPoint.Sqrt(FixedPoint.MulDiv(_timingSquares, 256, size));
            p.PrfMilliHz = (ProductSettings.TicksPerSecond * 1000 + pri / 2) / pri;
            p.MissedPulses = (int)_missed;
            p.GapCount = _gaps;
            p.ExpectedCount = (int)((_lastOffset + pri / 2) / pri + 1);
            _validity |= ProductValidity.Pri;
        }

        // Whether pulse i (ΔTOA d) is in the pattern train: TrainIn, TrainOut, or TrainPending when it is the first pulse after
        // a gap (or of the pass), which joins when the next primary pulse is in range. The walks over the pulses keep that
        // one pending pulse and decide it at the next primary: the satellites in between are never in the train, so the
        // order in which train pulses are used, and every sum, is that of a look-ahead, with O(1) work per pulse.
        private int TrainState(int i, int d)
        {
            if (!_useTrain)
            {
                return TrainIn;
            }

            if (d >= _trainLow && d <= _trainHigh)
            {
                return i > 0 ? TrainIn : TrainOut;
            }

            if (i > 0 && d <= _trainHigh)
            {
                return TrainOut;
            }

            return TrainPending;
        }

        private void StartBinning()
        {
            ProductSettings s = _settings;
            long lastBin = _lastOffset / s.BinTicks;
            _length = lastBin >= s.BinCapacity ? s.BinCapacity : (int)lastBin + 1;
            _bins.SetLength(_length);
            _anchor = 0;
            _pending = -1;
            _pendingOffset = 0;
            _trainCount = 0;
            _widthExcluded = 0;
            _amplitudeExcluded = 0;
            _beyond = 0;
            _widths = 0;
            _widthReference = 0;
            _widthSum = 0;
            _widthSquares = 0;
            Enter(PhaseBinClear, 0, _length);
        }

        private void BinTrain(int from, int end)
        {
            int minPri = _settings.MinPriTicks;
            for (int i = from; i < end; i++)
            {
                int d = _delta[i];
                long offset = _anchor + d;
                if (d >= minPri)
                {
                    _anchor = offset;
                    if (_pending >= 0)
                    {
                        if (d >= _trainLow && d <= _trainHigh)
                        {
                            AddTrainPulse(_pending, _pendingOffset);
                        }

                        _pending = -1;
                    }
                }

                int state = TrainState(i, d);
                if (state == TrainIn)
                {
                    AddTrainPulse(i, offset);
                }
                else if (state == TrainPending)
                {
                    _pending = i;
                    _pendingOffset = offset;
                }
            }
        }

        private void AddTrainPulse(int i, long offset)
        {
            _trainCount++;
            int f = _flags[i];
            if ((f & _settings.WidthExcludeFlags) != 0)
            {
                _widthExcluded++;
            }
            else
            {
                if (_widths == 0)
                {
                    _widthReference = _width[i];
                }

                long w = _width[i] - _widthReference;
                _widthSum += w;
                _widthSquares += w * w;
                _widths++;
            }

            long bin = offset / _settings.BinTicks;
            if ((f & _settings.AmplitudeExcludeFlags) != 0)
            {
                _amplitudeExcluded++;
                if ((f & (int)PulseFlags.Saturated) != 0 && bin < _length)
                {
                    _bins.AddSaturated((int)bin);
                }

                return;
            }

            if (bin < _length)
            {
                _bins.Add((int)bin, _code[i]);
            }
            else
            {
                _beyond++;
            }
        }

        private void FinishWidth()
        {
            PassProducts p = _products;
            p.TrainPulseCount = _trainCount;
            p.WidthExcludedCount = _widthExcluded;
            p.AmplitudeExcludedCount = _amplitudeExcluded;
            if (_beyond > 0)
            {
                _validity |= ProductValidity.Truncated;
            }

            int widths = _widths;
            if (widths > 0)
            {
                long widthSum = _widthSum;
                long meanOffsetQ4 = FixedPoint.MulDiv(widthSum, 16, widths);
                long varianceQ8 = FixedPoint.MulDiv(_widthSquares, 256, widths)
                    - FixedPoint.MulDiv(16 * widthSum, 16 * widthSum, (long)widths * widths);
                p.WidthMeanQ4 = 16L * _widthReference + meanOffsetQ4;
                p.WidthStdQ4 = FixedPoint.Sqrt(varianceQ8);
                _validity |= ProductValidity.Width;
            }
        }

        private void StartPattern()
        {
            ProductSettings s = _settings;
            _peakLevel = _bins.Smoothed(_bins.Peak);
            _threshold = _peakLevel - s.CodesQ4FromMilliDb(s.FitWindowMilliDb);
            // 3.0103 dB (half power) in 1/256 code: µdB · milli-codes per dB · 256 / 10^9.
            _halfPowerQ8 = FixedPoint.MulDiv(3010300, s.MilliCodesPerDb, 3906250);
            _reference = _peakLevel;
            _edgeWalk.Start(_bins.Peak, -1, _threshold, s.MaxGapBins);
            _phase = PhaseWindowLeft;
        }

        private void RecordFit()
        {
            PassProducts p = _products;
            ProductSettings s = _settings;
            _reference = _peakLevel + _fit.LevelQ4;
            _left = _fit.FirstBin;
            _right = _fit.LastBin;
            p.PeakToa = (_firstToa + _fit.VertexTicks) & Mask48;
            p.PeakCodeQ4 = _reference;
            p.PeakMilliDbm = (int)(s.CodeZeroMilliDbm + s.MilliDbFromCodesQ4(_reference));
            p.BeamwidthTicks = 2 * _fit.HalfWidthTicks;
            p.FitPoints = _fit.Points;
            _validity |= ProductValidity.Fit;
            if (p.GroundSpeedMps > 0 && p.SlantRangeM > 0)
            {
                long halfAngle = FixedPoint.Atan2((long)p.GroundSpeedMps * _fit.HalfWidthTicks, (long)p.SlantRangeM * ProductSettings.TicksPerSecond);
                p.BeamwidthMicroDeg = FixedPoint.MicroDegrees(2 * halfAngle);
                _validity |= ProductValidity.Beamwidth;
            }
        }

        private void RecordSidelobes()
        {
            PassProducts p = _products;
            ProductSettings s = _settings;
            if (_sidelobeLeft != PatternBins.Empty)
            {
                p.SidelobeLeftMilliDb = (int)s.MilliDbFromCodesQ4(_sidelobeLeft - _reference);
                _validity |= ProductValidity.SidelobeLeft;
            }

            if (_sidelobeRight != PatternBins.Empty)
            {
                p.SidelobeRightMilliDb = (int)s.MilliDbFromCodesQ4(_sidelobeRight - _reference);
                _validity |= ProductValidity.SidelobeRight;
            }

            if (_sidelobeLeft != PatternBins.Empty && _sidelobeRight != PatternBins.Empty)
            {
                p.SidelobeAsymmetryMilliDb = p.SidelobeLeftMilliDb - p.SidelobeRightMilliDb;
            }
        }

        private void StartSpread()
        {
            _anchor = 0;
            _previousUsable = false;
            _previousPending = false;
            _previousInWindow = false;
            _previousCode = 0;
            _spreadSquares = 0;
            _pairs = 0;
            Enter(PhaseSpread, 0, _count);
        }

        // Successive train pulses inside the fit window [_left, _right]; a pending first pulse after a gap is decided at the
        // next primary pulse, before that pulse is paired with it (see TrainState).
        private void SumSpread(int from, int end)
        {
            int binTicks = _settings.BinTicks;
            int minPri = _settings.MinPriTicks;
            int amplitudeExclude = _settings.AmplitudeExcludeFlags;
            for (int i = from; i < end; i++)
            {
                int d = _delta[i];
                long offset = _anchor + d;
                bool primary = i == 0 || d >= minPri;
                if (primary)
                {
                    _anchor = offset;
                }

                bool inRange = d >= _trainLow && d <= _trainHigh;
                if (_previousPending && d >= minPri)
                {
                    _previousUsable = _previousInWindow && inRange;
                    _previousPending = false;
                }

                long bin = offset / binTicks;
                bool inWindow = (_flags[i] & amplitudeExclude) == 0 && bin >= _left && bin <= _right;
                int state = TrainState(i, d);
                bool usable = state == TrainIn && inWindow;
                bool successor = _useTrain ? inRange : primary;
                int code = _code[i];
                if (usable && _previousUsable && successor && i > 0)
                {
                    long e = code - _previousCode;
                    _spreadSquares += e * e;
                    _pairs++;
                }

                if (primary)
                {
                    _previousPending = state == TrainPending;
                    _previousInWindow = inWindow;
                    _previousUsable = usable;
                    _previousCode = code;
                }
            }
        }

        private void FinishSpread()
        {
            if (_pairs == 0)
            {
                return;
            }

            long spreadQ4 = FixedPoint.Sqrt(FixedPoint.MulDiv(_spreadSquares, 128, _pairs));
            _products.AmplitudeSpreadMilliDb = (int)_settings.MilliDbFromCodesQ4(spreadQ4);
            _validity |= ProductValidity.AmplitudeSpread;
        }
    }
}
