using Payload.Boards.Simulated.Scene;
using Payload.Flight.Instrument.Products;

namespace Payload.Analysis.Tests;

/// <summary>
/// The simulated board's radar scene (boards/Payload.Boards.Simulated/Scene): NISAR and Sentinel-1 passes captured as the
/// digitizer would; the board agrees with the ground and both recover the scene's <see cref="PassTruth"/>.
/// </summary>
public class ScenePassTests
{
    private static readonly ProductSettings Flight = new();
    private static readonly AnalysisSettings Ground = AnalysisSettings.FromFlight(Flight);

    public static TheoryData<string> Named => new(Cases.Keys);

    private static readonly Dictionary<string, Func<RadarPass>> Cases = new()
    {
        ["NISAR nominal"] = () => RadarPass.Simulate(RadarProfile.NisarL()),
        ["NISAR near range, drops, threshold jitter"] = () => RadarPass.Simulate(RadarProfile.NisarL(914e3),
            new SceneOptions { Seed = 3, Effects = SceneEffects.Nominal with { DropProbability = 0.03, ThresholdJitterDb = 0.5 } }),
        ["NISAR far range, early peak"] = () => RadarPass.Simulate(RadarProfile.NisarL(1019e3), new SceneOptions { Seed = 4 }, peakTimeS: 4.3),
        ["NISAR split spectrum"] = () => RadarPass.Simulate(RadarProfile.NisarL(),
            new SceneOptions { Seed = 2, Effects = SceneEffects.Nominal with { SplitSpectrum = true } }),
        ["Sentinel-1 IW bursts"] = () => RadarPass.Simulate(RadarProfile.Sentinel1Iw()),
        ["Sentinel-1 IW2 continuous"] = () => RadarPass.Simulate(RadarProfile.Sentinel1Iw(),
            new SceneOptions { Seed = 5, Effects = SceneEffects.Nominal with { SubSwathBursts = false } }),
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void Board_agrees_with_ground_and_both_recover_the_truth(string name)
    {
        var pass = Cases[name]();
        var profile = pass.Geometry.Profile;
        var truth = pass.Truth;
        var pulses = ScenePulses.Capture(pass);
        var context = new PassContext((int)profile.GroundSpeedMps, (int)profile.SlantRangeM, pass.Options.Temperature.CelsiusAt(truth.PeakTimeS));

        var board = Board.Products(pulses, Flight, context);
        var ground = GroundProducts.Compute(pulses, Ground, context);

        ProductAgreement.Check(board, ground);
        bool split = pass.Options.Effects.SplitSpectrum;
        bool bursts = pass.Options.Effects.SubSwathBursts && profile.HasBursts;
        // Split spectrum: the first chirp of each pair is the primary pulse, so the pattern is the 1229 MHz carrier's.
        double beamwidthDeg = split
            ? pass.Geometry.HalfPowerBeamwidthRadAt(profile.SplitSpectrum!.FirstFrequencyHz) * 180 / Math.PI
            : truth.BeamwidthDeg;
        foreach (var (who, products) in new[] { ("board", board), ("ground", ground) })
        {
            TruthCheck.Pattern($"{name} {who}", products, truth.PeakToaTicks, truth.DwellS, beamwidthDeg, truth.PeakCode, pass.Options.Detector.CodesPerDb);
            TruthCheck.Timing($"{name} {who}", products, truth.ReceiverPrfHz, pass.Options.Effects.PrfDither && profile.PrfDitherFraction > 0);
            if (!split)
            {
                // Bursts: IW2's bursts (the train) end before S-1's sidelobes, so none may be reported, but none may be wrong.
                TruthCheck.Sidelobes($"{name} {who}", products, required: !bursts && truth.PeakTimeS == profile.VisibleDurationS / 2);
            }
        }

        Assert.Equal(truth.PrfsHz.Count > 1 && bursts ? 3 : 1, board.PriClusterCount);
        if (split)
        {
            Assert.True(board.PulseCount > 1.9 * board.TrainPulseCount / 1.05, "second chirps are satellites outside the train");
        }
    }
}
