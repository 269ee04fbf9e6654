namespace Payload.GroundStation.Simulation;

/// <summary>How far a real-time board's virtual time trailed the wall clock, over the pacing steps so far.</summary>
/// <param name="Steps">Pacing steps measured.</param>
/// <param name="P50Microseconds">Median lag.</param>
/// <param name="P99Microseconds">99th-percentile lag.</param>
/// <param name="MaxMicroseconds">Largest lag.</param>
/// <param name="Slips">Times the board fell so far behind (a paused process) that it let the lost time go instead of racing to catch up.</param>
public sealed record LagStatistics(long Steps, double P50Microseconds, double P99Microseconds, double MaxMicroseconds, long Slips)
{
    /// <summary>"lag p50 0.06 ms, p99 0.21 ms, max 1.30 ms over 12000 steps".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"lag p50 {P50Microseconds / 1000:0.00} ms, p99 {P99Microseconds / 1000:0.00} ms, max {MaxMicroseconds / 1000:0.00} ms over {Steps} steps")
        + (Slips > 0 ? $", {Slips} slip(s)" : "");
}
