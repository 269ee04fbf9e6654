using System;
using Payload.Flight.Hardware;
using Payload.Flight.Protocol;

namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Flight driver of the pulse digitizer: configuration, self-test, reset, DRDY-driven FIFO block reads into a <see cref="PulseRecordRing"/>, snapshots.</summary>
    /// <remarks>
    /// Every buffer is allocated by the constructor; no method allocates afterwards. The acquisition path
    /// (<see cref="OnDataReady"/>) is one SPI transfer per block: a burst of fixed length (MAX = the block size) whose
    /// header says how many records are valid, checked by echo, count and CRC, then copied whole into the ring.
    /// Nothing is parsed per record here; analysis reads the ring.
    ///
    /// Re-read rule. A damaged burst (CRC, echo, count, or no response) is counted, then read once more with
    /// FIFO_REPEAT, which returns the last block the chip committed without popping anything:
    /// <list type="bullet">
    /// <item>the repeat holds the block that follows the last one accepted (its FIRST is the next expected index):
    /// the damaged burst had popped it, and it is appended now (<see cref="DigitizerBlockResult.Recovered"/>);</item>
    /// <item>the repeat holds the last block already accepted (FIRST + COUNT is the next expected index): the damaged
    /// burst popped nothing, the records are still in the FIFO and DRDY asserts again
    /// (<see cref="DigitizerBlockResult.NotCommitted"/>);</item>
    /// <item>the repeat is damaged too: the block is dropped (<see cref="DroppedBlocks"/>). Whatever it held is
    /// counted in <see cref="RecordsLost"/> at the next good burst, whose FIRST is then ahead of the expected index by
    /// exactly the records popped and never received.</item>
    /// </list>
    /// So a record the chip produced is either appended, refused by a full ring (<see cref="PulseRecordRing.Overflowed"/>),
    /// counted lost here, or counted lost in the chip (LOST_COUNT, read by <see cref="Poll"/>): never silently gone.
    ///
    /// Health for FDIR: <see cref="ConsecutiveFailures"/> counts damaged or unanswered frames in a row (any good frame
    /// clears it); <see cref="IsResponding"/> is false once it reaches the failure limit. <see cref="NeedsConfiguration"/>
    /// turns true when a frame's status shows the chip reset itself. Recovery is <see cref="Reset"/> then
    /// <see cref="Reconfigure"/>; the rule that triggers it belongs to FDIR.
    /// </remarks>
    public sealed class DigitizerDriver
    {
        /// <summary>Default for how many failed frames in a row make <see cref="IsResponding"/> false.</summary>
        public const int DefaultFailureLimit = 3;

        /// <summary>Default ring capacity in records (96 KiB of records).</summary>
        public const int DefaultRingCapacity = 8192;

        /// <summary>Default block size in records (a 779-octet burst, 312 µs at 20 MHz).</summary>
        public const int DefaultBlockRecords = 64;

        /// <summary>Empty bursts in a row after which <see cref="DataReadyStuckSuspected"/> turns true.</summary>
        public const int StuckDataReadyLimit = 8;

        /// <summary>The first SCRATCH pattern of the self-test; the second is its complement, so every data bit is driven both ways.</summary>
        public const long ScratchPattern = 0xA55A3CC3L;

        private const int IndexMask = 0xFFFF;
        private const int HalfIndexRange = 0x8000;

        private readonly ISpiDevice _spi;
        private readonly IOutputPin _reset;
        private readonly PulseRecordRing _ring;
        private readonly int _blockRecords;
        private readonly int _burstLength;
        private readonly int _snapshotLength;
        private readonly int _failureLimit;
        private readonly byte[] _fifoCommand;
        private readonly byte[] _repeatCommand;
        private readonly byte[] _snapshotCommand;
        private readonly byte[] _response;
        private readonly byte[] _registerCommand;
        private readonly byte[] _registerResponse;

        private int _threshold;
        private int _watermark;
        private long _maxLatencyTicks;
        private int _minWidthTicks;
        private bool _hasConfiguration;
        private bool _needsConfiguration;

        private bool _synchronised;
        private int _expectedFirst;
        private int _lastRemaining;
        private DigitizerStatusBits _lastStatus;
        private int _consecutiveFailures;
        private int _consecutiveEmpty;

        private long _dataReadyCalls;
        private long _lastDataReadyMicroseconds;
        private long _dataReadyCallsAtPoll;
        private long _lastPollMicroseconds;
        private int _levelAtPoll;
        private bool _polled;

        private long _blocksRead;
        private long _recordsRead;
        private long _crcErrors;
        private long _frameErrors;
        private long _noResponses;
        private long _reReads;
        private long _recovered;
        private long _notCommitted;
        private long _droppedBlocks;
        private long _recordsLost;
        private long _sequenceErrors;
        private long _emptyReads;
        private long _missedDataReady;
        private long _resets;
        private long _unexpectedResets;
        private long _chipOverflowCount;
        private long _chipLostCount;
        private long _chipId;

        /// <summary>Creates a driver with the default failure limit; see the full constructor.</summary>
        public DigitizerDriver(ISpiDevice spi, IOutputPin reset, int blockRecords, int ringCapacity)
            : this(spi, reset, blockRecords, ringCapacity, DefaultFailureLimit)
        {
        }

        /// <summary>Creates a driver that reads blocks of up to <paramref name="blockRecords"/> records into a ring of <paramref name="ringCapacity"/> records.</summary>
        /// <param name="spi">The digitizer on VSPI CS0 (mode 0, up to 20 MHz, full duplex).</param>
        /// <param name="reset">The active-low nRESET line; high (released) while the chip runs.</param>
        /// <param name="blockRecords">MAX of every FIFO burst, 1..1024: each burst is 11 + 12 × this octets, whatever it holds.</param>
        /// <param name="ringCapacity">Ring capacity in records, a power of two.</param>
        /// <param name="failureLimit">Failed frames in a row after which <see cref="IsResponding"/> turns false (at least 1).</param>
        /// <exception cref="ArgumentNullException"><paramref name="spi"/> or <paramref name="reset"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A size or the limit is out of range.</exception>
        public DigitizerDriver(ISpiDevice spi, IOutputPin reset, int blockRecords, int ringCapacity, int failureLimit)
        {
            if (spi == null)
            {
                throw new ArgumentNullException(nameof(spi));
            }

            if (reset == null)
            {
                throw new ArgumentNullException(nameof(reset));
            }

            if (blockRecords < 1 || blockRecords > DigitizerChip.MaxBurstRecords)
            {
                throw new ArgumentOutOfRangeException(nameof(blockRecords));
            }

            if (failureLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(failureLimit));
            }

            _spi = spi;
            _reset = reset;
            _ring = new PulseRecordRing(ringCapacity);
            _blockRecords = blockRecords;
            _failureLimit = failureLimit;
            _burstLength = DigitizerFrame.BurstLength(blockRecords, PulseRecord.Size);
            _snapshotLength = DigitizerFrame.BurstLength(DigitizerChip.SnapshotSamples, DigitizerChip.SampleSize);
            _fifoCommand = new byte[_burstLength];
            _repeatCommand = new byte[_burstLength];
            _snapshotCommand = new byte[_snapshotLength];
            _response = new byte[_burstLength > _snapshotLength ? _burstLength : _snapshotLength];
            _registerCommand = new byte[DigitizerFrame.ReadLength];
            _registerResponse = new byte[DigitizerFrame.ReadLength];
            DigitizerFrame.EncodeBurst(_fifoCommand, 0, DigitizerRegister.FifoData, blockRecords, _burstLength);
            DigitizerFrame.EncodeBurst(_repeatCommand, 0, DigitizerRegister.FifoRepeat, blockRecords, _burstLength);
            DigitizerFrame.EncodeBurst(_snapshotCommand, 0, DigitizerRegister.SnapshotData, DigitizerChip.SnapshotSamples, _snapshotLength);
            _needsConfiguration = true;
        }

        /// <summary>The ring the driver appends records to; pulse analysis consumes it.</summary>
        public PulseRecordRing Ring { get { return _ring; } }

        /// <summary>MAX of every FIFO burst, in records.</summary>
        public int BlockRecords { get { return _blockRecords; } }

        /// <summary>Octets of every FIFO burst (11 + 12 × <see cref="BlockRecords"/>).</summary>
        public int BurstLength { get { return _burstLength; } }

        /// <summary>True until <see cref="Configure"/> succeeds, and again after <see cref="Reset"/> or when the chip is seen to have reset itself.</summary>
        public bool NeedsConfiguration { get { return _needsConfiguration; } }

        /// <summary>False once <see cref="ConsecutiveFailures"/> reaches the failure limit: FDIR should reset the chip.</summary>
        public bool IsResponding { get { return _consecutiveFailures < _failureLimit; } }

        /// <summary>Damaged or unanswered frames in a row; any good frame clears it.</summary>
        public int ConsecutiveFailures { get { return _consecutiveFailures; } }

        /// <summary>True after <see cref="StuckDataReadyLimit"/> empty bursts in a row: DRDY fires with nothing to read.</summary>
        public bool DataReadyStuckSuspected { get { return _consecutiveEmpty >= StuckDataReadyLimit; } }

        /// <summary>The status octet of the last good frame.</summary>
        public DigitizerStatusBits LastStatus { get { return _lastStatus; } }

        /// <summary>Records the chip reported left in its FIFO after the last good block.</summary>
        public int LastRemaining { get { return _lastRemaining; } }

        /// <summary>The ID register as the last self-test read it.</summary>
        public long ChipId { get { return _chipId; } }

        /// <summary>Calls of <see cref="OnDataReady"/>.</summary>
        public long DataReadyCalls { get { return _dataReadyCalls; } }

        /// <summary>Board time handed to the last <see cref="OnDataReady"/>.</summary>
        public long LastDataReadyMicroseconds { get { return _lastDataReadyMicroseconds; } }

        /// <summary>Good FIFO bursts that held records.</summary>
        public long BlocksRead { get { return _blocksRead; } }

        /// <summary>Records received in good FIFO bursts (appended to the ring or refused by it).</summary>
        public long RecordsRead { get { return _recordsRead; } }

        /// <summary>Frames whose CRC did not match.</summary>
        public long CrcErrors { get { return _crcErrors; } }

        /// <summary>Frames with a wrong echo or a count out of range.</summary>
        public long FrameErrors { get { return _frameErrors; } }

        /// <summary>Frames answered with MISO held (0xFF or 0x00 throughout the header).</summary>
        public long NoResponses { get { return _noResponses; } }

        /// <summary>FIFO_REPEAT bursts issued after a damaged FIFO burst.</summary>
        public long ReReads { get { return _reReads; } }

        /// <summary>Blocks recovered by a re-read.</summary>
        public long Recovered { get { return _recovered; } }

        /// <summary>Damaged bursts that the re-read showed had popped nothing.</summary>
        public long NotCommitted { get { return _notCommitted; } }

        /// <summary>Blocks dropped because the burst and its re-read were both damaged.</summary>
        public long DroppedBlocks { get { return _droppedBlocks; } }

        /// <summary>Records the chip popped that never arrived (dropped blocks), counted from the FIRST index of the next good burst.</summary>
        public long RecordsLost { get { return _recordsLost; } }

        /// <summary>Good bursts whose FIRST went backwards without a chip reset (the stream was re-synchronised).</summary>
        public long SequenceErrors { get { return _sequenceErrors; } }

        /// <summary>Records refused by the full ring.</summary>
        public long RingOverflows { get { return _ring.Overflowed; } }

        /// <summary>Good FIFO bursts that held no record.</summary>
        public long EmptyReads { get { return _emptyReads; } }

        /// <summary>Polls that found data DRDY should have announced but no <see cref="OnDataReady"/> had come.</summary>
        public long MissedDataReady { get { return _missedDataReady; } }

        /// <summary>Resets pulsed on nRESET by <see cref="Reset"/>.</summary>
        public long Resets { get { return _resets; } }

        /// <summary>Frames showing STATUS.ResetOccurred although the driver had configured the chip since its last reset.</summary>
        public long UnexpectedResets { get { return _unexpectedResets; } }

        /// <summary>OVERFLOW_COUNT as last read by <see cref="Poll"/>: overflow episodes in the chip.</summary>
        public long ChipOverflowCount { get { return _chipOverflowCount; } }

        /// <summary>LOST_COUNT as last read by <see cref="Poll"/>: records the chip discarded (FIFO full, flush).</summary>
        public long ChipLostCount { get { return _chipLostCount; } }

        /// <summary>Pulses nRESET low then high: the chip restarts with reset values, an empty FIFO and its TOA counter at 0.</summary>
        /// <remarks>
        /// The chip needs nRESET low for 1 µs and 10 µs after release before the first frame; two GPIO writes and the
        /// caller's next call take longer than that on the device. Records in the FIFO are lost with the reset and
        /// cannot be counted (the chip's counters restart too); <see cref="Resets"/> counts the resets instead.
        /// </remarks>
        public void Reset()
        {
            _reset.Write(false);
            _reset.Write(true);
            _resets++;
            _needsConfiguration = true;
            _synchronised = false;
            _consecutiveFailures = 0;
            _consecutiveEmpty = 0;
            _lastRemaining = 0;
        }

        /// <summary>Reads the ID and checks part and major version, then drives every data bit both ways through SCRATCH.</summary>
        public DigitizerResult SelfTest()
        {
            long value;
            DigitizerResult result = ReadRegister(DigitizerRegister.Id, out value);
            if (result != DigitizerResult.Ok)
            {
                return result;
            }

            _chipId = value;
            if ((value >> 8) != (DigitizerChip.Id >> 8))
            {
                return DigitizerResult.WrongId;
            }

            result = ScratchCheck(ScratchPattern);
            if (result != DigitizerResult.Ok)
            {
                return result;
            }

            return ScratchCheck(~ScratchPattern & 0xFFFFFFFFL);
        }

        /// <summary>Writes and verifies the acquisition settings, clears the sticky status bits, then enables capture and DRDY.</summary>
        /// <param name="threshold">Comparator threshold in peak-code units, 0..65535.</param>
        /// <param name="watermark">FIFO level that asserts DRDY, 1..1024 (best at most <see cref="BlockRecords"/>, so one block empties it).</param>
        /// <param name="maxLatencyTicks">Oldest-record age that asserts DRDY, in 12.5 ns ticks, 0 (off) .. 2^32-1.</param>
        /// <param name="minWidthTicks">Narrowest pulse recorded, in 12.5 ns ticks, 0..65535.</param>
        /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range.</exception>
        public DigitizerResult Configure(int threshold, int watermark, long maxLatencyTicks, int minWidthTicks)
        {
            if (threshold < 0 || threshold > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(threshold));
            }

            if (watermark < 1 || watermark > DigitizerChip.FifoDepth)
            {
                throw new ArgumentOutOfRangeException(nameof(watermark));
            }

            if (maxLatencyTicks < 0 || maxLatencyTicks > DigitizerChip.MaxLatencyLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLatencyTicks));
            }

            if (minWidthTicks < 0 || minWidthTicks > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(minWidthTicks));
            }

            _threshold = threshold;
            _watermark = watermark;
            _maxLatencyTicks = maxLatencyTicks;
            _minWidthTicks = minWidthTicks;
            _hasConfiguration = true;
            return ApplyConfiguration();
        }

        /// <summary>Applies the last <see cref="Configure"/> settings again, after a reset.</summary>
        /// <exception cref="InvalidOperationException"><see cref="Configure"/> was never called.</exception>
        public DigitizerResult Reconfigure()
        {
            if (!_hasConfiguration)
            {
                throw new InvalidOperationException();
            }

            return ApplyConfiguration();
        }

        /// <summary>DRDY fell: reads one block of records into the ring (one SPI transfer, two if it must be re-read).</summary>
        /// <param name="nowMicroseconds">Board time of the edge, for the missed-DRDY check in <see cref="Poll"/>.</param>
        public DigitizerBlockResult OnDataReady(long nowMicroseconds)
        {
            _dataReadyCalls++;
            _lastDataReadyMicroseconds = nowMicroseconds;
            return ReadBlock();
        }

        /// <summary>Periodic housekeeping (a slow rate group, e.g. 1 Hz): reads OVERFLOW_COUNT, LOST_COUNT and FIFO_LEVEL, and drains the FIFO if DRDY should have fired but did not.</summary>
        /// <remarks>
        /// DRDY is counted missing when no <see cref="OnDataReady"/> came since the previous poll and the FIFO holds
        /// at least the watermark, or held records at both polls that are further apart than MAX_LATENCY. A watermark
        /// crossed within the interrupt latency before a poll can be counted once wrongly; the read it causes is harmless.
        /// </remarks>
        public void Poll(long nowMicroseconds)
        {
            long value;
            if (ReadRegister(DigitizerRegister.OverflowCount, out value) == DigitizerResult.Ok)
            {
                _chipOverflowCount = value;
            }

            if (ReadRegister(DigitizerRegister.LostCount, out value) == DigitizerResult.Ok)
            {
                _chipLostCount = value;
            }

            if (ReadRegister(DigitizerRegister.FifoLevel, out value) == DigitizerResult.Ok)
            {
                int level = (int)value;
                bool quiet = _polled && _dataReadyCalls == _dataReadyCallsAtPoll;
                bool aged = _maxLatencyTicks > 0 && level > 0 && _levelAtPoll > 0
                    && (nowMicroseconds - _lastPollMicroseconds) * DigitizerChip.TicksPerMicrosecond >= _maxLatencyTicks;
                if (!_needsConfiguration && quiet && (level >= _watermark || aged))
                {
                    _missedDataReady++;
                    Drain();
                    level = _lastRemaining;
                }

                _levelAtPoll = level;
            }

            _polled = true;
            _lastPollMicroseconds = nowMicroseconds;
            _dataReadyCallsAtPoll = _dataReadyCalls;
        }

        /// <summary>Reads one register, retrying once if the response is damaged.</summary>
        public DigitizerResult ReadRegister(DigitizerRegister register, out long value)
        {
            value = 0;
            DigitizerFrameCheck check = DigitizerFrameCheck.NoResponse;
            for (int attempt = 0; attempt < 2; attempt++)
            {
                DigitizerFrame.EncodeRead(_registerCommand, 0, register);
                _spi.TransferFullDuplex(_registerCommand, 0, _registerResponse, 0, DigitizerFrame.ReadLength);
                check = DigitizerFrame.CheckRead(_registerResponse, 0, register);
                if (check == DigitizerFrameCheck.Valid)
                {
                    NoteGoodFrame(_registerResponse[DigitizerFrame.StatusOffset]);
                    value = DigitizerFrame.ReadValue(_registerResponse, 0);
                    return DigitizerResult.Ok;
                }

                NoteFailure(check);
                if (check == DigitizerFrameCheck.NoResponse)
                {
                    break;
                }
            }

            return ResultOf(check);
        }

        /// <summary>Writes one register (no read-back; the status octet of the next frame says whether the chip applied it).</summary>
        public DigitizerResult WriteRegister(DigitizerRegister register, long value)
        {
            DigitizerFrame.EncodeWrite(_registerCommand, 0, register, value);
            _spi.TransferFullDuplex(_registerCommand, 0, _registerResponse, 0, DigitizerFrame.WriteLength);
            int status = _registerResponse[DigitizerFrame.StatusOffset];
            int echoCommand = _registerResponse[DigitizerFrame.EchoCommandOffset];
            int echoAddress = _registerResponse[DigitizerFrame.EchoAddressOffset];
            if ((status == 0xFF && echoCommand == 0xFF && echoAddress == 0xFF) || (status == 0 && echoCommand == 0 && echoAddress == 0))
            {
                NoteFailure(DigitizerFrameCheck.NoResponse);
                return DigitizerResult.NoResponse;
            }

            // The write's own response carries no CRC; the read that verifies it is what counts as a good frame.
            if (echoCommand != (int)DigitizerCommand.Write || echoAddress != (int)register)
            {
                NoteFailure(DigitizerFrameCheck.EchoMismatch);
                return DigitizerResult.FrameError;
            }

            return DigitizerResult.Ok;
        }

        /// <summary>Arms a snapshot of the pulse after skipping <paramref name="skipPulses"/> accepted pulses (0 = the next one); discards the one held.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="skipPulses"/> is outside 0..65535.</exception>
        public DigitizerResult ArmSnapshot(int skipPulses)
        {
            if (skipPulses < 0 || skipPulses > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(skipPulses));
            }

            DigitizerResult result = WriteRegister(DigitizerRegister.SnapshotArm, skipPulses);
            if (result != DigitizerResult.Ok)
            {
                return result;
            }

            long state;
            result = ReadRegister(DigitizerRegister.SnapshotStatus, out state);
            if (result != DigitizerResult.Ok)
            {
                return result;
            }

            return (_registerResponse[DigitizerFrame.StatusOffset] & (int)DigitizerStatusBits.CommandError) != 0 ? DigitizerResult.Rejected : DigitizerResult.Ok;
        }

        /// <summary>Reads the held snapshot: its 16-bit samples (big-endian, as on the wire) into <paramref name="destination"/>; false when none is ready or the read failed twice.</summary>
        /// <param name="destination">Receives up to 512 samples, 2 octets each, from <paramref name="offset"/>.</param>
        /// <param name="offset">Where the first sample goes.</param>
        /// <param name="samples">Samples copied.</param>
        /// <param name="triggerIndex">Index of the sample at the pulse's leading edge.</param>
        /// <param name="captureNumber">The capture's number (mod 65536), to tell a new capture from one already read.</param>
        /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> cannot hold 1024 octets from <paramref name="offset"/>.</exception>
        public bool TryReadSnapshot(byte[] destination, int offset, out int samples, out int triggerIndex, out int captureNumber)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || destination.Length - offset < DigitizerChip.SnapshotSamples * DigitizerChip.SampleSize)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            samples = 0;
            triggerIndex = 0;
            captureNumber = 0;
            for (int attempt = 0; attempt < 2; attempt++)
            {
                _spi.TransferFullDuplex(_snapshotCommand, 0, _response, 0, _snapshotLength);
                DigitizerFrameCheck check = DigitizerFrame.CheckBurst(_response, 0, DigitizerRegister.SnapshotData, DigitizerChip.SnapshotSamples, DigitizerChip.SampleSize);
                if (check == DigitizerFrameCheck.Valid)
                {
                    NoteGoodFrame(_response[DigitizerFrame.StatusOffset]);
                    samples = DigitizerFrame.BurstCount(_response, 0);
                    captureNumber = DigitizerFrame.BurstFirst(_response, 0);
                    triggerIndex = DigitizerFrame.BurstRemaining(_response, 0);
                    Array.Copy(_response, DigitizerFrame.BurstHeaderLength, destination, offset, samples * DigitizerChip.SampleSize);
                    return samples > 0;
                }

                NoteFailure(check);
                if (check == DigitizerFrameCheck.NoResponse)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Reads the TOA of the pulse held in the snapshot (SNAPSHOT_TOA_HIGH, SNAPSHOT_TOA_LOW).</summary>
        public bool TryReadSnapshotToa(out long toaTicks)
        {
            return TryReadPair(DigitizerRegister.SnapshotToaHigh, DigitizerRegister.SnapshotToaLow, out toaTicks);
        }

        /// <summary>Latches the chip's TOA counter and reads it, to correlate TOA ticks with board time.</summary>
        public bool TryLatchToa(out long toaTicks)
        {
            toaTicks = 0;
            if (WriteRegister(DigitizerRegister.ToaLatch, 0) != DigitizerResult.Ok)
            {
                return false;
            }

            return TryReadPair(DigitizerRegister.ToaLatch, DigitizerRegister.ToaLatchLow, out toaTicks);
        }

        private bool TryReadPair(DigitizerRegister high, DigitizerRegister low, out long value)
        {
            long upper;
            long lower;
            value = 0;
            if (ReadRegister(high, out upper) != DigitizerResult.Ok || ReadRegister(low, out lower) != DigitizerResult.Ok)
            {
                return false;
            }

            value = ((upper & 0xFFFF) << 32) | lower;
            return true;
        }

        private DigitizerResult ApplyConfiguration()
        {
            // Until the last read-back succeeds the chip holds a mix of old and new settings.
            _needsConfiguration = true;
            DigitizerResult result = WriteVerified(DigitizerRegister.Threshold, _threshold);
            if (result == DigitizerResult.Ok)
            {
                result = WriteVerified(DigitizerRegister.Watermark, _watermark);
            }

            if (result == DigitizerResult.Ok)
            {
                result = WriteVerified(DigitizerRegister.MaxLatency, _maxLatencyTicks);
            }

            if (result == DigitizerResult.Ok)
            {
                result = WriteVerified(DigitizerRegister.MinWidth, _minWidthTicks);
            }

            if (result == DigitizerResult.Ok)
            {
                result = WriteRegister(DigitizerRegister.Status, (long)DigitizerStatusBits.Sticky);
            }

            if (result == DigitizerResult.Ok)
            {
                result = WriteVerified(DigitizerRegister.Control, (long)(DigitizerControlBits.Enable | DigitizerControlBits.DrdyEnable));
            }

            if (result == DigitizerResult.Ok)
            {
                // The CONTROL read-back's status octet was latched after the STATUS write: ResetOccurred must be clear now.
                _needsConfiguration = false;
            }

            return result;
        }

        private DigitizerResult WriteVerified(DigitizerRegister register, long value)
        {
            DigitizerResult result = DigitizerResult.VerifyFailed;
            for (int attempt = 0; attempt < 2; attempt++)
            {
                result = WriteRegister(register, value);
                if (result == DigitizerResult.NoResponse)
                {
                    return result;
                }

                long readBack;
                result = ReadRegister(register, out readBack);
                if (result == DigitizerResult.NoResponse)
                {
                    return result;
                }

                if (result == DigitizerResult.Ok)
                {
                    if (readBack == value)
                    {
                        return DigitizerResult.Ok;
                    }

                    result = DigitizerResult.VerifyFailed;
                }
            }

            return result;
        }

        private DigitizerResult ScratchCheck(long pattern)
        {
            DigitizerResult result = WriteRegister(DigitizerRegister.Scratch, pattern);
            if (result != DigitizerResult.Ok)
            {
                return result;
            }

            long readBack;
            result = ReadRegister(DigitizerRegister.Scratch, out readBack);
            if (result != DigitizerResult.Ok)
            {
                return result;
            }

            return readBack == pattern ? DigitizerResult.Ok : DigitizerResult.ScratchMismatch;
        }

        private void Drain()
        {
            // Bounded: enough blocks to empty a full FIFO once, so a stream faster than the bus cannot hold the caller.
            int limit = (DigitizerChip.FifoDepth / _blockRecords) + 1;
            for (int i = 0; i < limit; i++)
            {
                DigitizerBlockResult result = ReadBlock();
                if (result == DigitizerBlockResult.NoResponse || result == DigitizerBlockResult.Dropped || _lastRemaining == 0)
                {
                    return;
                }
            }
        }

        private DigitizerBlockResult ReadBlock()
        {
            _spi.TransferFullDuplex(_fifoCommand, 0, _response, 0, _burstLength);
            DigitizerFrameCheck check = DigitizerFrame.CheckBurst(_response, 0, DigitizerRegister.FifoData, _blockRecords, PulseRecord.Size);
            if (check == DigitizerFrameCheck.Valid)
            {
                return AcceptBlock(false);
            }

            NoteFailure(check);
            bool silent = check == DigitizerFrameCheck.NoResponse;
            _reReads++;
            _spi.TransferFullDuplex(_repeatCommand, 0, _response, 0, _burstLength);
            check = DigitizerFrame.CheckBurst(_response, 0, DigitizerRegister.FifoRepeat, _blockRecords, PulseRecord.Size);
            if (check != DigitizerFrameCheck.Valid)
            {
                NoteFailure(check);
                _droppedBlocks++;
                return silent && check == DigitizerFrameCheck.NoResponse ? DigitizerBlockResult.NoResponse : DigitizerBlockResult.Dropped;
            }

            int first = DigitizerFrame.BurstFirst(_response, 0);
            int count = DigitizerFrame.BurstCount(_response, 0);
            bool previous = _synchronised ? ((first + count) & IndexMask) == _expectedFirst : count == 0;
            if (previous)
            {
                NoteGoodFrame(_response[DigitizerFrame.StatusOffset]);
                _lastRemaining = DigitizerFrame.BurstRemaining(_response, 0);
                _notCommitted++;
                return DigitizerBlockResult.NotCommitted;
            }

            _recovered++;
            return AcceptBlock(true);
        }

        private DigitizerBlockResult AcceptBlock(bool recovered)
        {
            NoteGoodFrame(_response[DigitizerFrame.StatusOffset]);
            int first = DigitizerFrame.BurstFirst(_response, 0);
            int count = DigitizerFrame.BurstCount(_response, 0);
            _lastRemaining = DigitizerFrame.BurstRemaining(_response, 0);
            if (_synchronised)
            {
                int gap = (first - _expectedFirst) & IndexMask;
                if (gap != 0)
                {
                    if (gap < HalfIndexRange)
                    {
                        _recordsLost += gap;
                    }
                    else
                    {
                        _sequenceErrors++;
                    }
                }
            }

            _synchronised = true;
            _expectedFirst = (first + count) & IndexMask;
            if (count == 0)
            {
                _emptyReads++;
                _consecutiveEmpty++;
                return DigitizerBlockResult.Empty;
            }

            _consecutiveEmpty = 0;
            _ring.Append(_response, DigitizerFrame.BurstHeaderLength, count);
            _blocksRead++;
            _recordsRead += count;
            return recovered ? DigitizerBlockResult.Recovered : DigitizerBlockResult.Records;
        }

        private void NoteGoodFrame(int status)
        {
            _consecutiveFailures = 0;
            _lastStatus = (DigitizerStatusBits)status;
            if ((status & (int)DigitizerStatusBits.ResetOccurred) != 0 && !_needsConfiguration)
            {
                // The chip reset itself: configuration, FIFO and its record index are gone.
                _unexpectedResets++;
                _needsConfiguration = true;
                _synchronised = false;
            }
        }

        private void NoteFailure(DigitizerFrameCheck check)
        {
            _consecutiveFailures++;
            if (check == DigitizerFrameCheck.CrcMismatch)
            {
                _crcErrors++;
            }
            else if (check == DigitizerFrameCheck.NoResponse)
            {
                _noResponses++;
            }
            else
            {
                _frameErrors++;
            }
        }

        private static DigitizerResult ResultOf(DigitizerFrameCheck check)
        {
            if (check == DigitizerFrameCheck.NoResponse)
            {
                return DigitizerResult.NoResponse;
            }

            return check == DigitizerFrameCheck.CrcMismatch ? DigitizerResult.CrcError : DigitizerResult.FrameError;
        }
    }
}
