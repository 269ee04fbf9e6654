using Payload.Analysis;

namespace Payload.GroundStation.Reports;

/// <summary>
/// Compares the board's pass products with the ground's double-precision recomputation, product by product, with the
/// agreement tolerances of <see cref="Tolerances"/> (counts, TOAs and the geometry must be equal).
/// </summary>
public static class ProductComparison
{
    /// <summary>One row per product, in the order of the products layout.</summary>
    public static IReadOnlyList<ProductComparisonRow> Compare(PassProductValues onboard, PassProductValues ground)
    {
        ArgumentNullException.ThrowIfNull(onboard);
        ArgumentNullException.ThrowIfNull(ground);
        double ticksPerSecond = 80e6;
        return
        [
            Row("First TOA", "ticks", onboard.FirstToa, ground.FirstToa, 0),
            Row("Duration", "ticks", onboard.DurationTicks, ground.DurationTicks, 0),
            Row("Pulses", "", onboard.PulseCount, ground.PulseCount, 0),
            Row("Expected pulses", "", onboard.ExpectedCount, ground.ExpectedCount, 0),
            Row("Missed pulses", "", onboard.MissedPulses, ground.MissedPulses, 0),
            Row("Gaps", "", onboard.GapCount, ground.GapCount, 0),
            Row("Rejected pulses", "", onboard.RejectedCount, ground.RejectedCount, 0),
            Row("Train pulses", "", onboard.TrainPulseCount, ground.TrainPulseCount, 0),
            Row("Amplitude-excluded pulses", "", onboard.AmplitudeExcludedCount, ground.AmplitudeExcludedCount, 0),
            Row("Width-excluded pulses", "", onboard.WidthExcludedCount, ground.WidthExcludedCount, 0),
            Row("PRI clusters", "", onboard.PriClusterCount, ground.PriClusterCount, 0),
            Row("Truncated", "", onboard.Truncated ? 1 : 0, ground.Truncated ? 1 : 0, 0),
            Row("Median PRI", "ticks", onboard.PriMedianTicks, ground.PriMedianTicks, 0),
            Row("Mean PRI", "ticks", onboard.PriMeanTicks, ground.PriMeanTicks, Tolerances.Q4Ticks),
            Row("PRF", "Hz", onboard.PrfHz, ground.PrfHz, Tolerances.PrfHz),
            Row("PRI jitter (rms)", "ticks", onboard.PriJitterRmsTicks, ground.PriJitterRmsTicks, Tolerances.Q4Ticks),
            Row("Width mean", "ticks", onboard.WidthMeanTicks, ground.WidthMeanTicks, Tolerances.Q4Ticks),
            Row("Width spread", "ticks", onboard.WidthStdTicks, ground.WidthStdTicks, Tolerances.Q4Ticks),
            Row("Amplitude spread", "dB", onboard.AmplitudeSpreadDb, ground.AmplitudeSpreadDb, Tolerances.LevelDb),
            Row("Peak TOA", "ticks", onboard.PeakToa, ground.PeakToa, Tolerances.PeakTimeS * ticksPerSecond),
            Row("Peak code", "codes", onboard.PeakCode, ground.PeakCode, Tolerances.PeakCode),
            Row("Peak level", "dBm", onboard.PeakDbm, ground.PeakDbm, Tolerances.PeakDbm),
            Row("3 dB width in time", "ticks", onboard.BeamwidthTicks, ground.BeamwidthTicks, Tolerances.BeamwidthRelative * (ground.BeamwidthTicks ?? 0)),
            Row("3 dB width in angle", "deg", onboard.BeamwidthDeg, ground.BeamwidthDeg, Tolerances.BeamwidthDeg + Tolerances.BeamwidthRelative * (ground.BeamwidthDeg ?? 0)),
            Row("First sidelobe, left", "dB", onboard.SidelobeLeftDb, ground.SidelobeLeftDb, Tolerances.LevelDb),
            Row("First sidelobe, right", "dB", onboard.SidelobeRightDb, ground.SidelobeRightDb, Tolerances.LevelDb),
            Row("Sidelobe asymmetry", "dB", onboard.SidelobeAsymmetryDb, ground.SidelobeAsymmetryDb, 2 * Tolerances.LevelDb),
            Row("Fit points", "", onboard.FitPoints, ground.FitPoints, 0),
            Row("Ground speed", "m/s", onboard.GroundSpeedMps, ground.GroundSpeedMps, 0),
            Row("Slant range", "m", onboard.SlantRangeM, ground.SlantRangeM, 0),
            Row("Detector temperature", "°C", onboard.DetectorTemperatureC, ground.DetectorTemperatureC, 0.005),
        ];
    }

    private static ProductComparisonRow Row(string product, string unit, double? onboard, double? ground, double tolerance)
    {
        bool holds = onboard.HasValue == ground.HasValue && (onboard is not { } b || ground is not { } g || Math.Abs(b - g) <= tolerance);
        return new ProductComparisonRow(product, unit, onboard, ground, tolerance, holds ? ComparisonVerdict.Pass : ComparisonVerdict.Fail);
    }
}
