namespace Payload.Analysis;

/// <summary>
/// The products of one pass in engineering units, whether decoded from the board's downlink
/// (<see cref="OnboardProductsDecoder"/>) or recomputed on the ground (<see cref="GroundProducts"/>); null: not computed.
/// </summary>
public sealed record PassProductValues
{
    /// <summary>TOA of the first pulse, ticks.</summary>
    public long FirstToa { get; init; }

    /// <summary>First to last pulse, ticks.</summary>
    public long DurationTicks { get; init; }

    /// <summary>Pulses accepted.</summary>
    public int PulseCount { get; init; }

    /// <summary>round(duration / PRI) + 1.</summary>
    public int? ExpectedCount { get; init; }

    /// <summary>Pulses missing inside runs of pulses.</summary>
    public int? MissedPulses { get; init; }

    /// <summary>ΔTOA gaps above GapPriMultiple PRIs.</summary>
    public int? GapCount { get; init; }

    /// <summary>Pulses rejected (capacity, TOA backwards).</summary>
    public int RejectedCount { get; init; }

    /// <summary>Pulses of the pattern train.</summary>
    public int TrainPulseCount { get; init; }

    /// <summary>Train pulses excluded from amplitude products by their flags.</summary>
    public int AmplitudeExcludedCount { get; init; }

    /// <summary>Train pulses excluded from width products by their flags.</summary>
    public int WidthExcludedCount { get; init; }

    /// <summary>Distinct PRI clusters.</summary>
    public int PriClusterCount { get; init; }

    /// <summary>Pulses were rejected or fell beyond the last bin.</summary>
    public bool Truncated { get; init; }

    /// <summary>Lower median PRI of the train, ticks.</summary>
    public double? PriMedianTicks { get; init; }

    /// <summary>Mean PRI of the train, ticks.</summary>
    public double? PriMeanTicks { get; init; }

    /// <summary>PRF from the median PRI, Hz.</summary>
    public double? PrfHz { get; init; }

    /// <summary>RMS of ΔTOA around the median PRI, ticks.</summary>
    public double? PriJitterRmsTicks { get; init; }

    /// <summary>Mean pulse width, ticks.</summary>
    public double? WidthMeanTicks { get; init; }

    /// <summary>Pulse width standard deviation, ticks.</summary>
    public double? WidthStdTicks { get; init; }

    /// <summary>Pulse-to-pulse amplitude spread in the fit window, dB.</summary>
    public double? AmplitudeSpreadDb { get; init; }

    /// <summary>TOA of the pattern peak, ticks, modulo 2^48 like every TOA.</summary>
    public double? PeakToa { get; init; }

    /// <summary>Peak level, ADC codes.</summary>
    public double? PeakCode { get; init; }

    /// <summary>Peak level, dBm at the detector calibration.</summary>
    public double? PeakDbm { get; init; }

    /// <summary>3 dB full width in time, ticks.</summary>
    public double? BeamwidthTicks { get; init; }

    /// <summary>3 dB full width in angle, degrees.</summary>
    public double? BeamwidthDeg { get; init; }

    /// <summary>First sidelobe before the peak, dB relative to the peak.</summary>
    public double? SidelobeLeftDb { get; init; }

    /// <summary>First sidelobe after the peak, dB relative to the peak.</summary>
    public double? SidelobeRightDb { get; init; }

    /// <summary>Left minus right sidelobe level, dB.</summary>
    public double? SidelobeAsymmetryDb { get; init; }

    /// <summary>Points of the parabola fit.</summary>
    public int FitPoints { get; init; }

    /// <summary>Ground speed used, m/s.</summary>
    public int GroundSpeedMps { get; init; }

    /// <summary>Slant range used, m.</summary>
    public int SlantRangeM { get; init; }

    /// <summary>Detector temperature, °C.</summary>
    public double DetectorTemperatureC { get; init; }
}
