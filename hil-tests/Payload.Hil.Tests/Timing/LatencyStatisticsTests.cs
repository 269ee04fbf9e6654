namespace Payload.Hil.Tests.Timing;

public sealed class LatencyStatisticsTests(ITestOutputHelper output)
{
    [Fact]
    public void FiguresAreMinimumMedianNearestRankPercentileAndMaximum()
    {
        using Bench bench = Bench.Connect(output);
        long[] samples = [.. Enumerable.Range(1, 200).Select(i => (long)i * 1000)];

        var statistics = new LatencyStatistics(bench, "ramp", samples, isVirtualTime: true);

        Assert.Equal(TimeSpan.FromMilliseconds(1), statistics.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(100), statistics.Median);
        Assert.Equal(TimeSpan.FromMilliseconds(198), statistics.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(200), statistics.Max);
        Assert.Equal("ramp: n=200 min=1 median=100 p99=198 max=200 ms (virtual time)", statistics.ToString());
    }

    [Fact]
    public void InVirtualTimeALimitIsAssertedAndInRealTimeOnlyPrinted()
    {
        using Bench bench = Bench.Connect(output);
        long[] samples = [10_000, 20_000, 30_000];

        new LatencyStatistics(bench, "virtual", samples, isVirtualTime: true).AssertP99Below(TimeSpan.FromMilliseconds(31));
        Exception failure = bench.ExpectFailure(() => new LatencyStatistics(bench, "virtual", samples, isVirtualTime: true).AssertP99Below(TimeSpan.FromMilliseconds(30)));
        Assert.Contains("p99 30 ms is not below 30 ms", failure.Message);

        // Wall-clock figures are benchmarks: far above the limit, and still no failure.
        new LatencyStatistics(bench, "real", samples, isVirtualTime: false).AssertP99Below(TimeSpan.FromMilliseconds(1)).AssertMaxBelow(TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void TheSimulatedBoardsRoundTripIsDeterministic()
    {
        LatencyStatistics Run()
        {
            using Bench bench = Bench.Connect(output);
            return bench.Latencies(Enumerable.Range(0, 5).Select(_ => bench.SendAndComplete("TEST_ARE_YOU_ALIVE")).ToArray());
        }

        LatencyStatistics first = Run(), second = Run();

        Assert.True(first.IsVirtualTime);
        Assert.Equal(first.Samples, second.Samples);
        Assert.InRange(first.Max, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(60));
    }
}
