using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Engine;

/// <summary>
/// The board's microsecond counter in virtual time; it restarts from zero at every reset, like the ESP32's. Within one
/// step of the flight software, time the CPU spends blocked (an SPI transfer clocking its bytes) moves the counter on,
/// so the executive measures its rate groups as the board would; the counter never goes backwards.
/// </summary>
public sealed class VirtualClock(EventScheduler scheduler) : IMonotonicClock
{
    private long _bootMicroseconds;
    private long _busyAction = -1;
    private long _busyMicroseconds;
    private long _lastReading;

    /// <summary>Microseconds since the last reset.</summary>
    public long NowMicroseconds
    {
        get
        {
            long busy = _busyAction == scheduler.ActionsRun ? _busyMicroseconds : 0;
            long now = scheduler.NowMicroseconds - _bootMicroseconds + busy;
            if (now < _lastReading) now = _lastReading;
            _lastReading = now;
            return now;
        }
    }

    /// <summary>Restarts the counter at the present virtual instant.</summary>
    public void Restart()
    {
        _bootMicroseconds = scheduler.NowMicroseconds;
        _lastReading = 0;
        _busyAction = -1;
    }

    /// <summary>The CPU is blocked for <paramref name="microseconds"/> within the present step (e.g. an SPI transfer).</summary>
    public void Spend(long microseconds)
    {
        if (_busyAction != scheduler.ActionsRun)
        {
            _busyAction = scheduler.ActionsRun;
            _busyMicroseconds = 0;
        }
        _busyMicroseconds += microseconds;
    }
}
