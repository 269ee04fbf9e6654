using Payload.Flight.Instrument.Products;

namespace Payload.Flight.Tests.Instrument.Products;

/// <summary>Bin smoothing and the walks that find the fit window and the first sidelobes.</summary>
public class PatternBinsTests
{
    /// <summary>One pulse per bin at the given codes; a negative code leaves the bin empty.</summary>
    private static PatternBins Bins(params int[] codes)
    {
        var bins = new PatternBins(codes.Length);
        bins.Reset(codes.Length);
        for (int i = 0; i < codes.Length; i++)
        {
            if (codes[i] >= 0)
            {
                bins.Add(i, codes[i]);
            }
        }

        return bins;
    }

    [Fact]
    public void Smoothing_pools_neighbours_and_finds_the_highest()
    {
        var bins = Bins(10, 20, 30, 100, 30, 25, -1, -1, -1, 5);

        int peak = bins.Smooth(half: 1, minCount: 2);

        Assert.Equal(3, peak);
        Assert.Equal(16 * 15, bins.Smoothed(0));                     // (10 + 20) / 2
        Assert.Equal((16 * 160 + 1) / 3, bins.Smoothed(3));          // (30 + 100 + 30) / 3, rounded
        Assert.Equal(16 * 55 / 2, bins.Smoothed(5));                 // (30 + 25) / 2: bin 6 is empty
        Assert.Equal(PatternBins.Empty, bins.Smoothed(6));           // one pulse within ±1 < minCount
        Assert.Equal(PatternBins.Empty, bins.Smoothed(7));           // no pulse within ±1
        Assert.Equal(PatternBins.Empty, bins.Smoothed(9));
    }

    [Fact]
    public void The_window_walk_crosses_short_gaps_and_saturated_bins_but_stops_below_threshold()
    {
        var bins = Bins(0, 50, 80, -1, 95, -1, -1, 99, -1, 90, 40);
        bins.AddSaturated(5);
        bins.AddSaturated(6);
        bins.Smooth(half: 0, minCount: 1);

        Assert.Equal(9, bins.WindowEdge(7, 1, threshold: 16 * 60, maxGap: 1));
        Assert.Equal(2, bins.WindowEdge(7, -1, threshold: 16 * 60, maxGap: 1));  // bins 6, 5 saturated, 3 a one-bin gap
        Assert.Equal(4, bins.WindowEdge(7, -1, threshold: 16 * 90, maxGap: 1));  // 80 is below 90
        Assert.Equal(4, bins.WindowEdge(4, -1, threshold: 16 * 60, maxGap: 0));  // the gap at bin 3 is too long
    }

    [Fact]
    public void A_bin_is_saturated_when_a_quarter_of_its_pulses_are()
    {
        var bins = Bins(100, 100, 100);
        bins.Add(1, 100);
        bins.Add(1, 100);
        bins.Add(1, 100);
        bins.AddSaturated(0);
        bins.AddSaturated(1);

        Assert.True(bins.IsSaturated(0));   // 1 of 2
        Assert.False(bins.IsSaturated(1));  // 1 of 5
        Assert.False(bins.IsSaturated(2));  // none
        Assert.True(PatternBins.IsSaturatedShare(1, 0));
        Assert.True(PatternBins.IsSaturatedShare(1, 3));   // exactly a quarter
        Assert.False(PatternBins.IsSaturatedShare(1, 4));
        Assert.False(PatternBins.IsSaturatedShare(0, 0));
    }

    [Fact]
    public void The_sidelobe_walk_needs_a_null_a_rise_and_a_confirming_fall()
    {
        //                 edge  falling    null  rising       top  falling
        var bins = Bins(-1, 100, 90, 70, 40, 30, -1, 45, 60, 75, 76, 74, 70, 50);
        bins.Smooth(half: 0, minCount: 1);

        Assert.Equal(16 * 76, bins.Sidelobe(1, 1, nullRise: 16 * 10, peakFall: 16 * 5, maxGap: 2));
        // Not confirmed: the level never falls 30 below the top before the data end.
        Assert.Equal(PatternBins.Empty, bins.Sidelobe(1, 1, nullRise: 16 * 10, peakFall: 16 * 30, maxGap: 2));
        // No null: the rise is never more than 50 above the lowest level.
        Assert.Equal(PatternBins.Empty, bins.Sidelobe(1, 1, nullRise: 16 * 50, peakFall: 16 * 5, maxGap: 2));
        // A gap longer than maxGap ends the walk.
        Assert.Equal(PatternBins.Empty, bins.Sidelobe(1, 1, nullRise: 16 * 10, peakFall: 16 * 5, maxGap: 0));
    }
}
