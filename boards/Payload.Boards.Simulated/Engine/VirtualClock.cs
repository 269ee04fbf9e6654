using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Engine;

/// <summary>The board's microsecond counter in virtual time; it restarts from zero at every reset, like the ESP32's.</summary>
public sealed class VirtualClock(EventScheduler scheduler) : IMonotonicClock
{
    private long _bootMicroseconds;

    /// <summary>Microseconds since the last reset.</summary>
    public long NowMicroseconds => scheduler.NowMicroseconds - _bootMicroseconds;

    /// <summary>Restarts the counter at the present virtual instant.</summary>
    public void Restart() => _bootMicroseconds = scheduler.NowMicroseconds;
}
