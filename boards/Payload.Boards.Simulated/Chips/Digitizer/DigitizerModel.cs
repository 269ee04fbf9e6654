using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Hardware;
using Payload.Flight.Protocol;

namespace Payload.Boards.Simulated.Chips.Digitizer;

/// <summary>
/// The pulse digitizer (capture core) at its SPI pins, DRDY and nRESET, per boards/datasheets/pulse-digitizer.md, fed by
/// the radar scene's <see cref="IDetectedPulseSource"/> as virtual time advances.
/// </summary>
/// <remarks>
/// <para>Register addresses, frame layout, record layout, chip constants and the CRC are the flight code's
/// (<see cref="DigitizerRegister"/>, <see cref="DigitizerFrame"/>, <see cref="PulseRecordCodec"/>, <see cref="DigitizerChip"/>,
/// <see cref="Crc16Ccitt"/>): nothing is declared twice. The flight <see cref="DigitizerDriver"/> runs against this model
/// directly, since the model is an <see cref="ISpiDevice"/>.</para>
/// <para>Time: the model's clock is the scene's TOA axis in 80 MHz ticks (<see cref="DetectedPulse.ToaTicks"/>). The
/// chip's TOA counter reads that axis minus the time of its last reset. <see cref="AdvanceTo"/> moves the clock,
/// taking every pulse whose trailing edge has passed: a pulse is detected when its comparator code is at or above
/// THRESHOLD, rejected (REJECT_COUNT) when narrower than MIN_WIDTH, and otherwise becomes a record written to the FIFO
/// at its trailing edge (or lost to a full FIFO, LOST_COUNT). SPI frames take no virtual time: each happens at
/// <see cref="NowTicks"/>.</para>
/// <para>DRDY (active low): asserted while CONTROL.DrdyEnable is set and the FIFO holds WATERMARK records or its oldest
/// record is MAX_LATENCY ticks old, except during the 1 µs release after each burst frame.
/// <see cref="DataReadyFalling"/> is raised at the exact tick of each falling edge, and <see cref="NextEventTicks"/>
/// tells an event engine when the model next changes by itself.</para>
/// <para>Simplifications: the chip answers at once after reset (no 10 µs start-up), and a snapshot's envelope is the
/// pulse as a rectangle of its peak code over <see cref="BaselineCode"/>.</para>
/// </remarks>
public sealed class DigitizerModel : ISpiDevice
{
    private const int IndexMask = 0xFFFF;
    private const int ControlMask = (int)(DigitizerControlBits.Enable | DigitizerControlBits.DrdyEnable);
    private const int MaxFrameLength = DigitizerFrame.BurstHeaderLength + DigitizerChip.FifoDepth * PulseRecord.Size + DigitizerFrame.CrcLength;

    private readonly IDetectedPulseSource _pulses;
    private readonly Random _random;
    private readonly byte[] _fifo = new byte[DigitizerChip.FifoDepth * PulseRecord.Size];
    private readonly long[] _writtenAt = new long[DigitizerChip.FifoDepth];
    private readonly byte[] _repeat = new byte[DigitizerChip.FifoDepth * PulseRecord.Size];
    private readonly byte[] _snapshot = new byte[DigitizerChip.SnapshotSamples * DigitizerChip.SampleSize];
    private readonly byte[] _frame = new byte[MaxFrameLength];
    private readonly byte[] _command = new byte[DigitizerFrame.WriteLength];

    // Registers and chip state.
    private int _control;
    private int _sticky;
    private bool _previousRejected;
    private int _threshold;
    private int _watermark;
    private long _maxLatency;
    private int _minWidth;
    private long _scratch;
    private long _toaLatch;
    private long _toaEpoch;
    private int _head;
    private int _level;
    private int _nextIndex;
    private int _repeatFirst;
    private int _repeatCount;
    private bool _overflowing;
    private long _lastPulseEnd;
    private int _snapshotSkip;
    private SnapshotState _snapshotState;
    private long _snapshotReadyAt;
    private int _captureNumber;
    private long _snapshotToa;

    // Pins and faults.
    private bool _resetLow;
    private bool _lockedUp;
    private bool _drdy;
    private long _drdyReleasedUntil;
    private int _burstErrorsPending;
    private int _bitsPerBurst;
    private int _commandErrorsPending;
    private int _forcedOverflows;

