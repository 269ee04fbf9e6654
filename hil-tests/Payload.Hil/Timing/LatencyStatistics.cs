using System.Globalization;

namespace Payload.Hil;

/// <summary>
/// Timing figures of repeated measurements (minimum, median, 99th percentile by nearest rank, maximum). They may be
/// asserted only in virtual time, where they are deterministic; in real time the assertions print the figures instead
/// (wall-clock timing is a benchmark, never a pass/fail criterion).
/// </summary>
public sealed class LatencyStatistics
{
    private readonly Bench _bench;

    internal LatencyStatistics(Bench bench, string name, IReadOnlyList<long> samplesMicroseconds, bool isVirtualTime)
    {
        if (samplesMicroseconds.Count == 0) throw new ArgumentException("no samples", nameof(samplesMicroseconds));
        _bench = bench;
        Name = name;
        IsVirtualTime = isVirtualTime;
        long[] sorted = [.. samplesMicroseconds.Order()];
        Samples = samplesMicroseconds;
        Count = sorted.Length;
        Min = Span(sorted[0]);
        Median = Span(Percentile(sorted, 50));
        P99 = Span(Percentile(sorted, 99));
        Max = Span(sorted[^1]);
    }

    /// <summary>What was measured.</summary>
    public string Name { get; }

    /// <summary>True when the samples are in virtual time (deterministic).</summary>
    public bool IsVirtualTime { get; }

    /// <summary>The samples in measurement order, microseconds.</summary>
    public IReadOnlyList<long> Samples { get; }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Smallest sample.</summary>
    public TimeSpan Min { get; }

    /// <summary>Median (nearest rank).</summary>
    public TimeSpan Median { get; }

    /// <summary>99th percentile (nearest rank: the maximum below 100 samples).</summary>
    public TimeSpan P99 { get; }

    /// <summary>Largest sample.</summary>
    public TimeSpan Max { get; }

    /// <summary>In virtual time, fails the test unless the 99th percentile is below <paramref name="limit"/>; in real time, prints the figures.</summary>
    public LatencyStatistics AssertP99Below(TimeSpan limit) => AssertBelow("p99", P99, limit);

    /// <summary>In virtual time, fails the test unless the maximum is below <paramref name="limit"/>; in real time, prints the figures.</summary>
    public LatencyStatistics AssertMaxBelow(TimeSpan limit) => AssertBelow("max", Max, limit);

    /// <summary>"name: n=20 min=… median=… p99=… max=… ms (virtual time)".</summary>
    public override string ToString() =>
        $"{Name}: n={Count} min={Ms(Min)} median={Ms(Median)} p99={Ms(P99)} max={Ms(Max)} ms ({(IsVirtualTime ? "virtual time" : "real time")})";

    private LatencyStatistics AssertBelow(string what, TimeSpan value, TimeSpan limit)
    {
        if (!IsVirtualTime)
        {
            _bench.Say($"{this}; {what} < {Ms(limit)} ms is a virtual-time criterion: figures only in real time");
            return this;
        }
        _bench.Say(this.ToString());
        _bench.Check(value < limit, $"{Name}: {what} {Ms(value)} ms is not below {Ms(limit)} ms ({this})");
        return this;
    }

    private static long Percentile(long[] sorted, int percent)
    {
        int rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static TimeSpan Span(long microseconds) => TimeSpan.FromTicks(microseconds * 10);

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
