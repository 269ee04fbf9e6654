using Payload.Flight.Instrument.Products;

namespace Payload.Flight.Tests.Instrument.Products;

/// <summary>The fixed-point parabola fit recovers an exact parabola's vertex, level and half-power width.</summary>
public class ParabolaFitTests
{
    private const int BinTicks = 800_000;
    private const int MilliCodesPerDb = 655_360;

    // 3.0103 dB in 1/256 code at 655.36 codes/dB, as PassAccumulator computes it.
    private static readonly long HalfPowerQ8 = FixedPoint.MulDiv(3010300, MilliCodesPerDb, 3906250);

    /// <summary>
    /// Bins whose mean code is exactly top − curvature·(i − vertex)²: four pulses per bin whose integer codes sum to four
    /// times that (vertex and curvature are chosen so that it is an integer).
    /// </summary>
    private static PatternBins Parabola(int length, double vertex, double curvature, int top = 60_000)
    {
        var bins = new PatternBins(length);
        bins.Reset(length);
        for (int i = 0; i < length; i++)
        {
            double exactSum = 4 * (top - curvature * (i - vertex) * (i - vertex));
            long sum = (long)Math.Round(exactSum);
            Assert.Equal(exactSum, sum, 9);
            long quotient = Math.DivRem(sum, 4, out long remainder);
            if (remainder < 0)
            {
                quotient--;
                remainder += 4;
            }

            for (int k = 0; k < 4; k++)
            {
                bins.Add(i, (int)(quotient + (k < remainder ? 1 : 0)));
            }
        }

        return bins;
    }

    [Theory]
    [InlineData(137.0, 16.0)]
    [InlineData(137.5, 16.0)]
    [InlineData(137.25, 16.0)]
    [InlineData(140.75, 64.0)]
    public void Recovers_an_exact_parabola_sampled_one_bin_per_point(double vertex, double curvature)
    {
        var bins = Parabola(300, vertex, curvature);
        var fit = new ParabolaFit();
        // The window: every bin within 3.5 dB of the top (2293.76 codes).
        int half = (int)Math.Floor(Math.Sqrt(2293.76 / curvature));
        int left = (int)Math.Ceiling(vertex) - half, right = (int)Math.Floor(vertex) + half;

        Assert.True(fit.Fit(bins, left, right, 60_000 * 16, HalfPowerQ8, BinTicks));

        long groupTicks = BinTicks; // span ≤ 65 bins: one bin per point
        Assert.Equal(right - left + 1, fit.Points);
        Assert.Equal((vertex + 0.5) * BinTicks, fit.VertexTicks, (double)(groupTicks >> 15));
        Assert.Equal(0.0, fit.LevelQ4, 1.0);
        double halfWidthBins = Math.Sqrt(HalfPowerQ8 / 256.0 / curvature);
        Assert.Equal(halfWidthBins * BinTicks, fit.HalfWidthTicks, (double)(groupTicks >> 14));
    }

    [Theory]
    [InlineData(400.0, 1.0, 2)]   // window ±47 bins → 95 bins → groups of 2
    [InlineData(1000.0, 0.25, 3)] // window ±95 bins → 191 bins → groups of 3
    public void Recovers_the_vertex_and_width_when_bins_are_grouped(double vertex, double curvature, int groupSize)
    {
        var bins = Parabola(2000, vertex, curvature);
        var fit = new ParabolaFit();
        int half = (int)Math.Floor(Math.Sqrt(2293.76 / curvature));
        int left = (int)vertex - half, right = (int)vertex + half;

        Assert.True(fit.Fit(bins, left, right, 60_000 * 16, HalfPowerQ8, BinTicks));

        long groupTicks = (long)groupSize * BinTicks;
        Assert.Equal((right - left + 1) / groupSize, fit.Points);
        Assert.Equal((vertex + 0.5) * BinTicks, fit.VertexTicks, (double)(groupTicks >> 15));
        double halfWidthBins = Math.Sqrt(HalfPowerQ8 / 256.0 / curvature);
        Assert.Equal(halfWidthBins * BinTicks, fit.HalfWidthTicks, (double)(groupTicks >> 14));
        // A group's mean of c·(x)² over its r bins is c·(centre² + (r² − 1)/12): the level drops by that, nothing else.
        double levelQ4 = -16.0 * curvature * (groupSize * groupSize - 1) / 12.0;
        Assert.Equal(levelQ4, fit.LevelQ4, 1.0);
    }

