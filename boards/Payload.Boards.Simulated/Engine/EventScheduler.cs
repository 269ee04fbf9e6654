namespace Payload.Boards.Simulated.Engine;

/// <summary>The discrete-event core: actions ordered by virtual time (ties in scheduling order), run one at a time.</summary>
public sealed class EventScheduler
{
    private readonly PriorityQueue<ScheduledAction, (long Time, long Order)> _queue = new();
    private long _order;

    /// <summary>Virtual time of the action being run, in microseconds since the simulation started.</summary>
    public long NowMicroseconds { get; private set; }

    /// <summary>Actions run since the start.</summary>
    public long ActionsRun { get; private set; }

    /// <summary>Runs <paramref name="action"/> at <paramref name="atMicroseconds"/> (not before now).</summary>
    public void At(long atMicroseconds, Action action)
    {
        var time = Math.Max(atMicroseconds, NowMicroseconds);
        _queue.Enqueue(new ScheduledAction(action), (time, _order++));
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="delayMicroseconds"/> from now.</summary>
    public void After(long delayMicroseconds, Action action) => At(NowMicroseconds + delayMicroseconds, action);

    /// <summary>Runs every action due up to and including <paramref name="untilMicroseconds"/>, then sets the time to it.</summary>
    public void RunUntil(long untilMicroseconds)
    {
        while (_queue.TryPeek(out _, out var key) && key.Time <= untilMicroseconds)
        {
            var next = _queue.Dequeue();
            NowMicroseconds = key.Time;
            ActionsRun++;
            next.Action();
        }
        NowMicroseconds = Math.Max(NowMicroseconds, untilMicroseconds);
    }

    private sealed record ScheduledAction(Action Action);
}
