namespace Payload.GroundStation.Transports;

/// <summary>How a stream link retries after losing its connection: bounded attempts, exponential backoff.</summary>
/// <param name="MaxAttempts">Attempts after a loss before the link gives up (0: never retry).</param>
/// <param name="InitialDelay">Wait before the first attempt.</param>
/// <param name="MaxDelay">Cap of the doubling wait.</param>
public sealed record ReconnectPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    /// <summary>10 attempts, 100 ms doubling up to 2 s (about 12 s in all).</summary>
    public static ReconnectPolicy Default { get; } = new(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>No retries: a lost connection closes the link.</summary>
    public static ReconnectPolicy Never { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The wait before attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        double ticks = InitialDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, MaxDelay.Ticks));
    }
}
