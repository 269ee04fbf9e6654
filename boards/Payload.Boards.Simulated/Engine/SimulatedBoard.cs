using Payload.Flight;
using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Engine;

/// <summary>
/// The SARCAL-1 board in virtual time: a timer that starts each minor frame, the UART link, the flash partition, the
/// watchdog supervisor — and the unchanged flight code, stepped exactly as the ESP32 board steps it. Time only moves
/// when the caller runs the board, so a pass of minutes simulates in moments and repeats exactly.
/// </summary>
public sealed class SimulatedBoard
{
    private readonly SimulatedBoardOptions _options;
    private long _frame;
    private long _hungUntil = -1;
    private long _bootGeneration;
    private bool _powerCut;

    /// <summary>Powers the board on.</summary>
    public SimulatedBoard(SimulatedBoardOptions? options = null)
    {
        _options = options ?? new SimulatedBoardOptions();
        Scheduler = new EventScheduler();
        Clock = new VirtualClock(Scheduler);
        Flash = new SimulatedFlash(_options.FlashBytes);
        Uart = new SimulatedUart(Scheduler, _options.BaudRate) { BoardReceived = OnUplink, TransmitterPowered = () => !Flash.IsDead };
        Flash.PowerCut += () => _powerCut = true;
        Watchdog = new WatchdogSupervisor(Scheduler, _options.WatchdogTimeoutMicroseconds);
        Software = PowerOn();
    }

    public EventScheduler Scheduler { get; }
    public VirtualClock Clock { get; }
    public SimulatedFlash Flash { get; }
    public SimulatedUart Uart { get; }
    public WatchdogSupervisor Watchdog { get; }

    /// <summary>The flight software of the present boot.</summary>
    public FlightSoftware Software { get; private set; }

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
        var hardware = new FlightHardware(Clock, Uart, Flash, Watchdog);
        var software = _options.Boot(hardware, Clock.NowMicroseconds);
        Scheduler.After(_options.MinorFrameMicroseconds, () => Tick(generation));
        Booted?.Invoke(software);
        return software;
    }

    private void Tick(long generation)
    {
        if (generation != _bootGeneration) return;
        if (NowMicroseconds >= _hungUntil)
        {
            Step(() => Software.OnMinorFrame(_frame, Clock.NowMicroseconds));
            _frame++;
        }
        if (generation != _bootGeneration) return;
        if (Watchdog.HasExpired)
        {
            Reset("watchdog");
            return;
        }
        Scheduler.After(_options.MinorFrameMicroseconds, () => Tick(generation));
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
