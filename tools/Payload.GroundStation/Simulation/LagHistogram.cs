namespace Payload.GroundStation.Simulation;

/// <summary>Lag samples in 10 µs bins up to 1 s (beyond: one overflow bin), so percentiles cost no allocation per step.</summary>
internal sealed class LagHistogram
{
    private const int BinMicroseconds = 10;
    private const int Bins = 100_000;
    private readonly long[] _counts = new long[Bins + 1];
    private readonly Lock _lock = new();
    private long _total;
    private long _max;

    public void Add(long lagMicroseconds)
    {
        long lag = Math.Max(0, lagMicroseconds);
        lock (_lock)
        {
            _counts[Math.Min(Bins, lag / BinMicroseconds)]++;
            _total++;
            if (lag > _max) _max = lag;
        }
    }

    public LagStatistics Snapshot(long slips)
    {
        lock (_lock)
        {
            return new LagStatistics(_total, Percentile(50), Percentile(99), _max, slips);
        }
    }

    private double Percentile(int percent)
    {
        if (_total == 0) return 0;
        long rank = (long)Math.Ceiling(_total * percent / 100.0);
        long seen = 0;
        for (int bin = 0; bin <= Bins; bin++)
        {
            seen += _counts[bin];
            if (seen >= rank) return Math.Min(_max, (bin + 1) * (double)BinMicroseconds);
        }
        return _max;
    }
}
