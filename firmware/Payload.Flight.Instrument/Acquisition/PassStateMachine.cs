using System;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Events;
using Payload.Flight.Instrument.Products;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>One radar pass from arming to products: idle → armed → in pass → product ready → idle.</summary>
    /// <remarks>
    /// <para><b>Start.</b> Armed, the machine keeps the last K records (K = acq.start_pulses, at most
    /// <see cref="MaxStartPulses"/>); the pass starts when K records lie within K · 1.5 nominal PRIs of the expected radar
    /// (or of the PRF hint), so isolated noise crossings never start one. Those K records are the pass's first pulses;
    /// records dropped from the window before that are counted outside the pass.</para>
    /// <para><b>End.</b> ACQ_STOP, the pass timeout (from the start), the products' capacity, a mode other than ACQUIRE,
    /// a degraded digitizer, or loss of signal: no record for acq.los_timeout_ms once the main lobe has been seen. The main
    /// lobe counts as seen when a running mean of the peak codes (16 pulses) has fallen acq.main_lobe_drop_mdb below its
    /// maximum, i.e. the receiver has crossed the pattern peak; nulls between sidelobes and burst switches before that
    /// never end a pass, only its timeout does; nor does silence while the digitizer is being recovered. A strong sidelobe
    /// can pass for the main lobe by this test, so the loss of signal must outlast the longest silence before the peak
    /// (NISAR's nulls: 0.4 s; Sentinel-1's gaps between the receiver's bursts: 1.8 s). Armed for max_wait_s without a
    /// start ends with NoSignal and no products.</para>
    /// <para><b>Products.</b> The frame after the pass ends, the products' computation starts, and every frame then does
    /// one step of it of <see cref="ComputeWorkPerFrame"/> work units (PassAccumulator.Step; a NISAR pass takes a few hundred
    /// frames, see Products/README.md), so no frame overruns however long the pass; when it is done the products are queued
    /// for ST[13] with a trailer. Meanwhile the raw stream sends the rest of its records. When both are with the downlink
    /// the machine is idle again; ACQ_RESET goes to idle at once, abandoning the computation and discarding both. No new
    /// pass can be armed before idle, so nothing adds pulses to the accumulator while it is computing. A step that throws
    /// ends the computation without products (<see cref="ComputeFailures"/>); the raw records still go down.</para>
    /// Times are board microseconds of the frame (or edge) in which a record was drained, so they are exact to a frame.
    /// </remarks>
    public sealed class PassStateMachine
    {
        /// <summary>Largest K of the start window.</summary>
        public const int MaxStartPulses = 64;

        /// <summary>Work units (element visits) of the products' computation per frame.</summary>
        /// <remarks>
        /// On a PC a unit costs about 5 ns, so 500 units are 2–3 µs; at the interpreter's 100–1000× that is 0.3–3 ms, inside
        /// the frame group's 4 ms even at the slow end (1000 would be 5 ms there). A NISAR pass (16 500 pulses) is about
        /// 156 000 units: ~310 frames, 3.1 s, well within the raw records' own time to go down. The indivisible parts
        /// (PassAccumulator.MaxIndivisibleWork, 513) can make a step a little longer than the budget.
        /// </remarks>
        public const int ComputeWorkPerFrame = 500;

        private const long ToaMask = DigitizerChip.ToaMask;

        private readonly PassAccumulator _accumulator;
        private readonly int _capacity;
        private readonly RawRecordStream _raw;
        private readonly ProductDelivery _delivery;
        private readonly IEventSink _events;
        private readonly byte[] _window = new byte[MaxStartPulses * PulseRecord.Size];
        private int _windowHead;
        private int _windowCount;

        // The plan ACQ_ARM latched.
        private long _armedAt;
        private long _maxWaitMicroseconds;
        private long _timeoutMicroseconds;
        private int _startPulses;
        private long _startWindowTicks;
        private ExpectedRadar _radar;
        private int _groundSpeedMps;
        private int _slantRangeM;
        private int _decimation;

        private PassState _state;
        private int _passNumber;
        private long _startedAt;
        private long _firstToa;
        private long _lastToa;
        private long _lastPulseAt;
        private int _pulses;
        private long _lossAtStart;
        private long _meanQ4;
        private long _maxMeanQ4;
        private bool _meanStarted;
        private bool _mainLobeSeen;
        private long _outside;

        private PassEndReason _endReason;
        private long _endedAt;
        private bool _computeDue;
        private bool _computing;
        private int _computeFrames;
        private long _lostInPass;
        private long _rawDropped;
        private bool _hasProducts;
        private long _computeFailures;

        /// <summary>Creates an idle machine feeding <paramref name="accumulator"/> (sized for <paramref name="pulseCapacity"/> pulses) and <paramref name="raw"/>, handing products to <paramref name="delivery"/>.</summary>
        public PassStateMachine(PassAccumulator accumulator, int pulseCapacity, RawRecordStream raw, ProductDelivery delivery, IEventSink events)
        {
            if (accumulator == null)
            {
                throw new ArgumentNullException(nameof(accumulator));
            }

            _accumulator = accumulator;
            _capacity = pulseCapacity;
            _raw = raw;
            _delivery = delivery;
            _events = events;
            LossOfSignalMicroseconds = 3000000;
        }

        /// <summary>The present state.</summary>
        public PassState State { get { return _state; } }

        /// <summary>Passes armed since boot; the present or last pass's number (u16 on the wire).</summary>
        public int PassNumber { get { return _passNumber; } }

        /// <summary>Pulses of the present or last pass.</summary>
        public int Pulses { get { return _pulses; } }

        /// <summary>Records that arrived outside a pass (idle, product ready, or dropped from the start window), since boot.</summary>
        public long RecordsOutsidePass { get { return _outside; } }

        /// <summary>Why the last pass (or arming) ended.</summary>
        public PassEndReason LastEndReason { get { return _endReason; } }

        /// <summary>True once a pass's products have been computed; <see cref="Products"/> holds the last ones.</summary>
        public bool HasProducts { get { return _hasProducts; } }

        /// <summary>The last products computed (valid when <see cref="HasProducts"/>).</summary>
        public PassProducts Products { get { return _accumulator.Products; } }

        /// <summary>True while the products of the pass that ended are being computed (a step per frame).</summary>
        public bool Computing { get { return _computeDue || _computing; } }

        /// <summary>Frames (steps) the present or last computation of products has taken.</summary>
        public int ComputeFrames { get { return _computeFrames; } }

        /// <summary>Work units of the last frame's step of the computation (at most max(<see cref="ComputeWorkPerFrame"/>, PassAccumulator.MaxIndivisibleWork)).</summary>
        public int ComputeStepWork { get { return _accumulator.LastStepWork; } }

        /// <summary>Computations of products that threw (the pass then went down without products).</summary>
        public long ComputeFailures { get { return _computeFailures; } }

        /// <summary>The expected radar of the present or last pass.</summary>
        public ExpectedRadar Radar { get { return _radar; } }

        /// <summary>True while armed or in a pass.</summary>
        public bool IsActive { get { return _state == PassState.Armed || _state == PassState.InPass; } }

        /// <summary>TOA of the present or last pass's first pulse (pass axis).</summary>
        public long FirstToa { get { return _firstToa; } }

        /// <summary>Loss of signal: time without a record after the main lobe that ends the pass, µs (refreshed by the controller from acq.los_timeout_ms).</summary>
        public long LossOfSignalMicroseconds { get; set; }

        /// <summary>Fall of the running mean below its maximum that marks the main lobe as seen, 1/16 code (from acq.main_lobe_drop_mdb).</summary>
        public long MainLobeDropCodesQ4 { get; set; }

        /// <summary>Detector temperature for the products, 0.01 °C (from housekeeping).</summary>
        public int DetectorTemperatureCentiC { get; set; }

        /// <summary>Records lost anywhere on the way (driver, ring, chip FIFO) since boot, monotonic: the products trailer carries its growth over the pass.</summary>
        public long LossCounter { get; set; }

        /// <summary>Arms a pass: waits up to <paramref name="maxWaitMicroseconds"/> for <paramref name="startPulses"/> records within <paramref name="startWindowTicks"/>; false unless idle.</summary>
        public bool Arm(long now, long maxWaitMicroseconds, long timeoutMicroseconds, int startPulses, long startWindowTicks,
            ExpectedRadar radar, int groundSpeedMps, int slantRangeM, int decimation)
        {
            if (_state != PassState.Idle)
            {
                return false;
            }

            _armedAt = now;
            _maxWaitMicroseconds = maxWaitMicroseconds;
            _timeoutMicroseconds = timeoutMicroseconds;
            _startPulses = startPulses < 2 ? 2 : (startPulses > MaxStartPulses ? MaxStartPulses : startPulses);
            _startWindowTicks = startWindowTicks;
            _radar = radar;
            _groundSpeedMps = groundSpeedMps;
            _slantRangeM = slantRangeM;
            _decimation = decimation;
            _windowHead = 0;
            _windowCount = 0;
            _pulses = 0;
            _passNumber = (_passNumber + 1) & 0xFFFF;
            _state = PassState.Armed;
            _events.Raise(AcquisitionDictionary.ArmedEvent, _passNumber, (long)radar, maxWaitMicroseconds / 1000000);
            return true;
        }

        /// <summary>ACQ_STOP: an armed machine returns to idle; a pass ends and its products are computed; otherwise nothing.</summary>
        public void Stop(long now)
        {
            Abort(PassEndReason.Stopped, now);
        }

        /// <summary>Ends the arming or the pass for <paramref name="reason"/> (fault, mode exit, stop); products are computed for a pass.</summary>
        public void Abort(PassEndReason reason, long now)
        {
            if (_state == PassState.Armed)
            {
                EndArming(reason);
            }
            else if (_state == PassState.InPass)
            {
                End(reason, now);
            }
        }

        /// <summary>ACQ_RESET: back to idle whatever the state; the pass, its products and its raw records are discarded.</summary>
        public void Reset()
        {
            if (IsActive)
            {
                _endReason = PassEndReason.Reset;
                _events.Raise(AcquisitionDictionary.PassEndedEvent, (long)PassEndReason.Reset, _pulses, DurationMilliseconds());
            }

            _state = PassState.Idle;
            _computeDue = false;
            _computing = false;
            _accumulator.CancelCompute();
            _raw.Cancel();
            _delivery.CancelProducts();
            _delivery.CancelChunk();
        }

        /// <summary>The digitizer was reset: records still in the start window belong to the chip's old TOA axis and are dropped.</summary>
        public void OnDigitizerRestarted()
        {
            if (_state == PassState.Armed)
            {
                _outside += _windowCount;
                _windowHead = 0;
                _windowCount = 0;
            }
        }

        /// <summary>One record (PulseRecord layout at <paramref name="offset"/>), drained at board time <paramref name="now"/>.</summary>
        public void OnRecord(byte[] buffer, int offset, long now)
        {
            if (_state == PassState.InPass)
            {
                Accept(buffer, offset, now);
            }
            else if (_state == PassState.Armed)
            {
                Collect(buffer, offset, now);
            }
            else
            {
                _outside++;
            }
        }

        /// <summary>One frame: time limits, mode, loss of signal, products, the return to idle.</summary>
        /// <param name="now">Board time, µs.</param>
        /// <param name="acquireMode">The payload is in ACQUIRE.</param>
        /// <param name="listening">The digitizer is operational: silence while it is not (a recovery) is not loss of signal.</param>
        public void Run(long now, bool acquireMode, bool listening)
        {
            if (_state == PassState.Armed)
            {
                if (!acquireMode)
                {
                    EndArming(PassEndReason.ModeExit);
                }
                else if (now - _armedAt >= _maxWaitMicroseconds)
                {
                    EndArming(PassEndReason.NoSignal);
                }
            }
            else if (_state == PassState.InPass)
            {
                if (!listening)
                {
                    _lastPulseAt = now;
                }

                if (!acquireMode)
                {
                    End(PassEndReason.ModeExit, now);
                }
                else if (now - _startedAt >= _timeoutMicroseconds)
                {
                    End(PassEndReason.Timeout, now);
                }
                else if (_mainLobeSeen && now - _lastPulseAt >= LossOfSignalMicroseconds)
                {
                    End(PassEndReason.LossOfSignal, now);
                }
            }
            else if (_state == PassState.ProductReady)
            {
                if (_computeDue || _computing)
                {
                    // Starts in a frame of its own: the frame that ended the pass already drained records.
                    if (now > _endedAt)
                    {
                        StepProducts();
                    }
                }
                else if (!_delivery.ProductsPending && !_delivery.ChunkPending && _raw.IsFinished)
                {
                    _state = PassState.Idle;
                }
            }
        }

        private void Collect(byte[] buffer, int offset, long now)
        {
            int slot;
            if (_windowCount < _startPulses)
            {
                slot = (_windowHead + _windowCount) % _startPulses;
                _windowCount++;
            }
            else
            {
                slot = _windowHead;
                _windowHead = (_windowHead + 1) % _startPulses;
                _outside++;
            }

            Array.Copy(buffer, offset, _window, slot * PulseRecord.Size, PulseRecord.Size);
            if (_windowCount < _startPulses)
            {
                return;
            }

            long oldest = PulseRecordCodec.ReadToaTicks(_window, _windowHead * PulseRecord.Size);
            long newest = PulseRecordCodec.ReadToaTicks(_window, slot * PulseRecord.Size);
            if (((newest - oldest) & ToaMask) <= _startWindowTicks)
            {
                Begin(oldest, now);
            }
        }

        private void Begin(long firstToa, long now)
        {
            _state = PassState.InPass;
            _startedAt = now;
            _firstToa = firstToa;
            _lastToa = firstToa;
            _lastPulseAt = now;
            _pulses = 0;
            _lossAtStart = LossCounter;
            _meanStarted = false;
            _mainLobeSeen = false;
            _hasProducts = false;
            _accumulator.Reset();
            _raw.Begin(_passNumber, _decimation);
            _events.Raise(AcquisitionDictionary.PassStartedEvent, _passNumber, firstToa / AcquisitionController.TicksPerMillisecond);
            int count = _windowCount;
            int head = _windowHead;
            _windowCount = 0;
            for (int i = 0; i < count && _state == PassState.InPass; i++)
            {
                Accept(_window, ((head + i) % _startPulses) * PulseRecord.Size, now);
            }
        }

        private void Accept(byte[] buffer, int offset, long now)
        {
            _accumulator.AddRecord(buffer, offset);
            _raw.Offer(buffer, offset);
            _pulses++;
            _lastToa = PulseRecordCodec.ReadToaTicks(buffer, offset);
            _lastPulseAt = now;
            if ((PulseRecordCodec.ReadFlags(buffer, offset) & PulseFlags.Overlapping) == 0)
            {
                Follow(PulseRecordCodec.ReadPeakCode(buffer, offset));
            }

            if (_accumulator.Count >= _capacity)
            {
                End(PassEndReason.Capacity, now);
            }
        }

        // Running mean of the peak codes over about 16 pulses, and whether it has fallen far enough below its maximum.
        private void Follow(int code)
        {
            long sampleQ4 = (long)code << 4;
            if (!_meanStarted)
            {
                _meanQ4 = sampleQ4;
                _maxMeanQ4 = sampleQ4;
                _meanStarted = true;
                return;
            }

            _meanQ4 += (sampleQ4 - _meanQ4) / 16;
            if (_meanQ4 > _maxMeanQ4)
            {
                _maxMeanQ4 = _meanQ4;
            }
            else if (!_mainLobeSeen && _maxMeanQ4 - _meanQ4 >= MainLobeDropCodesQ4)
            {
                _mainLobeSeen = true;
            }
        }

        private void EndArming(PassEndReason reason)
        {
            _endReason = reason;
            _outside += _windowCount;
            _windowCount = 0;
            _state = PassState.Idle;
            _events.Raise(AcquisitionDictionary.PassEndedEvent, (long)reason, 0, 0);
        }

        private void End(PassEndReason reason, long now)
        {
            _endReason = reason;
            _endedAt = now;
            _state = PassState.ProductReady;
            _computeDue = true;
            _raw.Finish();
            _events.Raise(AcquisitionDictionary.PassEndedEvent, (long)reason, _pulses, DurationMilliseconds());
        }

        private void StepProducts()
        {
            bool done;
            try
            {
                if (_computeDue)
                {
                    _computeDue = false;
                    _computing = true;
                    _computeFrames = 0;
                    // The trailer's counts are those of the frame after the end, as when products took one frame.
                    _lostInPass = LossCounter - _lossAtStart;
                    _rawDropped = _raw.Dropped;
                    _accumulator.BeginCompute(_groundSpeedMps, _slantRangeM, DetectorTemperatureCentiC);
                }

                _computeFrames++;
                done = _accumulator.Step(ComputeWorkPerFrame);
            }
            catch (Exception)
            {
                // Never out of a step: the raw records still go down and the ground computes the products itself.
                _computing = false;
                _accumulator.CancelCompute();
                _computeFailures++;
                return;
            }

            if (!done)
            {
                return;
            }

            _computing = false;
            _hasProducts = true;
            _delivery.QueueProducts(_passNumber, _accumulator.Products, _endReason, _radar, _raw.Decimation, _lostInPass, _rawDropped);
        }

        private long DurationMilliseconds()
        {
            return ((_lastToa - _firstToa) & ToaMask) / AcquisitionController.TicksPerMillisecond;
        }
    }
}
