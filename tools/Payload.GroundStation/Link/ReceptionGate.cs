namespace Payload.GroundStation.Link;

/// <summary>
/// Raises a link's <see cref="IGroundLink.Received"/>, holding whatever arrives before the first handler subscribes and
/// handing it to that handler, in order, as it subscribes: a link starts receiving when it opens, and the reports that
/// come before a session attaches (a boot event, the first housekeeping) must not be lost in between.
/// </summary>
/// <remarks>
/// What is held is bounded (<see cref="MaxHeldOctets"/>): beyond it the newest octets are dropped and counted, since a
/// link nobody ever listens to must not grow without limit. Handlers run outside the lock, except the hand-over of
/// what was held, which runs under it so that nothing received meanwhile can overtake it.
/// </remarks>
public sealed class ReceptionGate
{
    /// <summary>Octets held at most before the first handler subscribes.</summary>
    public const int MaxHeldOctets = 4 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly List<byte[]> _held = [];
    private Action<byte[], int, int>? _handlers;
    private bool _opened;
    private long _heldOctets;
    private long _dropped;

    /// <summary>Octets dropped because nobody subscribed before <see cref="MaxHeldOctets"/> had arrived.</summary>
    public long DroppedOctets
    {
        get { lock (_lock) return _dropped; }
    }

    /// <summary>Subscribes <paramref name="handler"/>; the first one receives, at once, everything held so far.</summary>
    public void Add(Action<byte[], int, int>? handler)
    {
        if (handler is null) return;
        lock (_lock)
        {
            _handlers += handler;
            if (_opened) return;
            _opened = true;
            foreach (byte[] octets in _held) handler(octets, 0, octets.Length);
            _held.Clear();
            _heldOctets = 0;
        }
    }

    /// <summary>Unsubscribes <paramref name="handler"/>; once someone has subscribed, nothing is held any more.</summary>
    public void Remove(Action<byte[], int, int>? handler)
    {
        lock (_lock) _handlers -= handler;
    }

    /// <summary>Passes received octets to the handlers, or holds a copy of them while none has ever subscribed.</summary>
    public void Deliver(byte[] buffer, int offset, int count)
    {
        Action<byte[], int, int>? handlers;
        lock (_lock)
        {
            if (!_opened)
            {
                if (_heldOctets + count > MaxHeldOctets)
                {
                    _dropped += count;
                    return;
                }
                _held.Add(buffer.AsSpan(offset, count).ToArray());
                _heldOctets += count;
                return;
            }
            handlers = _handlers;
        }
        handlers?.Invoke(buffer, offset, count);
    }
}
