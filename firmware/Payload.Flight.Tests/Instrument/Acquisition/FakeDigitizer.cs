using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Hardware;
using Payload.Flight.Protocol;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>
/// A small digitizer at its SPI frames for the flight tests: registers, a FIFO filled from a list of pulses as time
/// advances, DRDY by watermark or age, nRESET, TOA latch, snapshot, and faults (lock-up, persistent lock-up, damaged
/// bursts, wrong ID, refused configuration). The full chip model is the simulated board's; this one keeps to what the
/// acquisition controller needs, using the flight's own frame definitions. Allocation-free once its pulses are added.
/// </summary>
internal sealed class FakeDigitizer : ISpiDevice
{
    private readonly List<(long Toa, int Width, int Peak, PulseFlags Flags)> _pulses = [];
    private readonly byte[] _fifo = new byte[DigitizerChip.FifoDepth * PulseRecord.Size];
    private readonly long[] _writtenAt = new long[DigitizerChip.FifoDepth];
    private readonly byte[] _frame = new byte[DigitizerFrame.BurstLength(DigitizerChip.FifoDepth, PulseRecord.Size)];
    private int _head;
    private int _level;
    private readonly byte[] _repeat = new byte[DigitizerChip.FifoDepth * PulseRecord.Size];
    private int _repeatFirst;
    private int _repeatCount;
    private int _nextPulse;
    private int _nextIndex;
    private long _epoch;
    private long _pulseCount;
    private int _sticky = (int)DigitizerStatusBits.ResetOccurred;
    private bool _previousRejected;
    private bool _resetLow;
    private long _latch;
    private int _snapshotSkip;
    private SnapshotState _snapshotState;
    private long _snapshotToa;
    private int _captures;

    public FakeDigitizer()
    {
        ResetPin = new Line(this);
        DataReadyPin = new DataReadyLine(this);
        ResetRegisters();
    }

    public IOutputPin ResetPin { get; }

    /// <summary>The DRDY line as the MCU reads it: high (true) when released.</summary>
    public IInputPin DataReadyPin { get; }

    public long NowTicks { get; private set; }
    public int Threshold { get; private set; }
    public int Watermark { get; private set; }
    public long MaxLatency { get; private set; }
    public int MinWidth { get; private set; }
    public int Control { get; private set; }
    public long Scratch { get; private set; }
    public long OverflowCount { get; private set; }
    public long LostCount { get; private set; }
    public long Resets { get; private set; }
    public int FifoLevel => _level;
    public long PulsesCaptured => _pulseCount;

    // Faults.
    public bool LockedUp { get; set; }
    public bool LockUpAfterReset { get; set; }
    public bool WrongId { get; set; }
    public bool RefuseThreshold { get; set; }
    public int DamageBursts { get; set; }
    public int DamageReads { get; set; }

    public bool DataReadyAsserted
    {
        get
        {
            if (_resetLow || LockedUp || (Control & (int)DigitizerControlBits.DrdyEnable) == 0 || _level == 0) return false;
            return _level >= Watermark || (MaxLatency > 0 && NowTicks - _writtenAt[_head] >= MaxLatency);
        }
    }

    /// <summary>Adds a pulse at absolute time <paramref name="toa"/>; it is captured when time passes its trailing edge.</summary>
    public void AddPulse(long toa, int width = 1600, int peak = 40_000, PulseFlags flags = PulseFlags.None)
    {
        _pulses.Add((toa, width, peak, flags));
    }

    public void AdvanceTo(long ticks)
    {
        NowTicks = ticks;
        while (_nextPulse < _pulses.Count && _pulses[_nextPulse].Toa + _pulses[_nextPulse].Width <= ticks)
        {
            Capture(_pulses[_nextPulse++]);
        }
    }

    private void Capture((long Toa, int Width, int Peak, PulseFlags Flags) pulse)
    {
        if (_resetLow || LockedUp || (Control & (int)DigitizerControlBits.Enable) == 0) return;
        if (pulse.Peak < Threshold || pulse.Width < MinWidth) return;
        int sequence = (int)(_pulseCount & 0xFF);
        _pulseCount++;
        var flags = pulse.Flags;
        long toa = (pulse.Toa - _epoch) & DigitizerChip.ToaMask;
        if (_snapshotState == SnapshotState.Armed)
        {
            if (_snapshotSkip > 0)
            {
                _snapshotSkip--;
            }
            else
            {
                _snapshotState = SnapshotState.Ready;
                _snapshotToa = toa;
                _captures++;
                flags |= PulseFlags.SnapshotCaptured;
            }
        }

        if (_level == DigitizerChip.FifoDepth)
        {
            LostCount++;
            OverflowCount++;
            return;
        }

        int slot = (_head + _level) % DigitizerChip.FifoDepth;
        PulseRecordCodec.Write(_fifo, slot * PulseRecord.Size, toa, pulse.Width, pulse.Peak, flags, sequence);
        _writtenAt[slot] = pulse.Toa + pulse.Width;
        _level++;
    }