    [Theory]
    [InlineData(500.0, 15.0)]  // 65 points, |y| up to 245 760 (just under 2^18): the largest exact range, no shift
    [InlineData(500.5, 60.0)]  // |y| up to 10^6: y shifted right by 2
    public void Stays_exact_at_the_edges_of_its_ranges(double vertex, double curvature)
    {
        var bins = Parabola(1000, vertex, curvature, top: 65_000 * 4);
        var fit = new ParabolaFit();
        int left = (int)Math.Floor(vertex) - 32, right = left + 64;

        Assert.True(fit.Fit(bins, left, right, 65_000L * 4 * 16, HalfPowerQ8, BinTicks));

        Assert.Equal(65, fit.Points);
        Assert.Equal((vertex + 0.5) * BinTicks, fit.VertexTicks, (double)(BinTicks >> 15));
        Assert.Equal(Math.Sqrt(HalfPowerQ8 / 256.0 / curvature) * BinTicks, fit.HalfWidthTicks, (double)(BinTicks >> 14));
        Assert.Equal(0.0, fit.LevelQ4, 4.0);
    }

    [Fact]
    public void A_parabola_opening_upwards_is_refused()
    {
        var bins = Parabola(100, 50, -4, top: 20_000);
        Assert.False(new ParabolaFit().Fit(bins, 30, 70, 20_000 * 16, HalfPowerQ8, BinTicks));
    }

    [Fact]
    public void Too_few_points_are_refused()
    {
        var bins = Parabola(100, 50, 16);
        Assert.False(new ParabolaFit().Fit(bins, 48, 51, 60_000 * 16, HalfPowerQ8, BinTicks));
    }

    [Fact]
    public void Groups_with_saturated_pulses_are_left_out()
    {
        var bins = Parabola(300, 140, 16);
        for (int i = 136; i <= 144; i++)
        {
            bins.AddSaturated(i); // 2 saturated beside 4 unsaturated pulses: their means would be censored, the fit must not see them
            bins.AddSaturated(i);
        }

        bins.AddSaturated(130);   // 1 beside 4: a stray saturated pulse changes nothing

        var fit = new ParabolaFit();
        Assert.True(fit.Fit(bins, 129, 151, 60_000 * 16, HalfPowerQ8, BinTicks));
        Assert.Equal(23 - 9, fit.Points);
        Assert.Equal(140.5 * BinTicks, fit.VertexTicks, (double)(BinTicks >> 15));
        Assert.Equal(Math.Sqrt(HalfPowerQ8 / 256.0 / 16) * BinTicks, fit.HalfWidthTicks, (double)(BinTicks >> 14));
    }

    [Fact]
    public void Empty_bins_are_skipped()
    {
        var bins = new PatternBins(300);
        bins.Reset(300);
        for (int i = 100; i < 180; i++)
        {
            if (i % 3 != 0)
            {
                bins.Add(i, (int)(60_000 - 16 * (i - 140.5) * (i - 140.5)));
            }
        }

        var fit = new ParabolaFit();
        Assert.True(fit.Fit(bins, 129, 152, 60_000 * 16, HalfPowerQ8, BinTicks));
        Assert.Equal(16, fit.Points);
        Assert.Equal(141 * (double)BinTicks, fit.VertexTicks, (double)(BinTicks >> 15));
    }
}