    /// <summary>Creates a chip just out of power-on reset at tick 0, fed by <paramref name="pulses"/>; <paramref name="seed"/> drives the fault injection.</summary>
    public DigitizerModel(IDetectedPulseSource pulses, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        _pulses = pulses;
        _random = new Random(seed);
        ResetPin = new ResetLine(this);
        ResetRegisters();
    }

    /// <summary>Raised with the tick at which DRDY falls (asserts).</summary>
    public event Action<long>? DataReadyFalling;

    /// <summary>The active-low nRESET input: low holds the chip in reset (MISO floats high); the rising edge restarts it.</summary>
    public IOutputPin ResetPin { get; }

    /// <summary>The model's clock, in ticks of the scene's TOA axis.</summary>
    public long NowTicks { get; private set; }

    /// <summary>The chip's TOA counter now (ticks since its last reset, 48 bits).</summary>
    public long ToaCounter => (NowTicks - _toaEpoch) & DigitizerChip.ToaMask;

    /// <summary>The DRDY line is low (asserted) now.</summary>
    public bool DataReady => _drdy;

    /// <summary>Records in the FIFO.</summary>
    public int FifoLevel => _level;

    /// <summary>FIRST of the next FIFO block: records popped since reset, modulo 65536.</summary>
    public int NextRecordIndex => _nextIndex;

    /// <summary>OVERFLOW_COUNT: overflow episodes.</summary>
    public long OverflowCount { get; private set; }

    /// <summary>LOST_COUNT: records discarded in the chip (FIFO full, flush).</summary>
    public long LostCount { get; private set; }

    /// <summary>PULSE_COUNT: pulses accepted by the filters.</summary>
    public long PulseCount { get; private set; }

    /// <summary>REJECT_COUNT: detected pulses narrower than MIN_WIDTH.</summary>
    public long RejectCount { get; private set; }

    /// <summary>COMMAND_ERRORS: frames rejected.</summary>
    public long CommandErrors { get; private set; }

    /// <summary>Chip-select periods seen.</summary>
    public long Transfers { get; private set; }

    /// <summary>FIFO_DATA bursts that popped records.</summary>
    public long CommittedBursts { get; private set; }

    /// <summary>FIFO_REPEAT bursts answered.</summary>
    public long RepeatBursts { get; private set; }

    /// <summary>Pulses taken from the source, detected or not.</summary>
    public long PulsesSeen { get; private set; }

    /// <summary>Resets (power-on excluded).</summary>
    public long Resets { get; private set; }

    /// <summary>The snapshot's envelope code outside the pulse.</summary>
    public int BaselineCode { get; set; }

    /// <summary>True while nRESET is held low.</summary>
    public bool InReset => _resetLow;

    /// <summary>True after <see cref="LockUp"/> until the next reset: the chip ignores its pins and MISO reads 0xFF.</summary>
    public bool IsLockedUp => _lockedUp;

    /// <summary>Fault: DRDY held low whatever the FIFO holds.</summary>
    public bool StuckDrdy
    {
        get => _stuckDrdy;
        set { _stuckDrdy = value; UpdateDataReady(); }
    }

    /// <summary>Fault: DRDY never asserts (a broken line or interrupt).</summary>
    public bool MissingDrdy
    {
        get => _missingDrdy;
        set { _missingDrdy = value; UpdateDataReady(); }
    }

    private bool _stuckDrdy;
    private bool _missingDrdy;

    /// <summary>Fault: probability that each MISO bit of every frame is flipped on the bus (0 = a clean bus).</summary>
    public double BitErrorRate { get; set; }

    /// <summary>Bits flipped on MISO by the fault injection so far.</summary>
    public long BitsFlipped { get; private set; }

