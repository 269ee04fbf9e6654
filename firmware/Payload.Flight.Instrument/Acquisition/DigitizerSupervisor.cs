using System;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Events;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>FDIR of the pulse digitizer: brings it up at boot, detects its faults, recovers it by reset, and gives up after too many failed recoveries.</summary>
    /// <remarks>
    /// <para><b>Detection</b>, every frame while operational: the driver no longer responding (failed frames in a row), more
    /// than acq.fdir.crc_limit CRC errors within the last acq.fdir.crc_window_s seconds, the chip's configuration lost (it
    /// reset itself, or a configuration failed half way), DRDY stuck with an empty FIFO, or an exception from the bus.</para>
    /// <para><b>Recovery</b>: ACQ_DIGITIZER_FAULT, then nRESET pulsed, self-test, and the present configuration written and
    /// read back, in the same frame (about 30 register frames). Success: ACQ_DIGITIZER_RECOVERED. Failure: another attempt
    /// after the retry interval; after acq.fdir.max_recoveries failures in a row the digitizer is degraded
    /// (ACQ_DIGITIZER_DEGRADED, High), nothing touches it any more, and only ACQ_RESET starts a new bring-up.</para>
    /// <para>The boot bring-up is the same sequence; its failures count towards the same limit.</para>
    /// </remarks>
    public sealed class DigitizerSupervisor
    {
        /// <summary>Longest CRC window, seconds.</summary>
        public const int MaxCrcWindowSeconds = 60;

        private readonly DigitizerDriver _driver;
        private readonly IEventSink _events;
        private readonly long _retryMicroseconds;
        private readonly long[] _crcAtSecond = new long[MaxCrcWindowSeconds + 1];

        private DigitizerHealthState _state;
        private long _nextAttemptAt;
        private bool _recovering;
        private int _failuresInRow;
        private long _faults;
        private long _recoveries;
        private long _failedRecoveries;
        private DigitizerResult _lastResult;
        private DigitizerFaultReason _lastReason;
        private bool _exception;
        private long _seconds;
        private long _nextSecondAt;
        private bool _clockStarted;

        private int _threshold;
        private int _watermark;
        private long _maxLatencyTicks;
        private int _minWidthTicks;

        /// <summary>Creates the supervisor of <paramref name="driver"/> with the boot configuration; nothing touches the chip until <see cref="Run"/>.</summary>
        public DigitizerSupervisor(DigitizerDriver driver, IEventSink events, int threshold, int watermark, long maxLatencyTicks,
            int minWidthTicks, long retryMicroseconds)
        {
            if (driver == null)
            {
                throw new ArgumentNullException(nameof(driver));
            }

            _driver = driver;
            _events = events;
            _retryMicroseconds = retryMicroseconds;
            _threshold = threshold;
            _watermark = watermark;
            _maxLatencyTicks = maxLatencyTicks;
            _minWidthTicks = minWidthTicks;
            _state = DigitizerHealthState.BringUp;
        }

        /// <summary>The digitizer's state.</summary>
        public DigitizerHealthState State { get { return _state; } }

        /// <summary>True when blocks may be read.</summary>
        public bool IsOperational { get { return _state == DigitizerHealthState.Operational; } }

        /// <summary>True once FDIR has given up.</summary>
        public bool IsDegraded { get { return _state == DigitizerHealthState.Degraded; } }

        /// <summary>Faults detected since boot (bring-up failures included).</summary>
        public long Faults { get { return _faults; } }

        /// <summary>Successful recoveries since boot.</summary>
        public long Recoveries { get { return _recoveries; } }

        /// <summary>Failed recovery or bring-up attempts since boot.</summary>
        public long FailedRecoveries { get { return _failedRecoveries; } }

        /// <summary>Failed attempts since the last success.</summary>
        public int FailuresInRow { get { return _failuresInRow; } }

        /// <summary>The result of the last bring-up, recovery or configuration.</summary>
        public DigitizerResult LastResult { get { return _lastResult; } }

        /// <summary>The reason of the last fault.</summary>
        public DigitizerFaultReason LastReason { get { return _lastReason; } }

        /// <summary>Comparator threshold applied (or to apply), peak-code units.</summary>
        public int Threshold { get { return _threshold; } }

        /// <summary>FIFO watermark applied, records.</summary>
        public int Watermark { get { return _watermark; } }

        /// <summary>MAX_LATENCY applied, ticks.</summary>
        public long MaxLatencyTicks { get { return _maxLatencyTicks; } }

        /// <summary>MIN_WIDTH applied, ticks.</summary>
        public int MinWidthTicks { get { return _minWidthTicks; } }

        /// <summary>The bus threw during a read: treated as a fault at the next <see cref="Run"/>.</summary>
        public void NoteException()
        {
            _exception = true;
        }

        /// <summary>One frame: CRC bookkeeping, fault detection, and the bring-up or recovery attempt that is due.</summary>
        /// <param name="now">Board time, µs.</param>
        /// <param name="crcLimit">CRC errors allowed within the window.</param>
        /// <param name="crcWindowSeconds">The window, 1..<see cref="MaxCrcWindowSeconds"/> seconds.</param>
        /// <param name="maxFailures">Failed attempts in a row after which the digitizer is degraded.</param>
        public void Run(long now, long crcLimit, int crcWindowSeconds, int maxFailures)
        {
            TrackSeconds(now);
            switch (_state)
            {
                case DigitizerHealthState.Operational:
                    DigitizerFaultReason reason = Detect(crcLimit, crcWindowSeconds);
                    if (reason != DigitizerFaultReason.None)
                    {
                        _faults++;
                        _lastReason = reason;
                        _events.Raise(AcquisitionDictionary.DigitizerFaultEvent, (long)reason, Detail(reason, crcWindowSeconds), _faults);
                        _recovering = true;
                        Attempt(now, maxFailures);
                    }

                    break;
                case DigitizerHealthState.BringUp:
                case DigitizerHealthState.Recovering:
                    if (now >= _nextAttemptAt)
                    {
                        Attempt(now, maxFailures);
                    }

                    break;
                default:
                    break;
            }
        }

        /// <summary>ACQ_CONFIGURE: writes and verifies new settings; on failure the previous ones are written back (FDIR takes over if that fails too).</summary>
        public DigitizerResult Configure(int threshold, int watermark, long maxLatencyTicks, int minWidthTicks)
        {
            DigitizerResult result = _driver.Configure(threshold, watermark, maxLatencyTicks, minWidthTicks);
            _lastResult = result;
            if (result == DigitizerResult.Ok)
            {
                _threshold = threshold;
                _watermark = watermark;
                _maxLatencyTicks = maxLatencyTicks;
                _minWidthTicks = minWidthTicks;
                return result;
            }

            _driver.Configure(_threshold, _watermark, _maxLatencyTicks, _minWidthTicks);
            return result;
        }

        /// <summary>Makes these settings the configuration again and writes them (a verified configuration that could not be kept); if the write fails, FDIR finds the half-applied configuration and resets the chip with them.</summary>
        public void WriteBack(int threshold, int watermark, long maxLatencyTicks, int minWidthTicks)
        {
            _threshold = threshold;
            _watermark = watermark;
            _maxLatencyTicks = maxLatencyTicks;
            _minWidthTicks = minWidthTicks;
            try
            {
                _lastResult = _driver.Configure(threshold, watermark, maxLatencyTicks, minWidthTicks);
            }
            catch (Exception)
            {
                _exception = true;
            }
        }

        /// <summary>ACQ_RESET: a degraded digitizer gets a fresh bring-up at the next <see cref="Run"/>, with the full number of attempts.</summary>
        public void ClearDegraded()
        {
            if (_state == DigitizerHealthState.Degraded)
            {
                _state = DigitizerHealthState.BringUp;
                _failuresInRow = 0;
                _nextAttemptAt = 0;
                _recovering = true;
            }
        }

        private DigitizerFaultReason Detect(long crcLimit, int crcWindowSeconds)
        {
            if (_exception)
            {
                return DigitizerFaultReason.BusException;
            }

            if (!_driver.IsResponding)
            {
                return DigitizerFaultReason.NotResponding;
            }

            if (_driver.NeedsConfiguration)
            {
                return DigitizerFaultReason.ConfigurationLost;
            }

            if (CrcErrorsInWindow(crcWindowSeconds) > crcLimit)
            {
                return DigitizerFaultReason.CrcErrors;
            }

            return _driver.DataReadyStuckSuspected ? DigitizerFaultReason.StuckDataReady : DigitizerFaultReason.None;
        }

        private long Detail(DigitizerFaultReason reason, int crcWindowSeconds)
        {
            switch (reason)
            {
                case DigitizerFaultReason.NotResponding:
                    return _driver.ConsecutiveFailures;
                case DigitizerFaultReason.CrcErrors:
                    return CrcErrorsInWindow(crcWindowSeconds);
                case DigitizerFaultReason.ConfigurationLost:
                    return _driver.UnexpectedResets;
                case DigitizerFaultReason.StuckDataReady:
                    return _driver.EmptyReads;
                default:
                    return 0;
            }
        }

        private void Attempt(long now, int maxFailures)
        {
            DigitizerResult result;
            try
            {
                _driver.Reset();
                result = _driver.SelfTest();
                if (result == DigitizerResult.Ok)
                {
                    result = _driver.Configure(_threshold, _watermark, _maxLatencyTicks, _minWidthTicks);
                }
            }
            catch (Exception)
            {
                result = DigitizerResult.NoResponse;
            }

            _exception = false;
            _lastResult = result;
            if (result == DigitizerResult.Ok)
            {
                _state = DigitizerHealthState.Operational;
                if (_recovering)
                {
                    _recoveries++;
                    _events.Raise(AcquisitionDictionary.DigitizerRecoveredEvent, _failuresInRow + 1, _recoveries);
                }

                _recovering = false;
                _failuresInRow = 0;
                ForgetCrcHistory();
                return;
            }

            if (_state == DigitizerHealthState.BringUp && !_recovering)
            {
                // The first bring-up failure is the fault; its retries are recoveries.
                _faults++;
                _lastReason = DigitizerFaultReason.BringUpFailed;
                _events.Raise(AcquisitionDictionary.DigitizerFaultEvent, (long)DigitizerFaultReason.BringUpFailed, (long)result, _faults);
                _recovering = true;
            }

            _failuresInRow++;
            _failedRecoveries++;
            if (_failuresInRow >= maxFailures)
            {
                _state = DigitizerHealthState.Degraded;
                _events.Raise(AcquisitionDictionary.DigitizerDegradedEvent, (long)result, _failuresInRow);
                return;
            }

            _state = DigitizerHealthState.Recovering;
            _nextAttemptAt = now + _retryMicroseconds;
        }

        private void TrackSeconds(long now)
        {
            if (!_clockStarted)
            {
                _clockStarted = true;
                _nextSecondAt = now + 1000000;
                return;
            }

            if (now >= _nextSecondAt)
            {
                _crcAtSecond[(int)(_seconds % _crcAtSecond.Length)] = _driver.CrcErrors;
                _seconds++;
                _nextSecondAt += 1000000;
                if (_nextSecondAt <= now)
                {
                    // Frames were missed: the window restarts from here rather than catching up.
                    _nextSecondAt = now + 1000000;
                }
            }
        }

        private long CrcErrorsInWindow(int windowSeconds)
        {
            if (windowSeconds < 1)
            {
                windowSeconds = 1;
            }
            else if (windowSeconds > MaxCrcWindowSeconds)
            {
                windowSeconds = MaxCrcWindowSeconds;
            }

            int index = (int)((_seconds - windowSeconds) % _crcAtSecond.Length);
            if (index < 0)
            {
                index += _crcAtSecond.Length;
            }

            return _driver.CrcErrors - _crcAtSecond[index];
        }

        private void ForgetCrcHistory()
        {
            long now = _driver.CrcErrors;
            for (int i = 0; i < _crcAtSecond.Length; i++)
            {
                _crcAtSecond[i] = now;
            }
        }
    }
}
