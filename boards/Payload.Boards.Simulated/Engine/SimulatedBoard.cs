using Payload.Boards.Simulated.Chips.Digitizer;
using Payload.Boards.Simulated.Chips.Mcp3208;
using Payload.Boards.Simulated.Scene;
using Payload.Flight;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument;

namespace Payload.Boards.Simulated.Engine;

/// <summary>
/// The SARCAL-1 board in virtual time: a timer that starts each minor frame, the UART link, the flash partition, the
/// watchdog supervisor, the pulse digitizer fed by the radar scene with its DRDY line, the housekeeping ADC on the
/// board's analog circuits — and the unchanged flight code, stepped exactly as the ESP32 board steps it. Time only
/// moves when the caller runs the board, so a pass of minutes simulates in moments and repeats exactly.
/// </summary>
public sealed class SimulatedBoard
{
    private readonly SimulatedBoardOptions _options;
    private long _frame;
    private long _hungUntil = -1;
    private long _bootGeneration;
    private bool _powerCut;
    private long _digitizerWakeMicroseconds = long.MaxValue;
    private int _pendingDataReadyEdges;

    // Cached once: the board schedules these every frame and at every pulse edge, and allocates nothing per event.
    private readonly Action<long> _tick;
    private readonly Action<long> _deliverDataReady;
    private readonly Action<long> _wakeDigitizer;
    private readonly Action _minorFrame;
    private readonly Action _dataReadyEdge;

    /// <summary>Powers the board on.</summary>
    public SimulatedBoard(SimulatedBoardOptions? options = null)
    {
        _options = options ?? new SimulatedBoardOptions();
        _tick = Tick;
        _deliverDataReady = DeliverDataReady;
        _wakeDigitizer = WakeDigitizer;
        _minorFrame = RunMinorFrame;
        _dataReadyEdge = RunDataReadyEdge;
        Scheduler = new EventScheduler();
        Clock = new VirtualClock(Scheduler);
        Flash = new SimulatedFlash(_options.FlashBytes);
        Uart = new SimulatedUart(Scheduler, _options.BaudRate) { BoardReceived = OnUplink, TransmitterPowered = () => !Flash.IsDead };
        Flash.PowerCut += () => _powerCut = true;
        Watchdog = new WatchdogSupervisor(Scheduler, _options.WatchdogTimeoutMicroseconds);
        Digitizer = new DigitizerModel(RadarInput);
        Digitizer.DataReadyFalling += _ => _pendingDataReadyEdges++;
        HousekeepingAdc = new Mcp3208Model();
        AnalogInputs.Wire(HousekeepingAdc);
        Software = PowerOn();
    }

    public EventScheduler Scheduler { get; }
    public VirtualClock Clock { get; }
    public SimulatedFlash Flash { get; }
    public SimulatedUart Uart { get; }
    public WatchdogSupervisor Watchdog { get; }

    /// <summary>The pulse digitizer (VSPI CS0), with its fault hooks.</summary>
    public DigitizerModel Digitizer { get; }

    /// <summary>The housekeeping ADC (VSPI CS1).</summary>
    public Mcp3208Model HousekeepingAdc { get; }

    /// <summary>The circuits the housekeeping ADC measures (temperature excursions, rail faults).</summary>
    public BoardAnalogInputs AnalogInputs { get; } = new();

    /// <summary>The antenna's view: the radar pass overhead, if any.</summary>
    public SwitchablePulseSource RadarInput { get; } = new();

    /// <summary>Ticks of the digitizer's 80 MHz TOA clock per microsecond of board time.</summary>
    public const long TicksPerMicrosecond = 80;

    /// <summary>The digitizer's clock now, on the scene's TOA axis.</summary>
    public long NowTicks => NowMicroseconds * TicksPerMicrosecond;

    /// <summary>
    /// Puts a radar pass overhead from now: its pulses arrive at the antenna on the pass's own timeline, each synthesised
    /// when the digitizer reaches it (the pass's <see cref="RadarPass.Pulses"/> are only held if asked for).
    /// </summary>
    public RadarPass FlyPass(RadarProfile profile, SceneOptions? options = null, double? peakTimeS = null)
    {
        options ??= new SceneOptions();
        return FlyPass(RadarPass.Simulate(profile, options with { Clock = options.Clock with { EpochTicks = NowTicks } }, peakTimeS));
    }

