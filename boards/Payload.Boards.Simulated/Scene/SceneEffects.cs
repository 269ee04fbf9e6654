namespace Payload.Boards.Simulated.Scene;

/// <summary>Which effects the pulse-train generator injects; each can be switched on its own.</summary>
public sealed record SceneEffects
{
    /// <summary>Per-pulse PRI dither of <see cref="RadarProfile.PrfDitherFraction"/> (NISAR).</summary>
    public bool PrfDither { get; init; } = true;

    /// <summary>Bursts cycling through every sub-swath with its own PRF (Sentinel-1 IW); off: only the receiver's sub-swath, continuously.</summary>
    public bool SubSwathBursts { get; init; } = true;

    /// <summary>Two chirps per PRI on the profile's split-spectrum carriers instead of one at the centre frequency.</summary>
    public bool SplitSpectrum { get; init; }

    /// <summary>Probability that a pulse is lost (never reaches the digitizer), 0–1.</summary>
    public double DropProbability { get; init; }

    /// <summary>Rms jitter of the comparator threshold, dB (0 for none).</summary>
    public double ThresholdJitterDb { get; init; }

    /// <summary>Front-end gain follows the temperature profile (<see cref="RfFrontEnd.GainDriftDbPerCelsius"/>).</summary>
    public bool GainDrift { get; init; }

    /// <summary>Detector noise (Rician near the floor, Gaussian in dB at high SNR) and width jitter; off: exact levels.</summary>
    public bool DetectorNoise { get; init; } = true;

    /// <summary>Nominal radar behaviour with detector noise (dither and bursts where the profile has them).</summary>
    public static SceneEffects Nominal { get; } = new();

    /// <summary>No effects at all: exact, evenly spaced pulses of the receiver's sub-swath — for checking the physics.</summary>
    public static SceneEffects None { get; } = new() { PrfDither = false, SubSwathBursts = false, DetectorNoise = false };
}
