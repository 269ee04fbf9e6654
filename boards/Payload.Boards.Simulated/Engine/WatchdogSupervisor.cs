using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Engine;

/// <summary>The external supervisor (TPS3823-class): resets the board when WDI has not changed for its timeout.</summary>
public sealed class WatchdogSupervisor(EventScheduler scheduler, long timeoutMicroseconds) : IOutputPin
{
    private bool _level;

    public long TimeoutMicroseconds { get; } = timeoutMicroseconds;

    /// <summary>Virtual time of the last WDI edge.</summary>
    public long LastEdgeMicroseconds { get; private set; }

    /// <summary>Edges seen since the simulation started.</summary>
    public long Edges { get; private set; }

    /// <summary>True once the timeout has passed without an edge.</summary>
    public bool HasExpired => scheduler.NowMicroseconds - LastEdgeMicroseconds > TimeoutMicroseconds;

    public void Write(bool high)
    {
        if (high == _level) return;
        _level = high;
        Edges++;
        LastEdgeMicroseconds = scheduler.NowMicroseconds;
    }

    /// <summary>Starts a new timeout period (after a reset).</summary>
    public void Restart() => LastEdgeMicroseconds = scheduler.NowMicroseconds;
}