    /// <summary>
    /// Puts a pass simulated beforehand overhead: its pulses arrive at their own TOA on the board's axis, so a pass made
    /// with <c>Clock.EpochTicks</c> = <see cref="NowTicks"/> of the moment it flies is the pass the other overload makes
    /// (streamed from its held <see cref="RadarPass.Pulses"/> if they were asked for before).
    /// </summary>
    public RadarPass FlyPass(RadarPass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        RadarInput.Switch(pass.CreateSource());
        ScheduleDigitizer();
        return pass;
    }
    /// <summary>The flight software of the present boot.</summary>
    public FlightSoftware Software { get; private set; }

    /// <summary>The instrument software of the present boot, when the board boots it (the default).</summary>
    public InstrumentSoftware? Instrument { get; private set; }

    /// <summary>Boots so far (the first power-on counts).</summary>
    public int Boots { get; private set; }

    /// <summary>Resets so far, by cause.</summary>
    public Dictionary<string, int> Resets { get; } = new();

    /// <summary>Raised after every boot, with the new flight software.</summary>
    public event Action<FlightSoftware>? Booted;

    /// <summary>Virtual time since the simulation started.</summary>
    public long NowMicroseconds => Scheduler.NowMicroseconds;

    /// <summary>Minor frames run in the present boot.</summary>
    public long Frame => _frame;

    /// <summary>Runs the board for <paramref name="microseconds"/> of virtual time.</summary>
    public void RunFor(long microseconds) => Scheduler.RunUntil(NowMicroseconds + microseconds);

    /// <summary>Runs the board until <paramref name="condition"/> holds (checked every minor frame) or the time limit passes; true when it held.</summary>
    public bool RunUntil(Func<bool> condition, long timeoutMicroseconds)
    {
        var deadline = NowMicroseconds + timeoutMicroseconds;
        while (NowMicroseconds < deadline)
        {
            if (condition()) return true;
            Scheduler.RunUntil(Math.Min(deadline, NowMicroseconds + _options.MinorFrameMicroseconds));
        }
        return condition();
    }

    /// <summary>Cuts or restores the link, and tells the flight software (the spacecraft would).</summary>
    public void SetLinkUp(bool up)
    {
        Uart.SetUp(up);
        Software.OnLinkStatus(up, Clock.NowMicroseconds);
    }

    /// <summary>Fault: the flight software stops running (a hung rate group) for <paramref name="microseconds"/>.</summary>
    public void Hang(long microseconds) => _hungUntil = NowMicroseconds + microseconds;

    /// <summary>Resets the board now, for <paramref name="cause"/>: the flight software reboots from flash.</summary>
    public void Reset(string cause)
    {
        Resets[cause] = Resets.GetValueOrDefault(cause) + 1;
        Software = PowerOn();
    }

    private FlightSoftware PowerOn()
    {
        var generation = ++_bootGeneration;
        Boots++;
        _frame = 0;
        _hungUntil = -1;
        _powerCut = false;
        Flash.PowerOn();
        Clock.Restart();
        Watchdog.Restart();
        var hardware = new FlightHardware(Clock, Uart, Flash, Watchdog) { LinkBaudRate = Uart.BaudRate };
        var instrument = new InstrumentHardware(new SpiWithAdvance(this, Digitizer, DigitizerSpiHz), Digitizer.ResetPin,
            new DataReadyLine(Digitizer, this), _options.DataReadyPin, new TimedSpi(this, HousekeepingAdc, HousekeepingAdcSpiHz));
        var booted = _options.Boot(hardware, instrument, Clock.NowMicroseconds);
        Instrument = booted.Instrument;
        Scheduler.After(_options.MinorFrameMicroseconds, _tick, generation);
        Booted?.Invoke(booted.Flight);
        return booted.Flight;
    }

    private void Tick(long generation)
    {
        if (generation != _bootGeneration) return;
        AdvanceDigitizer();
        if (NowMicroseconds >= _hungUntil)
        {
            Step(_minorFrame);
            _frame++;
        }
        if (generation != _bootGeneration) return;
        if (Watchdog.HasExpired)
        {
            Reset("watchdog");
            return;
        }
        Scheduler.After(_options.MinorFrameMicroseconds, _tick, generation);
    }