    public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
    {
        if (_resetLow || LockedUp)
        {
            readBuffer.AsSpan(readOffset, count).Fill(0xFF);
            return;
        }

        var frame = _frame;
        Array.Clear(frame, 0, count);
        int command = writeBuffer[writeOffset + DigitizerFrame.CommandOffset];
        var address = (DigitizerRegister)writeBuffer[writeOffset + DigitizerFrame.AddressOffset];
        frame[0] = (byte)Status();
        frame[1] = (byte)command;
        frame[2] = (byte)address;
        bool accepted = true;
        if (command == (int)DigitizerCommand.Read)
        {
            accepted = TryRead(address, out long value);
            BigEndian.WriteUInt32(frame, DigitizerFrame.ReadDataOffset, value);
            ushort crc = Crc16Ccitt.Compute(frame, 0, DigitizerFrame.ReadCrcOffset);
            if (DamageReads > 0)
            {
                DamageReads--;
                crc ^= 0x0100;
            }

            BigEndian.WriteUInt16(frame, DigitizerFrame.ReadCrcOffset, crc);
        }
        else if (command == (int)DigitizerCommand.Write)
        {
            long value = BigEndian.ReadUInt32(writeBuffer, writeOffset + DigitizerFrame.WriteDataOffset);
            accepted = Crc16Ccitt.Compute(writeBuffer, writeOffset, DigitizerFrame.WriteCrcOffset)
                == BigEndian.ReadUInt16(writeBuffer, writeOffset + DigitizerFrame.WriteCrcOffset) && Write(address, value);
        }
        else if (command == (int)DigitizerCommand.Burst)
        {
            int max = BigEndian.ReadUInt16(writeBuffer, writeOffset + DigitizerFrame.BurstMaxOffset);
            Burst(address, max, frame);
        }

        _previousRejected = !accepted;
        Array.Copy(frame, 0, readBuffer, readOffset, count);
    }

    private void Burst(DigitizerRegister window, int max, byte[] frame)
    {
        int first;
        int count;
        int remaining;
        int itemSize = PulseRecord.Size;
        int items = DigitizerFrame.BurstHeaderLength;
        if (window == DigitizerRegister.FifoData)
        {
            first = _nextIndex;
            count = Math.Min(max, _level);
            for (int i = 0; i < count; i++)
            {
                Array.Copy(_fifo, _head * itemSize, frame, items + i * itemSize, itemSize);
                _head = (_head + 1) % DigitizerChip.FifoDepth;
                _level--;
            }

            if (count > 0)
            {
                Array.Copy(frame, items, _repeat, 0, count * itemSize);
                _repeatFirst = first;
                _repeatCount = count;
            }

            _nextIndex = (_nextIndex + count) & 0xFFFF;
            remaining = _level;
        }
        else if (window == DigitizerRegister.FifoRepeat)
        {
            first = _repeatCount == 0 ? _nextIndex : _repeatFirst;
            count = Math.Min(max, _repeatCount);
            Array.Copy(_repeat, 0, frame, items, count * itemSize);
            remaining = _level;
        }
        else
        {
            itemSize = DigitizerChip.SampleSize;
            bool ready = _snapshotState == SnapshotState.Ready;
            first = _captures;
            count = ready ? Math.Min(max, DigitizerChip.SnapshotSamples) : 0;
            remaining = DigitizerChip.SnapshotPreTriggerSamples;
            for (int i = 0; i < count; i++) BigEndian.WriteUInt16(frame, items + i * itemSize, i < remaining ? 13_000 : 40_000);
        }

        BigEndian.WriteUInt16(frame, DigitizerFrame.BurstFirstOffset, first);
        BigEndian.WriteUInt16(frame, DigitizerFrame.BurstCountOffset, count);
        BigEndian.WriteUInt16(frame, DigitizerFrame.BurstRemainingOffset, remaining);
        int covered = DigitizerFrame.BurstHeaderLength + count * itemSize;
        ushort crc = Crc16Ccitt.Compute(frame, 0, covered);
        if (DamageBursts > 0)
        {
            DamageBursts--;
            crc ^= 0x0001;
        }

        BigEndian.WriteUInt16(frame, covered, crc);
    }

