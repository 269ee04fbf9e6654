using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class PassTruthTests
{
    [Fact]
    public void Nisar_truth_states_the_geometry()
    {
        var pass = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None });
        var truth = pass.Truth;

        Assert.Equal(5.0, truth.PeakTimeS);
        Assert.Equal(5.0 + 960e3 / RadarProfile.SpeedOfLight, truth.PeakArrivalTimeS, 12);
        Assert.Equal((long)Math.Round(truth.PeakArrivalTimeS * 80e6), truth.PeakToaTicks);
        Assert.Equal(1.0084, truth.BeamwidthDeg, 4);
        Assert.Equal(truth.BeamwidthRad * 180 / Math.PI, truth.BeamwidthDeg, 12);
        Assert.Equal(2.5219, truth.DwellS, 4);
        Assert.Equal(truth.DwellS, truth.DwellEndS - truth.DwellStartS, 12);
        Assert.Equal([1650.0], truth.PrfsHz);
        Assert.Equal(1650.0, truth.ReceiverPrfHz);
        Assert.Equal(16500, truth.EmittedPulsesVisible);
    }

    [Fact]
    public void Truth_lists_the_first_three_sidelobes_and_where_they_fall()
    {
        var pass = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None });
        var truth = pass.Truth;

        Assert.Equal(-13.26, truth.SidelobeLevelsDb[0], 2);
        Assert.Equal(-17.83, truth.SidelobeLevelsDb[1], 2);
        Assert.Equal(-20.79, truth.SidelobeLevelsDb[2], 2);
        Assert.Equal(4.07, truth.SidelobeOffsetsS[0], 2);
        for (var k = 0; k < PassTruth.ListedSidelobes; k++)
        {
            Assert.Equal(truth.SidelobeLevelsDb[k], pass.Geometry.PatternGainDb(truth.PeakTimeS + truth.SidelobeOffsetsS[k]), 9);
        }
    }

    [Fact]
    public void Peak_level_and_code_follow_the_receiver_chain()
    {
        var options = new SceneOptions { Effects = SceneEffects.None };
        var truth = RadarPass.Simulate(RadarProfile.NisarL(), options).Truth;

        Assert.Equal(-55.0, truth.PeakReceivedDbm);
        Assert.Equal(-26.0, truth.PeakDetectorInputDbm, 12);
        Assert.Equal(options.Detector.PeakCode(-26.0), truth.PeakCode);
    }

    [Fact]
    public void Delivered_counts_exclude_dropped_pulses()
    {
        var pass = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.Nominal with { DropProbability = 0.1 } });
        var truth = pass.Truth;
        var dropped = pass.Pulses.Count(p => p.IsDropped);
        var droppedInBeam = pass.Pulses.Count(p => p.IsDropped && p.EmissionTimeS >= truth.DwellStartS && p.EmissionTimeS <= truth.DwellEndS);

        Assert.True(droppedInBeam > 0);
        Assert.Equal(truth.EmittedPulsesVisible - dropped, truth.DeliveredPulsesVisible);
        Assert.Equal(truth.EmittedPulsesIn3dB - droppedInBeam, truth.DeliveredPulsesIn3dB);
    }

    [Fact]
    public void Peak_time_can_be_placed_anywhere_in_the_window()
    {
        var truth = RadarPass.Simulate(RadarProfile.Sentinel1Iw(), new SceneOptions { Effects = SceneEffects.None }, peakTimeS: 2.5).Truth;

        Assert.Equal(2.5, truth.PeakTimeS);
        Assert.Equal(2.5 - truth.DwellS / 2, truth.DwellStartS, 12);
        Assert.Equal(1451.6, truth.ReceiverPrfHz);
        Assert.Equal([1717.1, 1451.6, 1685.8], truth.PrfsHz);
    }
}
