namespace Payload.Boards.Simulated.Engine;

/// <summary>The discrete-event core: actions ordered by virtual time (ties in scheduling order), run one at a time.</summary>
/// <remarks>
/// The queue is a binary heap of structs, and an action may carry one <see langword="long"/> argument (a boot
/// generation, a wake-up time), so components that schedule at every pulse or every frame pass a cached delegate and
/// allocate nothing per event.
/// </remarks>
public sealed class EventScheduler
{
    private Entry[] _heap = new Entry[32];
    private int _count;
    private long _order;

    /// <summary>Virtual time of the action being run, in microseconds since the simulation started.</summary>
    public long NowMicroseconds { get; private set; }

    /// <summary>Actions run since the start.</summary>
    public long ActionsRun { get; private set; }

    /// <summary>Runs <paramref name="action"/> at <paramref name="atMicroseconds"/> (not before now).</summary>
    public void At(long atMicroseconds, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(new Entry(Math.Max(atMicroseconds, NowMicroseconds), _order++, action, null, 0));
    }

    /// <summary>Runs <paramref name="action"/>(<paramref name="argument"/>) at <paramref name="atMicroseconds"/> (not before now).</summary>
    public void At(long atMicroseconds, Action<long> action, long argument)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(new Entry(Math.Max(atMicroseconds, NowMicroseconds), _order++, null, action, argument));
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="delayMicroseconds"/> from now.</summary>
    public void After(long delayMicroseconds, Action action) => At(NowMicroseconds + delayMicroseconds, action);

    /// <summary>Runs <paramref name="action"/>(<paramref name="argument"/>) <paramref name="delayMicroseconds"/> from now.</summary>
    public void After(long delayMicroseconds, Action<long> action, long argument) => At(NowMicroseconds + delayMicroseconds, action, argument);

    /// <summary>Runs every action due up to and including <paramref name="untilMicroseconds"/>, then sets the time to it.</summary>
    public void RunUntil(long untilMicroseconds)
    {
        while (_count > 0 && _heap[0].Time <= untilMicroseconds)
        {
            var next = Dequeue();
            NowMicroseconds = next.Time;
            ActionsRun++;
            if (next.Action is { } action) action();
            else next.ActionWithArgument!(next.Argument);
        }

        NowMicroseconds = Math.Max(NowMicroseconds, untilMicroseconds);
    }

    private void Enqueue(in Entry entry)
    {
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        var index = _count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Precedes(entry, _heap[parent])) break;
            _heap[index] = _heap[parent];
            index = parent;
        }

        _heap[index] = entry;
    }

    private Entry Dequeue()
    {
        var first = _heap[0];
        var last = _heap[--_count];
        _heap[_count] = default; // let the delegate go
        if (_count > 0)
        {
            var index = 0;
            while (true)
            {
                var child = (index << 1) + 1;
                if (child >= _count) break;
                if (child + 1 < _count && Precedes(_heap[child + 1], _heap[child])) child++;
                if (!Precedes(_heap[child], last)) break;
                _heap[index] = _heap[child];
                index = child;
            }

            _heap[index] = last;
        }

        return first;
    }

    // Orders are unique, so this is a strict total order: the heap pops exactly what the (time, order) priority queue did.
    private static bool Precedes(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Order < b.Order);

    private readonly record struct Entry(long Time, long Order, Action? Action, Action<long>? ActionWithArgument, long Argument);
}
