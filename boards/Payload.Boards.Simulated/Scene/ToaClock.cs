namespace Payload.Boards.Simulated.Scene;

/// <summary>The digitizer's TOA counter as the scene sees it: 80 MHz ticks (12.5 ns) counted from an epoch, with an optional oscillator error.</summary>
public sealed record ToaClock
{
    /// <summary>Nominal TOA counter rate, ticks per second (80 MHz).</summary>
    public const double NominalTicksPerSecond = 80e6;

    /// <summary>Counter value at the pass start (t = 0), e.g. the virtual time at which the pass begins.</summary>
    public long EpochTicks { get; init; }

    /// <summary>Oscillator frequency error, parts per million (positive: the counter runs fast).</summary>
    public double FrequencyErrorPpm { get; init; }

    /// <summary>Actual counter rate including the oscillator error.</summary>
    public double TicksPerSecond => NominalTicksPerSecond * (1.0 + FrequencyErrorPpm * 1e-6);

    /// <summary>Counter value at a time from the pass start (rounded to the nearest tick).</summary>
    public long Ticks(double secondsFromPassStart) => EpochTicks + (long)Math.Round(secondsFromPassStart * TicksPerSecond);

    /// <summary>A duration in ticks (rounded, at least one).</summary>
    public int DurationTicks(double seconds) => Math.Max(1, (int)Math.Round(seconds * TicksPerSecond));
}
