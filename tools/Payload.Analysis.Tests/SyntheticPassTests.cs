using Payload.Flight.Instrument.Products;

namespace Payload.Analysis.Tests;

/// <summary>Synthetic sinc² passes (generated here, fixed seeds): the board agrees with the ground, and both recover the truth.</summary>
public class SyntheticPassTests
{
    private static readonly ProductSettings Flight = new();
    private static readonly AnalysisSettings Ground = AnalysisSettings.FromFlight(Flight);

    private static SyntheticPass Nisar(int seed) => new() { Name = $"NISAR seed {seed}", Seed = seed, DitherFraction = 0.01 };

    private static SyntheticPass Sentinel1(int seed) => new()
    {
        Name = $"Sentinel-1 IW2 seed {seed}", Seed = seed, PrfHz = 1451.6, PulseWidthS = 61.7e-6, WavelengthM = 0.05547,
        AntennaLengthM = 12.3, GroundSpeedMps = 6780, SlantRangeM = 860_000, DurationS = 8.0, PeakTimeS = 4.0,
    };

    public static TheoryData<string> Named => new(Cases.Keys);

    private static readonly Dictionary<string, SyntheticPass> Cases = new SyntheticPass[]
    {
        Nisar(1),
        Nisar(7) with { Name = "NISAR peak off-centre", PeakTimeS = 4.2 },
        Nisar(2) with { Name = "NISAR 5 % dropped", DropProbability = 0.05 },
        Nisar(4) with { Name = "NISAR saturated top", SaturationDbm = -27.0 },
        Nisar(5) with { Name = "NISAR TOA wraps at 2^48", EpochTicks = (1L << 48) - 300_000_000L },
        Sentinel1(3),
    }.ToDictionary(p => p.Name);

    private static (PassProductValues Board, PassProductValues Ground) Run(SyntheticPass pass, List<(long, int, int, int)> pulses)
    {
        var context = new PassContext(pass.GroundSpeedMps, pass.SlantRangeM, 21.5);
        return (Board.Products(pulses, Flight, context), GroundProducts.Compute(pulses, Ground, context));
    }

    private static double DwellS(SyntheticPass pass) =>
        2.0 * pass.SlantRangeM * Math.Tan(pass.BeamwidthDeg * Math.PI / 360.0) / pass.GroundSpeedMps;

    [Theory]
    [MemberData(nameof(Named))]
    public void Board_agrees_with_ground_and_both_recover_the_truth(string name)
    {
        var pass = Cases[name];
        var pulses = pass.Generate();
        var (board, ground) = Run(pass, pulses);

        ProductAgreement.Check(board, ground);
        bool saturated = pass.SaturationDbm < pass.PeakDbm;
        double truePeakToa = pass.PeakToa % (1L << 48);
        foreach (var (who, products) in new[] { ("board", board), ("ground", ground) })
        {
            TruthCheck.Pattern($"{name} {who}", products, truePeakToa, DwellS(pass), pass.BeamwidthDeg, pass.PeakCode, pass.CodesPerDb, saturated);
            TruthCheck.Timing($"{name} {who}", products, pass.PrfHz, pass.DitherFraction > 0);
            TruthCheck.Sidelobes($"{name} {who}", products, required: pass.PeakTimeS == pass.DurationS / 2);
        }

        Assert.Equal(saturated, board.AmplitudeExcludedCount > 0);
        if (pass.DropProbability > 0)
        {
            Assert.InRange(board.MissedPulses!.Value, 0.8 * pass.DropProbability * board.ExpectedCount!.Value, 1.2 * pass.DropProbability * board.ExpectedCount.Value);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    public void Agreement_and_truth_hold_over_seeds(int seed)
    {
        foreach (var pass in new[] { Nisar(seed) with { PeakTimeS = 4.5 + (seed % 3) * 0.3 }, Sentinel1(seed + 10) })
        {
            var (board, ground) = Run(pass, pass.Generate());
            ProductAgreement.Check(board, ground);
            TruthCheck.Pattern($"{pass} board", board, pass.PeakToa, DwellS(pass), pass.BeamwidthDeg, pass.PeakCode, pass.CodesPerDb);
            TruthCheck.Pattern($"{pass} ground", ground, pass.PeakToa, DwellS(pass), pass.BeamwidthDeg, pass.PeakCode, pass.CodesPerDb);
            TruthCheck.Sidelobes($"{pass} board", board, required: false);
        }
    }
}
