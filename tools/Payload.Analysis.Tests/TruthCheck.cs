namespace Payload.Analysis.Tests;

/// <summary>Asserts that a set of products (board or ground) recovers a pass's true pattern and timing.</summary>
public static class TruthCheck
{
    /// <summary>sinc²'s first sidelobe, dB.</summary>
    public const double FirstSidelobeDb = -13.2646;

    /// <summary>Peak time, 3 dB width and peak level against their true values.</summary>
    public static void Pattern(string who, PassProductValues products, double truePeakToa, double dwellS, double trueBeamwidthDeg,
        double truePeakCode, double codesPerDb, bool saturatedTop = false)
    {
        ArgumentNullException.ThrowIfNull(products);
        Assert.True(products.PeakToa.HasValue, $"{who}: no peak time");
        double peakError = products.PeakToa!.Value - truePeakToa;
        Assert.True(Math.Abs(peakError) <= Tolerances.PeakTimeDwellFraction * dwellS * 80e6,
            $"{who}: peak time off by {peakError / 80e3:F3} ms (dwell {dwellS:F3} s)");

        double widthTolerance = saturatedTop ? Tolerances.SaturatedBeamwidthTruthRelative : Tolerances.BeamwidthTruthRelative;
        double widthError = products.BeamwidthDeg!.Value / trueBeamwidthDeg - 1;
        Assert.True(Math.Abs(widthError) <= widthTolerance, $"{who}: beamwidth {products.BeamwidthDeg:F6}° vs {trueBeamwidthDeg:F6}° ({widthError:P3})");

        double levelTolerance = saturatedTop ? Tolerances.SaturatedPeakLevelTruthDb : Tolerances.PeakLevelTruthDb;
        double levelError = (products.PeakCode!.Value - truePeakCode) / codesPerDb;
        Assert.True(Math.Abs(levelError) <= levelTolerance, $"{who}: peak level off by {levelError:F4} dB");
    }

    /// <summary>Each first sidelobe that was found reads sinc²'s −13.26 dB; <paramref name="required"/>: both must be found.</summary>
    public static void Sidelobes(string who, PassProductValues products, bool required)
    {
        ArgumentNullException.ThrowIfNull(products);
        if (required)
        {
            Assert.True(products.SidelobeLeftDb.HasValue && products.SidelobeRightDb.HasValue, $"{who}: a first sidelobe is missing");
        }

        foreach (var level in new[] { products.SidelobeLeftDb, products.SidelobeRightDb })
        {
            if (level is { } db)
            {
                Assert.True(Math.Abs(db - FirstSidelobeDb) <= Tolerances.SidelobeTruthDb, $"{who}: first sidelobe {db:F3} dB");
            }
        }
    }

    /// <summary>PRF of the pattern train against the radar's, and the expected count against duration × PRF.</summary>
    public static void Timing(string who, PassProductValues products, double truePrfHz, bool dithered)
    {
        ArgumentNullException.ThrowIfNull(products);
        double tolerance = dithered ? Tolerances.DitheredPrfTruthHz : Tolerances.PrfTruthHz;
        Assert.True(Math.Abs(products.PrfHz!.Value - truePrfHz) <= tolerance, $"{who}: PRF {products.PrfHz} Hz vs {truePrfHz} Hz");
        double nominal = products.DurationTicks / 80e6 * products.PrfHz.Value + 1;
        Assert.True(Math.Abs(products.ExpectedCount!.Value / nominal - 1) <= Tolerances.ExpectedCountRelative,
            $"{who}: expected count {products.ExpectedCount} vs duration × PRF {nominal:F0}");
    }
}