    /// <summary>Fault: the next <paramref name="bursts"/> burst responses each get <paramref name="bitsPerBurst"/> flipped bits inside their CRC-covered part (header, items, CRC), so each is certainly damaged.</summary>
    public void InjectBitErrors(int bursts, int bitsPerBurst = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bursts);
        ArgumentOutOfRangeException.ThrowIfLessThan(bitsPerBurst, 1);
        _burstErrorsPending = bursts;
        _bitsPerBurst = bitsPerBurst;
    }

    /// <summary>Fault: the command octet of the next <paramref name="frames"/> frames arrives with one bit flipped (MOSI corruption: the chip rejects the frame).</summary>
    public void InjectCommandErrors(int frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        _commandErrorsPending = frames;
    }

    /// <summary>Fault: the capture core locks up until the next reset: no capture, DRDY released, MISO reads 0xFF.</summary>
    public void LockUp()
    {
        _lockedUp = true;
        UpdateDataReady();
    }

    /// <summary>Fault: the next <paramref name="pulses"/> accepted pulses find the FIFO full, as if the host had stopped reading.</summary>
    public void ForceOverflow(int pulses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pulses);
        _forcedOverflows = pulses;
    }

    /// <summary>Moves the clock to <paramref name="nowTicks"/>, capturing pulses and raising <see cref="DataReadyFalling"/> at the exact ticks DRDY falls.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time goes backwards.</exception>
    public void AdvanceTo(long nowTicks)
    {
        if (nowTicks < NowTicks) throw new ArgumentOutOfRangeException(nameof(nowTicks), nowTicks, "virtual time never goes backwards");
        while (true)
        {
            long next = NextEventTicks;
            if (next > nowTicks) break;
            NowTicks = next;
            Step();
        }

        NowTicks = nowTicks;
        Step();
    }

    /// <summary>Advances to <paramref name="nowTicks"/> and tells whether DRDY is asserted then.</summary>
    public bool DataReadyAsserted(long nowTicks)
    {
        AdvanceTo(nowTicks);
        return _drdy;
    }

    /// <summary>The next tick after <see cref="NowTicks"/> at which the model changes by itself (a trailing edge, a latency deadline, the end of a DRDY release, a snapshot completing); <see cref="long.MaxValue"/> if none is due.</summary>
    public long NextEventTicks
    {
        get
        {
            long next = long.MaxValue;
            if (_pulses.TryPeek(out var pulse))
            {
                next = Math.Max(pulse.ToaTicks + pulse.WidthTicks, NowTicks + 1);
            }

            if (_level > 0 && _maxLatency > 0)
            {
                long deadline = _writtenAt[_head] + _maxLatency;
                if (deadline > NowTicks) next = Math.Min(next, deadline);
            }

            if (_drdyReleasedUntil > NowTicks) next = Math.Min(next, _drdyReleasedUntil);
            if (_snapshotState == SnapshotState.Capturing && _snapshotReadyAt > NowTicks) next = Math.Min(next, _snapshotReadyAt);
            return next;
        }
    }

    /// <summary>A register's value as a read frame would return it now (a back door for tests; no side effects).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a single register (a burst window or an unknown address).</exception>
    public long Peek(DigitizerRegister register)
    {
        if (!TryReadRegister((int)register, out long value)) throw new ArgumentOutOfRangeException(nameof(register), register, "not a readable register");
        return value;
    }

    /// <summary>Copies record <paramref name="index"/> (0 = oldest) of the FIFO to <paramref name="destination"/> (a back door for tests).</summary>
    public void PeekRecord(int index, byte[] destination, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _level);
        Array.Copy(_fifo, Slot(index) * PulseRecord.Size, destination, offset, PulseRecord.Size);
    }

    /// <inheritdoc />
    public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
    {
        ArgumentNullException.ThrowIfNull(writeBuffer);
        ArgumentNullException.ThrowIfNull(readBuffer);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (writeOffset < 0 || writeOffset > writeBuffer.Length - count) throw new ArgumentOutOfRangeException(nameof(writeOffset));
        if (readOffset < 0 || readOffset > readBuffer.Length - count) throw new ArgumentOutOfRangeException(nameof(readOffset));
        if (count > MaxFrameLength) throw new ArgumentOutOfRangeException(nameof(count), count, "longer than the longest frame");

        Transfers++;
        if (count == 0) return;
        if (_resetLow || _lockedUp)
        {
            readBuffer.AsSpan(readOffset, count).Fill(0xFF);
            return;
        }

        Array.Clear(_frame, 0, count);
        Array.Clear(_command, 0, _command.Length);
        Array.Copy(writeBuffer, writeOffset, _command, 0, Math.Min(count, _command.Length));
        if (_commandErrorsPending > 0)
        {
            _commandErrorsPending--;
            _command[DigitizerFrame.CommandOffset] ^= (byte)(1 << _random.Next(8));
        }

        int command = _command[DigitizerFrame.CommandOffset];
        int address = _command[DigitizerFrame.AddressOffset];
        _frame[DigitizerFrame.StatusOffset] = (byte)Status();
        _frame[DigitizerFrame.EchoCommandOffset] = (byte)command;
        _frame[DigitizerFrame.EchoAddressOffset] = (byte)address;

        bool accepted;
        int protectedLength = 0;
        switch (command)
        {
            case (int)DigitizerCommand.Read:
                accepted = RespondRead(address);
                break;
            case (int)DigitizerCommand.Write:
                accepted = count >= DigitizerFrame.WriteLength && ApplyWrite(address);
                break;
            case (int)DigitizerCommand.Burst:
                accepted = RespondBurst(writeBuffer, writeOffset, count, out protectedLength);
                _drdyReleasedUntil = NowTicks + DigitizerChip.DrdyReleaseTicks;
                break;
            default:
                accepted = false;
                break;
        }

        if (!accepted) CommandErrors++;
        _previousRejected = !accepted;
        InjectBusErrors(count, protectedLength);
        Array.Copy(_frame, 0, readBuffer, readOffset, count);
        UpdateDataReady();
    }

    private void Step()
    {
        while (_pulses.TryPeek(out var pulse) && pulse.ToaTicks + pulse.WidthTicks <= NowTicks)
        {
            _pulses.Next();
            PulsesSeen++;
            Capture(pulse);
        }

        if (_snapshotState == SnapshotState.Capturing && NowTicks >= _snapshotReadyAt)
        {
            _snapshotState = SnapshotState.Ready;
            _captureNumber = (_captureNumber + 1) & IndexMask;
        }

        UpdateDataReady();
    }

    private void Capture(in DetectedPulse pulse)
    {
        if (_resetLow || _lockedUp || (_control & (int)DigitizerControlBits.Enable) == 0) return;
        if (pulse.ComparatorCode < _threshold) return;
        if (pulse.WidthTicks < _minWidth)
        {
            RejectCount++;
            return;
        }

        long end = pulse.ToaTicks + pulse.WidthTicks;
        int sequence = (int)(PulseCount & 0xFF);
        PulseCount++;
        var flags = PulseFlags.None;
        if (pulse.Saturated || pulse.PeakCode >= PulseRecord.MaxField16) flags |= PulseFlags.Saturated;
        int width = pulse.WidthTicks;
        if (width > PulseRecord.MaxField16)
        {
            width = PulseRecord.MaxField16;
            flags |= PulseFlags.Truncated;
        }

        if (pulse.ToaTicks < _lastPulseEnd) flags |= PulseFlags.Overlapping;
        _lastPulseEnd = Math.Max(_lastPulseEnd, end);
        long toa = (pulse.ToaTicks - _toaEpoch) & DigitizerChip.ToaMask;
        if (_snapshotState == SnapshotState.Armed)
        {
            if (_snapshotSkip > 0)
            {
                _snapshotSkip--;
            }
            else
            {
                TakeSnapshot(pulse, toa);
                flags |= PulseFlags.SnapshotCaptured;
            }
        }

        if (_forcedOverflows > 0 || _level == DigitizerChip.FifoDepth)
        {
            if (_forcedOverflows > 0) _forcedOverflows--;
            LostCount++;
            if (!_overflowing)
            {
                OverflowCount++;
                _overflowing = true;
            }

            _sticky |= (int)DigitizerStatusBits.Overflow;
            return;
        }

        if (_overflowing)
        {
            flags |= PulseFlags.AfterOverflow;
            _overflowing = false;
        }

        int slot = Slot(_level);
        PulseRecordCodec.Write(_fifo, slot * PulseRecord.Size, toa, width, Math.Min(pulse.PeakCode, PulseRecord.MaxField16), flags, sequence);
        _writtenAt[slot] = end;
        _level++;
    }

    private void TakeSnapshot(in DetectedPulse pulse, long toa)
    {
        int peak = Math.Clamp(pulse.PeakCode, 0, PulseRecord.MaxField16);
        int baseline = Math.Clamp(BaselineCode, 0, PulseRecord.MaxField16);
        long start = pulse.ToaTicks - (long)DigitizerChip.SnapshotPreTriggerSamples * DigitizerChip.TicksPerSample;
        for (int i = 0; i < DigitizerChip.SnapshotSamples; i++)
        {
            long t = start + (long)i * DigitizerChip.TicksPerSample;
            int code = t >= pulse.ToaTicks && t < pulse.ToaTicks + pulse.WidthTicks ? peak : baseline;
            BigEndian.WriteUInt16(_snapshot, i * DigitizerChip.SampleSize, code);
        }

        _snapshotToa = toa;
        _snapshotState = SnapshotState.Capturing;
        _snapshotReadyAt = pulse.ToaTicks + (long)(DigitizerChip.SnapshotSamples - DigitizerChip.SnapshotPreTriggerSamples) * DigitizerChip.TicksPerSample;
    }

    private bool RespondRead(int address)
    {
        if (!TryReadRegister(address, out long value))
        {
            // Rejected: zeros, and a CRC field that cannot pass.
            ushort bad = (ushort)~Crc16Ccitt.Compute(_frame, 0, DigitizerFrame.ReadCrcOffset);
            BigEndian.WriteUInt16(_frame, DigitizerFrame.ReadCrcOffset, bad);
            return false;
        }

        BigEndian.WriteUInt32(_frame, DigitizerFrame.ReadDataOffset, value);
        BigEndian.WriteUInt16(_frame, DigitizerFrame.ReadCrcOffset, Crc16Ccitt.Compute(_frame, 0, DigitizerFrame.ReadCrcOffset));
        return true;
    }

    private bool TryReadRegister(int address, out long value)
    {
        switch ((DigitizerRegister)address)
        {
            case DigitizerRegister.Id: value = DigitizerChip.Id; return true;
            case DigitizerRegister.Control: value = _control; return true;
            case DigitizerRegister.Status: value = Status(); return true;
            case DigitizerRegister.Threshold: value = _threshold; return true;
            case DigitizerRegister.Watermark: value = _watermark; return true;
            case DigitizerRegister.MaxLatency: value = _maxLatency; return true;
            case DigitizerRegister.MinWidth: value = _minWidth; return true;
            case DigitizerRegister.FifoLevel: value = _level; return true;
            case DigitizerRegister.OverflowCount: value = OverflowCount & 0xFFFFFFFFL; return true;
            case DigitizerRegister.LostCount: value = LostCount & 0xFFFFFFFFL; return true;
            case DigitizerRegister.PulseCount: value = PulseCount & 0xFFFFFFFFL; return true;
            case DigitizerRegister.RejectCount: value = RejectCount & 0xFFFFFFFFL; return true;
            case DigitizerRegister.CommandErrors: value = CommandErrors & 0xFFFFFFFFL; return true;
            case DigitizerRegister.ToaLatch: value = (_toaLatch >> 32) & 0xFFFF; return true;
            case DigitizerRegister.ToaLatchLow: value = _toaLatch & 0xFFFFFFFFL; return true;
            case DigitizerRegister.Scratch: value = _scratch; return true;
            case DigitizerRegister.SnapshotArm: value = _snapshotSkip; return true;
            case DigitizerRegister.SnapshotStatus: value = SnapshotStatus(); return true;
            case DigitizerRegister.SnapshotToaHigh: value = (_snapshotToa >> 32) & 0xFFFF; return true;
            case DigitizerRegister.SnapshotToaLow: value = _snapshotToa & 0xFFFFFFFFL; return true;
            default: value = 0; return false;
        }
    }

    private bool ApplyWrite(int address)
    {
        ushort crc = Crc16Ccitt.Compute(_command, 0, DigitizerFrame.WriteCrcOffset);
        if (crc != BigEndian.ReadUInt16(_command, DigitizerFrame.WriteCrcOffset)) return false;
        long value = BigEndian.ReadUInt32(_command, DigitizerFrame.WriteDataOffset);
        switch ((DigitizerRegister)address)
        {
            case DigitizerRegister.Control:
                if ((value & (long)DigitizerControlBits.Flush) != 0) Flush();
                if ((value & (long)DigitizerControlBits.ClearCounters) != 0) ClearCounters();
                _control = (int)(value & ControlMask);
                return true;
            case DigitizerRegister.Status:
                _sticky &= ~(int)(value & (long)DigitizerStatusBits.Sticky);
                return true;
            case DigitizerRegister.Threshold:
                _threshold = (int)(value & 0xFFFF);
                return true;
            case DigitizerRegister.Watermark:
                if (value < 1 || value > DigitizerChip.FifoDepth) return false;
                _watermark = (int)value;
                return true;
            case DigitizerRegister.MaxLatency:
                _maxLatency = value;
                return true;
            case DigitizerRegister.MinWidth:
                _minWidth = (int)(value & 0xFFFF);
                return true;
            case DigitizerRegister.ToaLatch:
                _toaLatch = ToaCounter;
                return true;
            case DigitizerRegister.Scratch:
                _scratch = value;
                return true;
            case DigitizerRegister.SnapshotArm:
                _snapshotSkip = (int)(value & 0xFFFF);
                _snapshotState = SnapshotState.Armed;
                return true;
            default:
                return false;
        }
    }

    private bool RespondBurst(byte[] writeBuffer, int writeOffset, int count, out int protectedLength)
    {
        int window = _command[DigitizerFrame.AddressOffset];
        int max = count >= DigitizerFrame.BurstMaxOffset + 2 ? BigEndian.ReadUInt16(_command, DigitizerFrame.BurstMaxOffset) : 0;
        int itemSize;
        int limit;
        switch ((DigitizerRegister)window)
        {
            case DigitizerRegister.FifoData:
            case DigitizerRegister.FifoRepeat:
                itemSize = PulseRecord.Size;
                limit = DigitizerChip.MaxBurstRecords;
                break;
            case DigitizerRegister.SnapshotData:
                itemSize = DigitizerChip.SampleSize;
                limit = DigitizerChip.SnapshotSamples;
                break;
            default:
                itemSize = 0;
                limit = 0;
                break;
        }

        if (max < 1 || max > limit)
        {
            ushort bad = (ushort)~Crc16Ccitt.Compute(_frame, 0, DigitizerFrame.BurstHeaderLength);
            BigEndian.WriteUInt16(_frame, DigitizerFrame.BurstHeaderLength, bad);
            protectedLength = DigitizerFrame.BurstHeaderLength + DigitizerFrame.CrcLength;
            return false;
        }

        int first;
        int items;
        int remaining;
        const int payload = DigitizerFrame.BurstHeaderLength;
        switch ((DigitizerRegister)window)
        {
            case DigitizerRegister.FifoData:
                first = _nextIndex;
                items = Math.Min(_level, max);
                remaining = _level - items;
                for (int i = 0; i < items; i++)
                {
                    Array.Copy(_fifo, Slot(i) * PulseRecord.Size, _frame, payload + i * PulseRecord.Size, PulseRecord.Size);
                }

                break;
            case DigitizerRegister.FifoRepeat:
                RepeatBursts++;
                first = _repeatCount > 0 ? _repeatFirst : _nextIndex;
                items = Math.Min(_repeatCount, max);
                remaining = _level;
                Array.Copy(_repeat, 0, _frame, payload, items * PulseRecord.Size);
                break;
            default:
                first = _captureNumber;
                items = _snapshotState == SnapshotState.Ready ? Math.Min(DigitizerChip.SnapshotSamples, max) : 0;
                remaining = DigitizerChip.SnapshotPreTriggerSamples;
                Array.Copy(_snapshot, 0, _frame, payload, items * DigitizerChip.SampleSize);
                break;
        }

        BigEndian.WriteUInt16(_frame, DigitizerFrame.BurstFirstOffset, first);
        BigEndian.WriteUInt16(_frame, DigitizerFrame.BurstCountOffset, items);
        BigEndian.WriteUInt16(_frame, DigitizerFrame.BurstRemainingOffset, remaining);
        int covered = payload + items * itemSize;
        BigEndian.WriteUInt16(_frame, covered, Crc16Ccitt.Compute(_frame, 0, covered));
        protectedLength = covered + DigitizerFrame.CrcLength;

        // A FIFO block is popped only once its whole CRC has been clocked out; an empty block commits nothing.
        if ((DigitizerRegister)window == DigitizerRegister.FifoData && items > 0 && count >= protectedLength)
        {
            Array.Copy(_frame, payload, _repeat, 0, items * PulseRecord.Size);
            _repeatFirst = first;
            _repeatCount = items;
            _head = (_head + items) % DigitizerChip.FifoDepth;
            _level -= items;
            _nextIndex = (_nextIndex + items) & IndexMask;
            CommittedBursts++;
        }

        return true;
    }

    private void InjectBusErrors(int count, int protectedLength)
    {
        if (protectedLength > 0 && _burstErrorsPending > 0)
        {
            _burstErrorsPending--;
            int span = Math.Min(protectedLength, count) * 8;
            for (int i = 0; i < _bitsPerBurst; i++)
            {
                int bit = _random.Next(span);
                _frame[bit >> 3] ^= (byte)(0x80 >> (bit & 7));
                BitsFlipped++;
            }
        }

        double rate = BitErrorRate;
        if (rate <= 0) return;

        // Geometric gaps between flipped bits: one random draw per error, not per bit.
        long bits = (long)count * 8;
        double logKeep = Math.Log(1.0 - Math.Min(rate, 0.5));
        long position = -1;
        while (true)
        {
            double u = 1.0 - _random.NextDouble();
            position += 1 + (long)Math.Floor(Math.Log(u) / logKeep);
            if (position >= bits) break;
            _frame[position >> 3] ^= (byte)(0x80 >> (int)(position & 7));
            BitsFlipped++;
        }
    }

    private int Status()
    {
        int status = _sticky;
        if (Condition()) status |= (int)DigitizerStatusBits.DataReady;
        if (_level == 0) status |= (int)DigitizerStatusBits.FifoEmpty;
        if (_level == DigitizerChip.FifoDepth) status |= (int)DigitizerStatusBits.FifoFull;
        if (_snapshotState == SnapshotState.Ready) status |= (int)DigitizerStatusBits.SnapshotReady;
        if (_snapshotState == SnapshotState.Armed || _snapshotState == SnapshotState.Capturing) status |= (int)DigitizerStatusBits.SnapshotArmed;
        if (_previousRejected) status |= (int)DigitizerStatusBits.CommandError;
        return status;
    }

    private long SnapshotStatus()
    {
        long held = _snapshotState == SnapshotState.Ready ? DigitizerChip.SnapshotSamples : 0;
        return (long)_snapshotState | ((long)(_captureNumber & 0xFF) << 8) | (held << 16);
    }

    // The DRDY condition, before the enable, the post-burst release and the pin faults.
    private bool Condition()
    {
        if (_level == 0) return false;
        if (_level >= _watermark) return true;
        return _maxLatency > 0 && NowTicks - _writtenAt[_head] >= _maxLatency;
    }

    private void UpdateDataReady()
    {
        bool asserted;
        if (_resetLow || _lockedUp) asserted = false;
        else if (_stuckDrdy) asserted = true;
        else if (_missingDrdy) asserted = false;
        else asserted = (_control & (int)DigitizerControlBits.DrdyEnable) != 0 && NowTicks >= _drdyReleasedUntil && Condition();

        bool fell = asserted && !_drdy;
        _drdy = asserted;
        if (fell) DataReadyFalling?.Invoke(NowTicks);
    }

    private int Slot(int index) => (_head + index) % DigitizerChip.FifoDepth;

    private void Flush()
    {
        LostCount += _level;
        _head = 0;
        _level = 0;
        _repeatCount = 0;
    }

    private void ClearCounters()
    {
        OverflowCount = 0;
        LostCount = 0;
        PulseCount = 0;
        RejectCount = 0;
        CommandErrors = 0;
    }

    private void ResetRegisters()
    {
        _control = 0;
        _sticky = (int)DigitizerStatusBits.ResetOccurred;
        _previousRejected = false;
        _threshold = DigitizerChip.ResetThreshold;
        _watermark = DigitizerChip.ResetWatermark;
        _maxLatency = DigitizerChip.ResetMaxLatency;
        _minWidth = DigitizerChip.ResetMinWidth;
        _scratch = 0;
        _toaLatch = 0;
        _toaEpoch = NowTicks;
        _head = 0;
        _level = 0;
        _nextIndex = 0;
        _repeatFirst = 0;
        _repeatCount = 0;
        _overflowing = false;
        _lastPulseEnd = long.MinValue;
        _snapshotSkip = 0;
        _snapshotState = SnapshotState.Idle;
        _snapshotReadyAt = 0;
        _captureNumber = 0;
        _snapshotToa = 0;
        _drdyReleasedUntil = 0;
        _lockedUp = false;
        ClearCounters();
    }

    private void SetReset(bool high)
    {
        if (!high)
        {
            _resetLow = true;
        }
        else if (_resetLow)
        {
            _resetLow = false;
            Resets++;
            ResetRegisters();
        }

        UpdateDataReady();
    }

    private sealed class ResetLine(DigitizerModel chip) : IOutputPin
    {
        public void Write(bool high) => chip.SetReset(high);
    }
}
