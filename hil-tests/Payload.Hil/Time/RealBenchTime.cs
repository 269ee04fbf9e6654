using System.Diagnostics;

namespace Payload.Hil;

/// <summary>
/// Real time against a board that runs by itself: bench time follows on-board time (see <see cref="OnboardTimeTracker"/>),
/// and every wait also has a wall-clock limit, so a silent board cannot hang a run.
/// </summary>
internal sealed class RealBenchTime : IBenchTime
{
    private static readonly long TicksPerMicrosecond = Stopwatch.Frequency / 1_000_000 > 0 ? Stopwatch.Frequency / 1_000_000 : 1;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly double _wallFactor;
    private readonly long _wallSlack;

    public RealBenchTime(OnboardTimeTracker tracker, double wallFactor, TimeSpan wallSlack)
    {
        Tracker = tracker;
        _wallFactor = wallFactor;
        _wallSlack = (long)wallSlack.TotalMicroseconds;
    }

    public OnboardTimeTracker Tracker { get; }

    public bool IsVirtual => false;

    /// <summary>Wall time since the bench started, microseconds.</summary>
    public long WallNow => _wall.ElapsedTicks / TicksPerMicrosecond;

    public long Now => Tracker.Now(WallNow);

    public bool WaitUntil(object gate, Func<bool> condition, long windowMicroseconds)
    {
        long deadline = Now + Math.Max(0, windowMicroseconds);
        long wallDeadline = WallNow + (long)(Math.Max(0, windowMicroseconds) * _wallFactor) + _wallSlack;
        lock (gate)
        {
            while (true)
            {
                if (condition()) return true;
                if (Now >= deadline || WallNow >= wallDeadline) return condition();
                // Woken by every received report; the timeout lets the deadline pass when nothing arrives.
                Monitor.Wait(gate, 20);
            }
        }
    }
}
