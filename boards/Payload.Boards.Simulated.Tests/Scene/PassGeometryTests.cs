using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class PassGeometryTests
{
    [Fact]
    public void Nisar_beam_is_one_degree_and_equals_0_886_lambda_over_d()
    {
        var geometry = new PassGeometry(RadarProfile.NisarL());
        var profile = geometry.Profile;

        Assert.Equal(0.23840, profile.WavelengthM, 5);
        Assert.Equal(0.8859 * profile.WavelengthM / profile.AntennaLengthM, geometry.HalfPowerBeamwidthRad, 5);
        Assert.InRange(geometry.HalfPowerBeamwidthRad * 180 / Math.PI, 0.95, 1.05);
    }

    [Fact]
    public void Sentinel1_beam_is_0_23_degree()
    {
        var geometry = new PassGeometry(RadarProfile.Sentinel1Iw());

        Assert.Equal(0.2289, geometry.HalfPowerBeamwidthRad * 180 / Math.PI, 4);
    }

    [Theory]
    [InlineData(914e3, 2.401)]
    [InlineData(960e3, 2.522)]
    [InlineData(1019e3, 2.677)]
    public void Nisar_main_lobe_dwell_is_2_4_to_2_7_seconds_over_its_slant_range(double slantRangeM, double expectedS)
    {
        var geometry = new PassGeometry(RadarProfile.NisarL(slantRangeM));

        Assert.Equal(expectedS, geometry.HalfPowerDwellS, 3);
        Assert.InRange(geometry.HalfPowerDwellS, 2.4, 2.7);
    }

    [Theory]
    [InlineData(815e3, 0.480)]
    [InlineData(860e3, 0.507)]
    [InlineData(911e3, 0.537)]
    public void Sentinel1_main_lobe_dwell_is_about_half_a_second(double slantRangeM, double expectedS)
    {
        var geometry = new PassGeometry(RadarProfile.Sentinel1Iw(slantRangeM));

        Assert.Equal(expectedS, geometry.HalfPowerDwellS, 3);
    }

    [Fact]
    public void Received_power_is_peak_power_at_t0_and_3dB_down_at_the_dwell_edges()
    {
        var geometry = new PassGeometry(RadarProfile.NisarL(), peakTimeS: 4.0);
        var half = geometry.HalfPowerDwellS / 2;

        Assert.Equal(-55.0, geometry.ReceivedPowerDbm(4.0), 12);
        Assert.Equal(-58.0103, geometry.ReceivedPowerDbm(4.0 - half), 4);
        Assert.Equal(-58.0103, geometry.ReceivedPowerDbm(4.0 + half), 4);
    }

    [Fact]
    public void Angle_follows_atan_of_along_track_distance_over_slant_range()
    {
        var geometry = new PassGeometry(RadarProfile.NisarL(960e3), peakTimeS: 5.0);

        Assert.Equal(0.0, geometry.AngleRad(5.0));
        Assert.Equal(Math.Atan(6700.0 * 2.0 / 960e3), geometry.AngleRad(7.0), 15);
        Assert.Equal(-geometry.AngleRad(7.0), geometry.AngleRad(3.0), 15);
    }

    [Fact]
    public void Pattern_at_the_first_sidelobe_time_is_minus_13_26_dB()
    {
        var geometry = new PassGeometry(RadarProfile.NisarL());
        var x = SincPattern.SidelobePeakX(1);
        var offset = geometry.OffsetForAngleS(geometry.AngleForPatternX(x));

        Assert.Equal(-13.26, geometry.PatternGainDb(geometry.PeakTimeS + offset), 2);
        Assert.Equal(-13.26, geometry.PatternGainDb(geometry.PeakTimeS - offset), 2);
    }

    [Fact]
    public void Propagation_delay_is_slant_range_over_c()
    {
        var geometry = new PassGeometry(RadarProfile.NisarL(960e3), peakTimeS: 5.0);

        Assert.Equal(960e3 / RadarProfile.SpeedOfLight, geometry.PropagationDelayS(5.0), 15);
        Assert.Equal(Math.Sqrt(960e3 * 960e3 + 6700.0 * 6700.0) / RadarProfile.SpeedOfLight, geometry.PropagationDelayS(6.0), 15);
    }

    [Fact]
    public void Higher_carrier_narrows_the_pattern()
    {
        var geometry = new PassGeometry(RadarProfile.NisarL());
        var t = geometry.PeakTimeS + 1.0;

        Assert.True(geometry.PatternGainDb(t, 1293.5e6) < geometry.PatternGainDb(t, 1229e6));
        Assert.True(geometry.HalfPowerBeamwidthRadAt(1293.5e6) < geometry.HalfPowerBeamwidthRadAt(1229e6));
    }
}
