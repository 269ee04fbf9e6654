using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class SincPatternTests
{
    [Theory]
    [InlineData(1, 1.4303, -13.26)]
    [InlineData(2, 2.4590, -17.83)]
    [InlineData(3, 3.4709, -20.79)]
    public void Sidelobe_peaks_sit_where_tan_pi_x_equals_pi_x_at_the_textbook_levels(int k, double x, double levelDb)
    {
        Assert.Equal(x, SincPattern.SidelobePeakX(k), 4);
        Assert.Equal(levelDb, SincPattern.SidelobeLevelDb(k), 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Each_sidelobe_peak_is_a_local_maximum(int k)
    {
        var x = SincPattern.SidelobePeakX(k);
        var peak = SincPattern.GainDb(x);

        Assert.True(SincPattern.GainDb(x - 0.01) < peak);
        Assert.True(SincPattern.GainDb(x + 0.01) < peak);
    }

    [Fact]
    public void Half_power_point_gives_a_one_way_3dB_width_of_0_886_lambda_over_d()
    {
        Assert.Equal(0.5, SincPattern.Power(SincPattern.HalfPowerX), 12);
        Assert.Equal(0.8859, 2 * SincPattern.HalfPowerX, 4);
        Assert.Equal(-3.0103, SincPattern.GainDb(SincPattern.HalfPowerX), 4);
    }

    [Fact]
    public void Pattern_peaks_at_zero_and_reports_nulls_at_its_floor()
    {
        Assert.Equal(1.0, SincPattern.Power(0.0));
        Assert.Equal(0.0, SincPattern.GainDb(0.0));
        Assert.Equal(SincPattern.NullGainDb, SincPattern.GainDb(1.0));
        Assert.Equal(SincPattern.NullGainDb, SincPattern.GainDb(-2.0));
        Assert.Equal(SincPattern.GainDb(0.3), SincPattern.GainDb(-0.3));
    }

    [Fact]
    public void Sidelobe_index_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SincPattern.SidelobePeakX(0));
    }
}
