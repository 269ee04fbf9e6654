using System;
using Payload.Flight.Commanding;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument.Health;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>The instrument's acquisition loop: DRDY-driven block reads, FDIR of the digitizer, the pass state machine, products and raw records to ST[13].</summary>
    /// <remarks>
    /// <para><b>Edge.</b> <see cref="OnEdge"/> (a DRDY falling edge) reads one block and nothing else, and only while DRDY is
    /// still low: on the ESP32 edges arrive up to a time slice late and merged, and one the frame step has already served
    /// would only read an empty burst.</para>
    /// <para><b>Frame</b> (<see cref="Run"/>, every minor frame, after the command dispatcher and before the ST[13] sender):
    /// FDIR; blocks while DRDY is low or the chip reports records left (at most <see cref="AcquisitionSettings.MaxBlocksPerFrame"/>);
    /// the driver's Poll and a TOA latch once per <see cref="AcquisitionSettings.PollIntervalMicroseconds"/>; up to
    /// <see cref="AcquisitionSettings.MaxRecordsPerFrame"/> records from the ring into the pass; the pass's time limits and
    /// products; one message offered to the downlink; parameters every <see cref="AcquisitionSettings.PublishIntervalFrames"/>.
    /// Nothing allocates and nothing throws out of a step: a bus exception is a digitizer fault for FDIR.</para>
    /// <para><b>TOA axis.</b> A digitizer reset restarts the chip's TOA counter. When FDIR recovers the chip during a pass,
    /// the TOA latched at the last poll and the board clock place the new counter on the pass's axis, and every record read
    /// afterwards is re-based in the ring before analysis (raw records go down re-based too); without a latch the pass ends
    /// with reason DIGITIZER_FAULT.</para>
    /// The board must serialise <see cref="OnEdge"/>, <see cref="Run"/> and the commands, as it does every FlightSoftware step.
    /// </remarks>
    public sealed class AcquisitionController : IPinEdgeHandler, IRateGroupMember
    {
        /// <summary>TOA ticks per millisecond (80 MHz).</summary>
        public const long TicksPerMillisecond = DigitizerChip.TicksPerSecond / 1000;

        private const long ToaMask = DigitizerChip.ToaMask;

        private readonly DigitizerDriver _driver;
        private readonly PulseRecordRing _ring;
        private readonly IInputPin _dataReady;
        private readonly ModeManager _modes;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;
        private readonly ParameterPersistence _persistence;
        private readonly AcquisitionSettings _settings;
        private readonly ProductSettings _productSettings;
        private readonly DigitizerSupervisor _supervisor;
        private readonly RawRecordStream _raw;
        private readonly ProductDelivery _delivery;
        private readonly PassStateMachine _pass;
        private readonly SnapshotCapture _snapshot;

        private readonly int _decimationIndex;
        private readonly int _startPulsesIndex;
        private readonly int _lossOfSignalIndex;
        private readonly int _mainLobeDropIndex;
        private readonly int _crcLimitIndex;
        private readonly int _crcWindowIndex;
        private readonly int _maxRecoveriesIndex;
        private readonly int _temperatureIndex;
        private readonly int _thresholdIndex;
        private readonly int _watermarkIndex;
        private readonly int _maxLatencyIndex;
        private readonly int _minWidthIndex;
        private readonly int[] _published;

        private long _now;
        private long _nextPollAt;
        private bool _polled;
        private bool _dirty = true;
        private bool _restarted;
        private long _edges;
        private long _edgeReads;
        private long _edgesSkipped;
        private long _frameReads;
        private long _ringHighWater;
        private long _ringOverflowsSeen;
        private long _chipLostSeen;
        private long _chipOverflowSeen;
        private long _chipLostTotal;
        private long _chipOverflowTotal;

        // TOA re-basing after a digitizer reset during a pass.
        private long _toaOffset;
        private bool _latchValid;
        private long _latchToa;
        private long _latchMicroseconds;

        /// <summary>Creates the loop over <paramref name="driver"/>, keeping ACQ_CONFIGURE's settings across resets through <paramref name="persistence"/>.</summary>
        /// <remarks>
        /// The digitizer's configuration comes from the persisted acq.cfg.* parameters, which <paramref name="parameters"/>
        /// must already hold (restored before this constructor runs); when none was ever saved, or the saved set is invalid
        /// for this build (ACQ_CONFIG_REFUSED), from <paramref name="settings"/>. The boot bring-up and every FDIR recovery
        /// apply it. Nothing touches the digitizer before the first <see cref="Run"/>, which brings it up.
        /// </remarks>
        /// <param name="driver">The digitizer driver (its ring is the record ring).</param>
        /// <param name="dataReady">The DRDY line, active low.</param>
        /// <param name="modes">The payload's mode: a pass runs only in ACQUIRE.</param>
        /// <param name="downlink">ST[13] for products, raw records and snapshots; its capacity must be at least <see cref="AcquisitionSettings.MaxMessageLength"/>.</param>
        /// <param name="events">Event sink.</param>
        /// <param name="parameters">Parameter table holding <see cref="AcquisitionDictionary"/>'s parameters (and, if declared, hkadc.det_temp).</param>
        /// <param name="persistence">Saves the persisted parameters after ACQ_CONFIGURE.</param>
        /// <param name="productSettings">Pass products settings (pulse capacity, detector scale).</param>
        /// <param name="settings">Work bounds, buffer sizes, the digitizer's boot configuration.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A work bound or interval of <paramref name="settings"/> is below 1, or a buffer size is invalid.</exception>
        /// <exception cref="ArgumentException">A parameter of <see cref="AcquisitionDictionary"/> is not declared.</exception>
        public AcquisitionController(DigitizerDriver driver, IInputPin dataReady, ModeManager modes, IProductDownlink downlink,
            IEventSink events, ParameterTable parameters, ParameterPersistence persistence, ProductSettings productSettings,
            AcquisitionSettings settings)
        {
            if (driver == null) throw new ArgumentNullException(nameof(driver));
            if (dataReady == null) throw new ArgumentNullException(nameof(dataReady));
            if (modes == null) throw new ArgumentNullException(nameof(modes));
            if (events == null) throw new ArgumentNullException(nameof(events));
            if (parameters == null) throw new ArgumentNullException(nameof(parameters));
            if (persistence == null) throw new ArgumentNullException(nameof(persistence));
            if (productSettings == null) throw new ArgumentNullException(nameof(productSettings));
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (settings.MaxBlocksPerFrame < 1 || settings.MaxRecordsPerFrame < 1 || settings.PublishIntervalFrames < 1
                || settings.PollIntervalMicroseconds < 1 || settings.RecoveryIntervalMicroseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(settings));
            }

            _driver = driver;
            _ring = driver.Ring;
            _dataReady = dataReady;
            _modes = modes;
            _events = events;
            _parameters = parameters;
            _persistence = persistence;
            _settings = settings;
            _productSettings = productSettings;
            _thresholdIndex = Require(AcquisitionDictionary.ThresholdParameter);
            _watermarkIndex = Require(AcquisitionDictionary.WatermarkParameter);
            _maxLatencyIndex = Require(AcquisitionDictionary.MaxLatencyParameter);
            _minWidthIndex = Require(AcquisitionDictionary.MinWidthParameter);
            _supervisor = BootSupervisor();
            _raw = new RawRecordStream(settings.RawCapacityRecords, settings.RawChunkRecords);
            _delivery = new ProductDelivery(downlink, events, _raw);
            _pass = new PassStateMachine(new PassAccumulator(productSettings), productSettings.PulseCapacity, _raw, _delivery, events);
            _snapshot = new SnapshotCapture(driver, _delivery);

            _decimationIndex = Require(AcquisitionDictionary.RawDecimationParameter);
            _startPulsesIndex = Require(AcquisitionDictionary.StartPulsesParameter);
            _lossOfSignalIndex = Require(AcquisitionDictionary.LossOfSignalParameter);
            _mainLobeDropIndex = Require(AcquisitionDictionary.MainLobeDropParameter);
            _crcLimitIndex = Require(AcquisitionDictionary.CrcLimitParameter);
            _crcWindowIndex = Require(AcquisitionDictionary.CrcWindowParameter);
            _maxRecoveriesIndex = Require(AcquisitionDictionary.MaxRecoveriesParameter);
            _temperatureIndex = parameters.IndexOf(HousekeepingAdcMap.DetectorTemperatureParameter);
            _published = new int[PublishedIds.Length];
            for (int i = 0; i < PublishedIds.Length; i++)
            {
                _published[i] = Require(PublishedIds[i]);
            }
        }

        // The order of Publish's values.
        private static readonly ushort[] PublishedIds = new ushort[]
        {
            AcquisitionDictionary.StateParameter, AcquisitionDictionary.PassNumberParameter, AcquisitionDictionary.PassPulsesParameter,
            AcquisitionDictionary.BlocksReadParameter, AcquisitionDictionary.RecordsReadParameter, AcquisitionDictionary.CrcErrorsParameter,
            AcquisitionDictionary.FrameErrorsParameter, AcquisitionDictionary.ReReadsParameter, AcquisitionDictionary.DroppedBlocksParameter,
            AcquisitionDictionary.RecordsLostParameter, AcquisitionDictionary.RingOverflowsParameter, AcquisitionDictionary.ChipOverflowsParameter,
            AcquisitionDictionary.ChipLostParameter, AcquisitionDictionary.MissedDataReadyParameter, AcquisitionDictionary.EdgeReadsParameter,
            AcquisitionDictionary.FrameReadsParameter, AcquisitionDictionary.RingHighWaterParameter, AcquisitionDictionary.OutsidePassParameter,
            AcquisitionDictionary.EdgesSkippedParameter,
            AcquisitionDictionary.DigitizerStateParameter, AcquisitionDictionary.DegradedParameter, AcquisitionDictionary.FaultsParameter,
            AcquisitionDictionary.RecoveriesParameter, AcquisitionDictionary.FailedRecoveriesParameter, AcquisitionDictionary.ResetsParameter,
            AcquisitionDictionary.UnexpectedResetsParameter, AcquisitionDictionary.LastResultParameter, AcquisitionDictionary.ThresholdParameter,
            AcquisitionDictionary.WatermarkParameter, AcquisitionDictionary.MaxLatencyParameter, AcquisitionDictionary.MinWidthParameter,
            AcquisitionDictionary.NoResponsesParameter,
            AcquisitionDictionary.RawQueuedParameter, AcquisitionDictionary.RawDroppedParameter, AcquisitionDictionary.RawChunksParameter,
            AcquisitionDictionary.DownlinkRefusedParameter, AcquisitionDictionary.LastTransactionParameter,
            AcquisitionDictionary.LastEndReasonParameter, AcquisitionDictionary.LastPulsesParameter, AcquisitionDictionary.LastValidityParameter,
            AcquisitionDictionary.LastPeakToaParameter, AcquisitionDictionary.LastBeamwidthParameter, AcquisitionDictionary.LastPrfParameter,
            AcquisitionDictionary.LastMissedPulsesParameter, AcquisitionDictionary.LastProductsTransactionParameter,
            AcquisitionDictionary.LastPeakLevelParameter, AcquisitionDictionary.SnapshotsParameter, AcquisitionDictionary.SnapshotCaptureParameter,
        };

        /// <summary>The digitizer driver.</summary>
        public DigitizerDriver Driver { get { return _driver; } }

        /// <summary>The digitizer's FDIR.</summary>
        public DigitizerSupervisor Supervisor { get { return _supervisor; } }

        /// <summary>The pass state machine.</summary>
        public PassStateMachine Pass { get { return _pass; } }

        /// <summary>The raw records of the present or last pass.</summary>
        public RawRecordStream Raw { get { return _raw; } }

        /// <summary>The messages on their way to ST[13].</summary>
        public ProductDelivery Delivery { get { return _delivery; } }

        /// <summary>The snapshot capture.</summary>
        public SnapshotCapture Snapshot { get { return _snapshot; } }

        /// <summary>DRDY falling edges handed to <see cref="OnEdge"/>.</summary>
        public long Edges { get { return _edges; } }

        /// <summary>Blocks read on edges.</summary>
        public long EdgeReads { get { return _edgeReads; } }

        /// <summary>Edges that found DRDY already released.</summary>
        public long EdgesSkipped { get { return _edgesSkipped; } }

        /// <summary>Blocks read by the frame step.</summary>
        public long FrameReads { get { return _frameReads; } }

        /// <summary>Records lost in the chip since boot (LOST_COUNT summed across chip resets).</summary>
        public long ChipLostTotal { get { return _chipLostTotal; } }

        /// <summary>Ticks added to the chip's TOA to place records on the present pass's axis (0 unless the chip was reset during the pass).</summary>
        public long ToaOffset { get { return _toaOffset; } }

        /// <summary>Step: a DRDY edge; a falling one reads one block if DRDY is still low and the digitizer is operational.</summary>
        public void OnEdge(int pin, bool rising, long nowMicroseconds)
        {
            if (rising)
            {
                return;
            }

            _edges++;
            _now = nowMicroseconds;
            if (!_supervisor.IsOperational)
            {
                return;
            }

            try
            {
                if (_dataReady.Read())
                {
                    _edgesSkipped++;
                    return;
                }

                ReadBlock(nowMicroseconds);
                _edgeReads++;
            }
            catch (Exception)
            {
                _supervisor.NoteException();
            }
        }

        /// <summary>Step: one minor frame of the acquisition (see the class remarks).</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            _now = nowMicroseconds;
            Supervise(nowMicroseconds);
            if (_supervisor.IsOperational)
            {
                try
                {
                    ReadWhileReady(nowMicroseconds);
                    if (!_polled || nowMicroseconds >= _nextPollAt)
                    {
                        Poll(nowMicroseconds);
                    }
                }
                catch (Exception)
                {
                    _supervisor.NoteException();
                }
            }

            Drain(nowMicroseconds);
            _pass.LossOfSignalMicroseconds = _parameters.ValueAt(_lossOfSignalIndex) * 1000;
            _pass.MainLobeDropCodesQ4 = _productSettings.CodesQ4FromMilliDb(_parameters.ValueAt(_mainLobeDropIndex));
            _pass.DetectorTemperatureCentiC = _temperatureIndex < 0 ? 0 : (int)_parameters.ValueAt(_temperatureIndex);
            _pass.LossCounter = _driver.RecordsLost + _driver.RingOverflows + _chipLostTotal;
            PassState before = _pass.State;
            _pass.Run(nowMicroseconds, _modes.Current == Mode.Acquire, _supervisor.IsOperational);
            try
            {
                _delivery.Run();
            }
            catch (Exception)
            {
                // The downlink threw: the message stays queued and is offered again next frame (ACQ_RESET drops it).
            }
            if (_pass.State != before)
            {
                _dirty = true;
            }

            if (_dirty || frame % _settings.PublishIntervalFrames == 0)
            {
                Publish();
            }
        }

        /// <summary>ACQ_ARM; <see cref="FailureCode.None"/> when armed, else why not, with <paramref name="data"/> for the report.</summary>
        public FailureCode Arm(int maxWaitSeconds, int passTimeoutSeconds, ExpectedRadar radar, int prfHintHz, int slantRangeKm, out long data)
        {
            data = 0;
            if (_modes.Current != Mode.Acquire)
            {
                data = (long)_modes.Current;
                return FailureCode.WrongMode;
            }

            if (prfHintHz != 0 && prfHintHz < AcquisitionDictionary.MinPrfHintHz)
            {
                data = 3;
                return FailureCode.IllegalArgument;
            }

            if (!_supervisor.IsOperational)
            {
                data = (long)_supervisor.State;
                return FailureCode.Disabled;
            }

            if (_pass.State != PassState.Idle)
            {
                data = (long)_pass.State;
                return FailureCode.Busy;
            }

            int prf = prfHintHz != 0 ? prfHintHz : RadarPreset.NominalPrfHz(radar);
            int startPulses = (int)_parameters.ValueAt(_startPulsesIndex);
            long window = (long)startPulses * 3 * DigitizerChip.TicksPerSecond / (2L * prf);
            int slantRange = slantRangeKm != 0 ? slantRangeKm * 1000 : RadarPreset.SlantRangeM(radar);
            _toaOffset = 0;
            _latchValid = false;
            _pass.Arm(_now, maxWaitSeconds * 1000000L, passTimeoutSeconds * 1000000L, startPulses, window, radar,
                RadarPreset.GroundSpeedMps(radar), slantRange, (int)_parameters.ValueAt(_decimationIndex));
            // Latch the TOA at the next frame, so a reset early in the pass can still be placed on its axis.
            _polled = false;
            _dirty = true;
            return FailureCode.None;
        }

        /// <summary>ACQ_STOP: ends the pass (products follow) or disarms; nothing when idle.</summary>
        public void Stop()
        {
            _pass.Stop(_now);
            _dirty = true;
        }

        /// <summary>ACQ_RESET: idle at once, products, raw records and snapshot discarded; a degraded digitizer gets a new bring-up.</summary>
        public void ResetAcquisition()
        {
            _pass.Reset();
            _snapshot.Cancel();
            _supervisor.ClearDegraded();
            _dirty = true;
        }

        /// <summary>ACQ_CONFIGURE; <see cref="FailureCode.None"/> when applied, verified and saved.</summary>
        /// <remarks>
        /// The settings are kept (acq.cfg.*, saved with the other persisted parameters) only once the read-back verified
        /// them; if the save fails the previous settings are written back and kept, so the chip, the parameters and the
        /// storage never disagree (ExecutionError, data <see cref="AcquisitionDictionary.NotSavedData"/>).
        /// </remarks>
        public FailureCode Configure(int threshold, int watermark, long maxLatencyTicks, int minWidthTicks, out long data)
        {
            data = 0;
            int field = AcquisitionConfiguration.Check(threshold, watermark, maxLatencyTicks, minWidthTicks, _driver.BlockRecords);
            if (field != AcquisitionConfiguration.Valid)
            {
                data = field;
                return FailureCode.IllegalArgument;
            }

            if (_pass.IsActive)
            {
                data = (long)_pass.State;
                return FailureCode.Busy;
            }

            if (!_supervisor.IsOperational)
            {
                data = (long)_supervisor.State;
                return FailureCode.Disabled;
            }

            DigitizerResult result;
            try
            {
                result = _supervisor.Configure(threshold, watermark, maxLatencyTicks, minWidthTicks);
            }
            catch (Exception)
            {
                _supervisor.NoteException();
                result = DigitizerResult.NoResponse;
            }

            _dirty = true;
            data = (long)result;
            if (result != DigitizerResult.Ok)
            {
                return FailureCode.ExecutionError;
            }

            if (!Keep(threshold, watermark, maxLatencyTicks, minWidthTicks))
            {
                data = AcquisitionDictionary.NotSavedData;
                return FailureCode.ExecutionError;
            }

            return FailureCode.None;
        }

        /// <summary>ACQ_SELF_TEST; <see cref="FailureCode.None"/> when the ID and SCRATCH checks pass, else ExecutionError with the result.</summary>
        public FailureCode SelfTest(out long data)
        {
            data = 0;
            if (_pass.IsActive)
            {
                data = (long)_pass.State;
                return FailureCode.Busy;
            }

            DigitizerResult result;
            try
            {
                result = _driver.SelfTest();
            }
            catch (Exception)
            {
                _supervisor.NoteException();
                result = DigitizerResult.NoResponse;
            }

            data = (long)result;
            _dirty = true;
            return result == DigitizerResult.Ok ? FailureCode.None : FailureCode.ExecutionError;
        }

        /// <summary>ACQ_SET_RAW_DECIMATION: N for the next passes (0: no raw records).</summary>
        public void SetRawDecimation(int decimation)
        {
            _parameters.SetAt(_decimationIndex, decimation);
        }

        /// <summary>ACQ_SNAPSHOT start; <see cref="FailureCode.None"/> when armed.</summary>
        public FailureCode StartSnapshot(int pulseIndex, out long data)
        {
            data = 0;
            if (_snapshot.IsBusy)
            {
                return FailureCode.Busy;
            }

            if (!_supervisor.IsOperational)
            {
                data = (long)_supervisor.State;
                return FailureCode.Disabled;
            }

            DigitizerResult result;
            try
            {
                result = _snapshot.Arm(pulseIndex);
            }
            catch (Exception)
            {
                _supervisor.NoteException();
                result = DigitizerResult.NoResponse;
            }

            data = (long)result;
            return result == DigitizerResult.Ok ? FailureCode.None : FailureCode.ExecutionError;
        }

        /// <summary>ACQ_SNAPSHOT, each following frame: <see cref="SnapshotCapture.Running"/>, Completed or Failed (then <paramref name="data"/>).</summary>
        public int ContinueSnapshot(out long data)
        {
            int outcome;
            try
            {
                outcome = _snapshot.Continue(_pass.PassNumber, _supervisor.IsOperational);
            }
            catch (Exception)
            {
                _supervisor.NoteException();
                _snapshot.Cancel();
                data = SnapshotCapture.ReadFailed;
                return SnapshotCapture.Failed;
            }

            data = _snapshot.FailureData;
            if (outcome != SnapshotCapture.Running)
            {
                _dirty = true;
            }

            return outcome;
        }

        /// <summary>ACQ_SNAPSHOT timed out: the capture is abandoned.</summary>
        public void CancelSnapshot()
        {
            _snapshot.Cancel();
        }

        // The configuration the digitizer boots with: the persisted one if it passes ACQ_CONFIGURE's checks today, else the
        // build's defaults (and an event, since the ground believes another configuration is in force).
        private DigitizerSupervisor BootSupervisor()
        {
            int threshold = _settings.Threshold;
            int watermark = _settings.Watermark;
            long maxLatency = _settings.MaxLatencyTicks;
            int minWidth = _settings.MinWidthTicks;
            long storedThreshold = _parameters.ValueAt(_thresholdIndex);
            long storedWatermark = _parameters.ValueAt(_watermarkIndex);
            long storedMaxLatency = _parameters.ValueAt(_maxLatencyIndex);
            long storedMinWidth = _parameters.ValueAt(_minWidthIndex);
            bool neverConfigured = storedThreshold == 0 && storedWatermark == 0 && storedMaxLatency == 0 && storedMinWidth == 0;
            if (!neverConfigured)
            {
                int field = AcquisitionConfiguration.Check(storedThreshold, storedWatermark, storedMaxLatency, storedMinWidth, _driver.BlockRecords);
                if (field == AcquisitionConfiguration.Valid)
                {
                    threshold = (int)storedThreshold;
                    watermark = (int)storedWatermark;
                    maxLatency = storedMaxLatency;
                    minWidth = (int)storedMinWidth;
                }
                else
                {
                    long value = field == AcquisitionConfiguration.ThresholdField ? storedThreshold
                        : field == AcquisitionConfiguration.WatermarkField ? storedWatermark
                        : field == AcquisitionConfiguration.MaxLatencyField ? storedMaxLatency : storedMinWidth;
                    _events.Raise(AcquisitionDictionary.ConfigurationRefusedEvent, field, value);
                }
            }

            // The invalid set stays in storage until the next ACQ_CONFIGURE (or parameter save): rewriting it at every boot
            // would wear the flash, and the event repeats at every boot until the ground acts.
            SetConfigured(threshold, watermark, maxLatency, minWidth);
            return new DigitizerSupervisor(_driver, _events, threshold, watermark, maxLatency, minWidth, _settings.RecoveryIntervalMicroseconds);
        }

        // After a verified configuration: keep it in the persisted parameters and save them; false (and the previous
        // configuration back on the chip and in the parameters) when the save failed.
        private bool Keep(int threshold, int watermark, long maxLatencyTicks, int minWidthTicks)
        {
            int oldThreshold = (int)_parameters.ValueAt(_thresholdIndex);
            int oldWatermark = (int)_parameters.ValueAt(_watermarkIndex);
            long oldMaxLatency = _parameters.ValueAt(_maxLatencyIndex);
            int oldMinWidth = (int)_parameters.ValueAt(_minWidthIndex);
            SetConfigured(threshold, watermark, maxLatencyTicks, minWidthTicks);
            if (_persistence.Save(_parameters))
            {
                return true;
            }

            SetConfigured(oldThreshold, oldWatermark, oldMaxLatency, oldMinWidth);
            _supervisor.WriteBack(oldThreshold, oldWatermark, oldMaxLatency, oldMinWidth);
            return false;
        }

        private void SetConfigured(int threshold, int watermark, long maxLatencyTicks, int minWidthTicks)
        {
            _parameters.SetAt(_thresholdIndex, threshold);
            _parameters.SetAt(_watermarkIndex, watermark);
            _parameters.SetAt(_maxLatencyIndex, maxLatencyTicks);
            _parameters.SetAt(_minWidthIndex, minWidthTicks);
        }

        private void Supervise(long now)
        {
            DigitizerHealthState before = _supervisor.State;
            long resets = _driver.Resets;
            _supervisor.Run(now, _parameters.ValueAt(_crcLimitIndex), (int)_parameters.ValueAt(_crcWindowIndex),
                (int)_parameters.ValueAt(_maxRecoveriesIndex));
            if (_driver.Resets != resets)
            {
                // The chip's counters and its TOA counter restarted with it; the records of the reset are lost.
                _chipLostSeen = 0;
                _chipOverflowSeen = 0;
                _restarted = true;
                _dirty = true;
            }

            DigitizerHealthState after = _supervisor.State;
            if (after != before)
            {
                _dirty = true;
            }

            if (after == DigitizerHealthState.Degraded)
            {
                if (before != DigitizerHealthState.Degraded)
                {
                    _pass.Abort(PassEndReason.DigitizerFault, now);
                    _snapshot.Cancel();
                }

                _restarted = false;
            }
            else if (_restarted && after == DigitizerHealthState.Operational)
            {
                _restarted = false;
                if (_pass.IsActive)
                {
                    Rebase(now);
                }
            }
        }

        // The chip's TOA counter restarted: place it on the pass's axis.
        private void Rebase(long now)
        {
            _pass.OnDigitizerRestarted();
            if (_pass.State == PassState.Armed)
            {
                _toaOffset = 0;
                _latchValid = false;
                return;
            }

            long toa;
            bool latched;
            try
            {
                latched = _driver.TryLatchToa(out toa);
            }
            catch (Exception)
            {
                latched = false;
                toa = 0;
            }

            if (!_latchValid || !latched)
            {
                _pass.Abort(PassEndReason.DigitizerFault, now);
                return;
            }

            long passAxisNow = _latchToa + (now - _latchMicroseconds) * DigitizerChip.TicksPerMicrosecond;
            _toaOffset = passAxisNow - toa;
            _latchToa = passAxisNow;
            _latchMicroseconds = now;
        }

        private void ReadWhileReady(long now)
        {
            if (_dataReady.Read())
            {
                return;
            }

            // DRDY low: read; then go on while the chip says records are left (DRDY is released for 1 µs after each burst).
            for (int block = 0; block < _settings.MaxBlocksPerFrame; block++)
            {
                DigitizerBlockResult result = ReadBlock(now);
                _frameReads++;
                if ((result != DigitizerBlockResult.Records && result != DigitizerBlockResult.Recovered) || _driver.LastRemaining == 0)
                {
                    return;
                }
            }
        }

        private DigitizerBlockResult ReadBlock(long now)
        {
            long appended = _ring.Appended;
            DigitizerBlockResult result = _driver.OnDataReady(now);
            if (_toaOffset != 0)
            {
                RebaseAppended(appended);
            }

            return result;
        }

        private void Poll(long now)
        {
            long appended = _ring.Appended;
            _driver.Poll(now);
            if (_toaOffset != 0)
            {
                RebaseAppended(appended);
            }

            _nextPollAt = (_polled ? _nextPollAt : now) + _settings.PollIntervalMicroseconds;
            if (_nextPollAt <= now)
            {
                _nextPollAt = now + _settings.PollIntervalMicroseconds;
            }

            _polled = true;
            NoteOverflows();
            if (_pass.IsActive)
            {
                long toa;
                if (_driver.TryLatchToa(out toa))
                {
                    _latchToa = (toa + _toaOffset) & ToaMask;
                    _latchMicroseconds = now;
                    _latchValid = true;
                }
            }
        }

        private void RebaseAppended(long appendedBefore)
        {
            int added = (int)(_ring.Appended - appendedBefore);
            int first = _ring.Count - added;
            byte[] buffer = _ring.Buffer;
            for (int i = 0; i < added; i++)
            {
                int offset = _ring.OffsetOf(first + i);
                long toa = PulseRecordCodec.ReadToaTicks(buffer, offset);
                BigEndian.WriteUInt48(buffer, offset + PulseRecord.ToaOffset, (toa + _toaOffset) & ToaMask);
            }
        }

        private void NoteOverflows()
        {
            long ring = _driver.RingOverflows;
            if (ring != _ringOverflowsSeen)
            {
                _events.Raise(AcquisitionDictionary.OverflowEvent, AcquisitionDictionary.RingOverflowSource, ring - _ringOverflowsSeen, ring);
                _ringOverflowsSeen = ring;
            }

            long lost = _driver.ChipLostCount;
            long lostDelta = lost >= _chipLostSeen ? lost - _chipLostSeen : lost;
            _chipLostSeen = lost;
            long overflows = _driver.ChipOverflowCount;
            _chipOverflowTotal += overflows >= _chipOverflowSeen ? overflows - _chipOverflowSeen : overflows;
            _chipOverflowSeen = overflows;
            if (lostDelta > 0)
            {
                _chipLostTotal += lostDelta;
                _events.Raise(AcquisitionDictionary.OverflowEvent, AcquisitionDictionary.ChipOverflowSource, lostDelta, _chipLostTotal);
            }
        }

        private void Drain(long now)
        {
            int held = _ring.Count;
            if (held > _ringHighWater)
            {
                _ringHighWater = held;
            }

            int count = held < _settings.MaxRecordsPerFrame ? held : _settings.MaxRecordsPerFrame;
            byte[] buffer = _ring.Buffer;
            for (int i = 0; i < count; i++)
            {
                _pass.OnRecord(buffer, _ring.OffsetOf(i), now);
            }

            _ring.Discard(count);
        }

        private void Publish()
        {
            _dirty = false;
            int i = 0;
            Set(ref i, (long)_pass.State);
            Set(ref i, _pass.PassNumber);
            Set(ref i, _pass.Pulses);
            Set(ref i, _driver.BlocksRead);
            Set(ref i, _driver.RecordsRead);
            Set(ref i, _driver.CrcErrors);
            Set(ref i, _driver.FrameErrors);
            Set(ref i, _driver.ReReads);
            Set(ref i, _driver.DroppedBlocks);
            Set(ref i, _driver.RecordsLost);
            Set(ref i, _driver.RingOverflows);
            Set(ref i, _chipOverflowTotal);
            Set(ref i, _chipLostTotal);
            Set(ref i, _driver.MissedDataReady);
            Set(ref i, _edgeReads);
            Set(ref i, _frameReads);
            Set(ref i, _ringHighWater);
            Set(ref i, _pass.RecordsOutsidePass);
            Set(ref i, _edgesSkipped);
            Set(ref i, (long)_supervisor.State);
            Set(ref i, _supervisor.IsDegraded ? 1 : 0);
            Set(ref i, _supervisor.Faults);
            Set(ref i, _supervisor.Recoveries);
            Set(ref i, _supervisor.FailedRecoveries);
            Set(ref i, _driver.Resets);
            Set(ref i, _driver.UnexpectedResets);
            Set(ref i, (long)_supervisor.LastResult);
            Set(ref i, _supervisor.Threshold);
            Set(ref i, _supervisor.Watermark);
            Set(ref i, _supervisor.MaxLatencyTicks);
            Set(ref i, _supervisor.MinWidthTicks);
            Set(ref i, _driver.NoResponses);
            Set(ref i, _raw.Queued);
            Set(ref i, _raw.Dropped);
            Set(ref i, _delivery.ChunksSent);
            Set(ref i, _delivery.Refused);
            Set(ref i, _delivery.LastTransaction);
            Set(ref i, (long)_pass.LastEndReason);
            if (_pass.HasProducts)
            {
                PassProducts products = _pass.Products;
                Set(ref i, products.PulseCount);
                Set(ref i, products.Validity);
                Set(ref i, products.PeakToa / TicksPerMillisecond);
                Set(ref i, products.BeamwidthMicroDeg / 1000);
                Set(ref i, products.PrfMilliHz);
                Set(ref i, products.MissedPulses);
                Set(ref i, _delivery.ProductsTransaction);
                Set(ref i, products.PeakMilliDbm);
            }
            else
            {
                i += 8;
            }

            Set(ref i, _snapshot.Captures);
            Set(ref i, _snapshot.LastCaptureNumber);
        }

        private void Set(ref int position, long value)
        {
            _parameters.SetAt(_published[position], value);
            position++;
        }

        private int Require(ushort id)
        {
            int index = _parameters.IndexOf(id);
            if (index < 0) throw new ArgumentException("parameter " + id.ToString() + " is not declared");
            return index;
        }
    }
}
