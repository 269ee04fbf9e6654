using System.Collections.Concurrent;

namespace Payload.Hil;

/// <summary>
/// How many reports of each event the board has sent in each of its throttle windows (1000 frames from boot), as
/// received; shared by every bench of a run on the same board, so a test can make sure the throttle leaves room for
/// the events it waits for (see <see cref="Bench.EnsureEventBudget"/>).
/// </summary>
internal sealed class ThrottleLedger
{
    private static readonly ConcurrentDictionary<string, ThrottleLedger> Shared = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Event, long Window), int> _counts = [];
    private readonly List<(string Event, long Mission)> _unplaced = [];
    private long _anchorFrame = -1;
    private long _anchorMission;

    /// <summary>The ledger of a board other benches of this run use too (a shared target), or a new one.</summary>
    public static ThrottleLedger For(BenchTarget target) => target.IsSimulated ? new ThrottleLedger() : Shared.GetOrAdd(target.Uri, _ => new ThrottleLedger());

    /// <summary>Frames per throttle window.</summary>
    public static long WindowFrames => Payload.Flight.Config.FlightConfiguration.EventThrottleWindowFrames;

    /// <summary>True once a housekeeping packet has tied frame numbers to mission time.</summary>
    public bool HasAnchor
    {
        get { lock (_lock) return _anchorFrame >= 0; }
    }

    /// <summary>The board's frame count at mission time <paramref name="missionMicroseconds"/>, or null before any HK_CORE.</summary>
    public long? FrameAt(long missionMicroseconds)
    {
        lock (_lock)
        {
            if (_anchorFrame < 0) return null;
            return _anchorFrame + (missionMicroseconds - _anchorMission) / Durations.Frame.Micros();
        }
    }

    /// <summary>A housekeeping packet said the board was at <paramref name="frame"/> at <paramref name="missionMicroseconds"/>.</summary>
    public void Anchor(long frame, long missionMicroseconds)
    {
        lock (_lock)
        {
            if (frame < _anchorFrame) _counts.Clear(); // a new boot: frame numbers start again
            _anchorFrame = frame;
            _anchorMission = missionMicroseconds;
            // Events that arrived before the first housekeeping packet (a test's first seconds) count too.
            foreach ((string name, long mission) in _unplaced) Add(name, mission);
            _unplaced.Clear();
        }
    }

    /// <summary>Counts a live report of <paramref name="name"/> generated at <paramref name="missionMicroseconds"/>.</summary>
    public void Count(string name, long missionMicroseconds)
    {
        lock (_lock)
        {
            if (_anchorFrame < 0) _unplaced.Add((name, missionMicroseconds));
            else Add(name, missionMicroseconds);
        }
    }

    private void Add(string name, long missionMicroseconds)
    {
        long frame = _anchorFrame + (missionMicroseconds - _anchorMission) / Durations.Frame.Micros();
        var key = (name, frame / WindowFrames);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Reports of <paramref name="name"/> received in throttle window <paramref name="window"/>.</summary>
    public int Used(string name, long window)
    {
        lock (_lock) return _counts.GetValueOrDefault((name, window));
    }
}
