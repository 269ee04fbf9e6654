using System.Diagnostics;

namespace Payload.Benchmarks;

/// <summary>What a throughput measurement found: operations per second in the fastest and the median round, and bytes allocated per operation over all timed rounds.</summary>
/// <remarks>
/// The fastest round is the figure: other work on the machine (parallel builds, a CI neighbour) can only slow a round
/// down, so on a busy machine it is the best estimate of what one core does; on a quiet one it is close to the median.
/// </remarks>
public readonly record struct Throughput(double Fastest, double Median, double BytesPerOperation)
{
    /// <summary>
    /// Warms <paramref name="round"/> up (repeated for at least <paramref name="warmUpSeconds"/>, so the JIT's tier-1 code
    /// is in place), then times <paramref name="rounds"/> rounds of it, each doing <paramref name="operationsPerRound"/>
    /// operations, with <see cref="Stopwatch.GetTimestamp"/> on this thread alone.
    /// </summary>
    public static Throughput Measure(Action round, long operationsPerRound, int rounds, double warmUpSeconds = 0.25)
    {
        long warmUpEnd = Stopwatch.GetTimestamp() + (long)(warmUpSeconds * Stopwatch.Frequency);
        do
        {
            round();
        }
        while (Stopwatch.GetTimestamp() < warmUpEnd);

        var rates = new double[rounds];
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            round();
            long elapsed = Stopwatch.GetTimestamp() - start;
            rates[r] = operationsPerRound * (double)Stopwatch.Frequency / elapsed;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Array.Sort(rates);
        return new Throughput(rates[^1], rates[rounds / 2], allocated / ((double)operationsPerRound * rounds));
    }
}
