namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// Patch antenna, band-pass filter and LNA between the sky and the log detector: a fixed gain that drifts linearly
/// with temperature (LNA gain falls as it warms).
/// </summary>
public sealed record RfFrontEnd
{
    /// <summary>Antenna gain towards the radar, dBi (DESIGN.md quotes received power into 0 dBi).</summary>
    public double AntennaGainDbi { get; init; }

    /// <summary>LNA gain at the reference temperature, dB (+30 dB on SARCAL-1).</summary>
    public double LnaGainDb { get; init; } = 30.0;

    /// <summary>Band-pass filter and cable loss, dB (positive).</summary>
    public double FilterLossDb { get; init; } = 1.0;

    /// <summary>Gain change per °C away from the reference temperature, dB/°C.</summary>
    public double GainDriftDbPerCelsius { get; init; } = -0.02;

    /// <summary>Temperature at which the gain equals its nominal value, °C.</summary>
    public double ReferenceTemperatureC { get; init; } = 25.0;

    /// <summary>Net gain from the antenna's 0 dBi reference plane to the detector input, dB.</summary>
    public double GainDb(double temperatureC, bool drift) =>
        AntennaGainDbi + LnaGainDb - FilterLossDb + (drift ? GainDriftDbPerCelsius * (temperatureC - ReferenceTemperatureC) : 0.0);

    /// <summary>Detector input power for a received power (dBm into 0 dBi).</summary>
    public double DetectorInputDbm(double receivedDbm, double temperatureC, bool drift) =>
        receivedDbm + GainDb(temperatureC, drift);

    /// <summary>Inverse of <see cref="DetectorInputDbm"/>: what the ground refers a detector reading back to.</summary>
    public double ReceivedDbm(double detectorInputDbm, double temperatureC, bool drift) =>
        detectorInputDbm - GainDb(temperatureC, drift);
}
