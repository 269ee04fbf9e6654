namespace Payload.Analysis.Tests;

/// <summary>Asserts that the board's decoded products agree with the ground's within <see cref="Tolerances"/>.</summary>
public static class ProductAgreement
{
    /// <summary>Every product: the same validity, equal counts, and values within their tolerances.</summary>
    public static void Check(PassProductValues board, PassProductValues ground)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(ground);

        Assert.Equal(ground.FirstToa, board.FirstToa);
        Assert.Equal(ground.DurationTicks, board.DurationTicks);
        Assert.Equal(ground.PulseCount, board.PulseCount);
        Assert.Equal(ground.ExpectedCount, board.ExpectedCount);
        Assert.Equal(ground.MissedPulses, board.MissedPulses);
        Assert.Equal(ground.GapCount, board.GapCount);
        Assert.Equal(ground.RejectedCount, board.RejectedCount);
        Assert.Equal(ground.TrainPulseCount, board.TrainPulseCount);
        Assert.Equal(ground.AmplitudeExcludedCount, board.AmplitudeExcludedCount);
        Assert.Equal(ground.WidthExcludedCount, board.WidthExcludedCount);
        Assert.Equal(ground.PriClusterCount, board.PriClusterCount);
        Assert.Equal(ground.Truncated, board.Truncated);
        Assert.Equal(ground.FitPoints, board.FitPoints);
        Assert.Equal(ground.PriMedianTicks, board.PriMedianTicks);

        Near("PRF", ground.PrfHz, board.PrfHz, Tolerances.PrfHz);
        Near("mean PRI", ground.PriMeanTicks, board.PriMeanTicks, Tolerances.Q4Ticks);
        Near("PRI jitter", ground.PriJitterRmsTicks, board.PriJitterRmsTicks, Tolerances.Q4Ticks);
        Near("width mean", ground.WidthMeanTicks, board.WidthMeanTicks, Tolerances.Q4Ticks);
        Near("width spread", ground.WidthStdTicks, board.WidthStdTicks, Tolerances.Q4Ticks);
        Near("peak TOA", ground.PeakToa, board.PeakToa, Tolerances.PeakTimeS * 80e6);
        Near("peak code", ground.PeakCode, board.PeakCode, Tolerances.PeakCode);
        Near("peak dBm", ground.PeakDbm, board.PeakDbm, Tolerances.PeakDbm);
        Near("beamwidth ticks", ground.BeamwidthTicks, board.BeamwidthTicks, Tolerances.BeamwidthRelative * (ground.BeamwidthTicks ?? 0));
        Near("beamwidth deg", ground.BeamwidthDeg, board.BeamwidthDeg, Tolerances.BeamwidthDeg + Tolerances.BeamwidthRelative * (ground.BeamwidthDeg ?? 0));
        Near("left sidelobe", ground.SidelobeLeftDb, board.SidelobeLeftDb, Tolerances.LevelDb);
        Near("right sidelobe", ground.SidelobeRightDb, board.SidelobeRightDb, Tolerances.LevelDb);
        Near("sidelobe asymmetry", ground.SidelobeAsymmetryDb, board.SidelobeAsymmetryDb, 2 * Tolerances.LevelDb);
        Near("amplitude spread", ground.AmplitudeSpreadDb, board.AmplitudeSpreadDb, Tolerances.LevelDb);
        Assert.Equal(ground.GroundSpeedMps, board.GroundSpeedMps);
        Assert.Equal(ground.SlantRangeM, board.SlantRangeM);
        Assert.Equal(ground.DetectorTemperatureC, board.DetectorTemperatureC, 0.005);
    }

    /// <summary>Both absent, or both present and within <paramref name="tolerance"/>.</summary>
    public static void Near(string what, double? expected, double? actual, double tolerance)
    {
        Assert.True(expected.HasValue == actual.HasValue, $"{what}: ground {Show(expected)}, board {Show(actual)}");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(a - e) <= tolerance, $"{what}: ground {e:R}, board {a:R}, difference {a - e:G4} > {tolerance:G4}");
        }
    }

    private static string Show(double? value) => value?.ToString("R") ?? "absent";
}