    private bool TryRead(DigitizerRegister register, out long value)
    {
        value = register switch
        {
            DigitizerRegister.Id => WrongId ? 0x12340100 : DigitizerChip.Id,
            DigitizerRegister.Control => Control,
            DigitizerRegister.Status => Status(),
            DigitizerRegister.Threshold => Threshold,
            DigitizerRegister.Watermark => Watermark,
            DigitizerRegister.MaxLatency => MaxLatency,
            DigitizerRegister.MinWidth => MinWidth,
            DigitizerRegister.FifoLevel => _level,
            DigitizerRegister.OverflowCount => OverflowCount,
            DigitizerRegister.LostCount => LostCount,
            DigitizerRegister.PulseCount => _pulseCount,
            DigitizerRegister.ToaLatch => (_latch >> 32) & 0xFFFF,
            DigitizerRegister.ToaLatchLow => _latch & 0xFFFFFFFF,
            DigitizerRegister.Scratch => Scratch,
            DigitizerRegister.SnapshotArm => _snapshotSkip,
            DigitizerRegister.SnapshotStatus => (long)_snapshotState | ((long)(_captures & 0xFF) << 8)
                | (_snapshotState == SnapshotState.Ready ? (long)DigitizerChip.SnapshotSamples << 16 : 0),
            DigitizerRegister.SnapshotToaHigh => (_snapshotToa >> 32) & 0xFFFF,
            DigitizerRegister.SnapshotToaLow => _snapshotToa & 0xFFFFFFFF,
            _ => -1,
        };
        if (value >= 0) return true;
        value = 0;
        return false;
    }

    private bool Write(DigitizerRegister register, long value)
    {
        switch (register)
        {
            case DigitizerRegister.Control:
                Control = (int)(value & 0x3);
                return true;
            case DigitizerRegister.Status:
                _sticky &= ~(int)(value & (long)DigitizerStatusBits.Sticky);
                return true;
            case DigitizerRegister.Threshold:
                if (!RefuseThreshold) Threshold = (int)(value & 0xFFFF);
                return !RefuseThreshold;
            case DigitizerRegister.Watermark:
                Watermark = (int)value;
                return true;
            case DigitizerRegister.MaxLatency:
                MaxLatency = value;
                return true;
            case DigitizerRegister.MinWidth:
                MinWidth = (int)value;
                return true;
            case DigitizerRegister.Scratch:
                Scratch = value;
                return true;
            case DigitizerRegister.ToaLatch:
                _latch = (NowTicks - _epoch) & DigitizerChip.ToaMask;
                return true;
            case DigitizerRegister.SnapshotArm:
                _snapshotSkip = (int)value;
                _snapshotState = SnapshotState.Armed;
                return true;
            default:
                return false;
        }
    }

    private int Status()
    {
        int status = _sticky;
        if (DataReadyAsserted) status |= (int)DigitizerStatusBits.DataReady;
        if (_level == 0) status |= (int)DigitizerStatusBits.FifoEmpty;
        if (_level == DigitizerChip.FifoDepth) status |= (int)DigitizerStatusBits.FifoFull;
        if (_snapshotState == SnapshotState.Ready) status |= (int)DigitizerStatusBits.SnapshotReady;
        if (_snapshotState == SnapshotState.Armed) status |= (int)DigitizerStatusBits.SnapshotArmed;
        if (_previousRejected) status |= (int)DigitizerStatusBits.CommandError;
        return status;
    }

    private void ResetRegisters()
    {
        Threshold = DigitizerChip.ResetThreshold;
        Watermark = DigitizerChip.ResetWatermark;
        MaxLatency = DigitizerChip.ResetMaxLatency;
        MinWidth = DigitizerChip.ResetMinWidth;
        Control = 0;
        _sticky = (int)DigitizerStatusBits.ResetOccurred;
        _head = 0;
        _level = 0;
        _nextIndex = 0;
        _repeatCount = 0;
        _epoch = NowTicks;
        _pulseCount = 0;
        OverflowCount = 0;
        LostCount = 0;
        _snapshotState = SnapshotState.Idle;
        _previousRejected = false;
    }

    /// <summary>A reset the chip does by itself (a brown-out).</summary>
    public void SelfReset() => ResetRegisters();

    private sealed class Line(FakeDigitizer chip) : IOutputPin
    {
        public void Write(bool high)
        {
            if (!high)
            {
                chip._resetLow = true;
                return;
            }

            if (chip._resetLow)
            {
                chip._resetLow = false;
                chip.Resets++;
                chip.LockedUp = chip.LockUpAfterReset;
                chip.ResetRegisters();
            }
        }
    }

    private sealed class DataReadyLine(FakeDigitizer chip) : IInputPin
    {
        public bool Read() => !chip.DataReadyAsserted;
    }
}