    /// <summary>Brings the digitizer to now and delivers the DRDY edges it raised to the flight software.</summary>
    private void AdvanceDigitizer()
    {
        Digitizer.AdvanceTo(NowTicks);
        if (_pendingDataReadyEdges > 0)
        {
            _pendingDataReadyEdges = 0;
            // Merged edges arrive as one, like the ESP32's event queue delivers them.
            var generation = _bootGeneration;
            if (_options.DataReadyLatencyMicroseconds == 0) DeliverDataReady(generation);
            else Scheduler.After(_options.DataReadyLatencyMicroseconds, _deliverDataReady, generation);
        }
        ScheduleDigitizer();
    }

    private void RunMinorFrame() => Software.OnMinorFrame(_frame, Clock.NowMicroseconds);

    private void RunDataReadyEdge() => Software.OnPinEdge(_options.DataReadyPin, false, Clock.NowMicroseconds);

    private void DeliverDataReady(long generation)
    {
        if (generation != _bootGeneration || NowMicroseconds < _hungUntil) return;
        Step(_dataReadyEdge);
    }

    private void ScheduleDigitizer()
    {
        var next = Digitizer.NextEventTicks;
        if (next == long.MaxValue) return;
        var at = (next + TicksPerMicrosecond - 1) / TicksPerMicrosecond;
        if (at >= _digitizerWakeMicroseconds && _digitizerWakeMicroseconds > NowMicroseconds) return;
        _digitizerWakeMicroseconds = at;
        Scheduler.At(at, _wakeDigitizer, at);
    }

    // A wake-up superseded by an earlier one is left in the queue and does nothing when its time comes.
    private void WakeDigitizer(long at)
    {
        if (_digitizerWakeMicroseconds != at) return;
        _digitizerWakeMicroseconds = long.MaxValue;
        AdvanceDigitizer();
    }

    /// <summary>The SPI bus to the digitizer: the chip is brought to the present instant before every transfer.</summary>
    /// <summary>SPI clock of the digitizer (VSPI CS0).</summary>
    public const long DigitizerSpiHz = 20_000_000;

    /// <summary>SPI clock of the MCP3208 (VSPI CS1).</summary>
    public const long HousekeepingAdcSpiHz = 1_000_000;

    /// <summary>Microseconds the CPU is blocked clocking <paramref name="octets"/> at <paramref name="clockHz"/>, rounded up.</summary>
    public static long SpiMicroseconds(int octets, long clockHz) => (octets * 8L * 1_000_000 + clockHz - 1) / clockHz;

    /// <summary>An SPI device whose transfers take their byte time of the CPU (a transfer blocks the CLR on the ESP32).</summary>
    private sealed class TimedSpi(SimulatedBoard board, ISpiDevice chip, long clockHz) : ISpiDevice
    {
        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            chip.TransferFullDuplex(writeBuffer, writeOffset, readBuffer, readOffset, count);
            board.Clock.Spend(SpiMicroseconds(count, clockHz));
        }
    }

    private sealed class SpiWithAdvance(SimulatedBoard board, ISpiDevice chip, long clockHz) : ISpiDevice
    {
        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            board.Clock.Spend(SpiMicroseconds(count, clockHz));
            board.Digitizer.AdvanceTo(board.NowTicks);
            chip.TransferFullDuplex(writeBuffer, writeOffset, readBuffer, readOffset, count);
            board.ScheduleDigitizer(); // a burst releases DRDY; the chip may raise it again a moment later
        }
    }

    /// <summary>The DRDY line as the MCU reads it: active low.</summary>
    private sealed class DataReadyLine(DigitizerModel chip, SimulatedBoard board) : IInputPin
    {
        public bool Read() => !chip.DataReadyAsserted(board.NowTicks);
    }

    private void OnUplink(byte[] buffer, int offset, int count)
    {
        if (NowMicroseconds < _hungUntil) return; // a hung CPU drains nothing; the UART FIFO overflows
        Step(() => Software.OnLinkBytes(buffer, offset, count, Clock.NowMicroseconds));
    }

    private void Step(Action step)
    {
        step();
        if (_powerCut) Reset("power cut");
    }
}
