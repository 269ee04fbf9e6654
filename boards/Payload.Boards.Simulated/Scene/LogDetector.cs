namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// AD8318-class demodulating log detector: V = V0 + slope·(P − intercept) with a negative slope (more power, lower
/// volts), held at its floor and saturation outside a 58 dB range; plus its on-chip temperature sensor (TEMP pin).
/// </summary>
/// <remarks>
/// Noise: the RF input is the signal plus a complex Gaussian noise of <see cref="NoisePowerDbm"/> (so the detected power
/// is Rician: it follows the noise near the floor and is nearly exact at high SNR), and the log output adds a small
/// Gaussian error of <see cref="HighSnrNoiseDb"/> rms in dB. One draw stands for the pulse's peak sample.
/// </remarks>
public sealed record LogDetector
{
    /// <summary>Output slope, volts per dB of input power (−25 mV/dB).</summary>
    public double SlopeVoltsPerDb { get; init; } = -0.025;

    /// <summary>Input power at which the ideal log line crosses <see cref="OffsetVolts"/>, dBm.</summary>
    public double InterceptDbm { get; init; } = 20.0;

    /// <summary>V0: output at the intercept, volts.</summary>
    public double OffsetVolts { get; init; }

    /// <summary>Lowest input the output still follows, dBm; below it the output stays at the floor voltage (2.000 V).</summary>
    public double FloorDbm { get; init; } = -60.0;

    /// <summary>Highest input the output still follows, dBm; above it the output stays at the saturation voltage (0.550 V).</summary>
    public double SaturationDbm { get; init; } = -2.0;

    /// <summary>Noise power at the detector input (LNA-amplified thermal noise in the RF bandwidth), dBm.</summary>
    public double NoisePowerDbm { get; init; } = -62.0;

    /// <summary>Residual rms error of the log output at high SNR, dB.</summary>
    public double HighSnrNoiseDb { get; init; } = 0.05;

    /// <summary>TEMP pin voltage at <see cref="TemperatureReferenceC"/>, volts.</summary>
    public double TemperatureVoltsAtReference { get; init; } = 0.6;

    /// <summary>TEMP pin slope, volts per °C (2 mV/°C).</summary>
    public double TemperatureVoltsPerCelsius { get; init; } = 0.002;

    /// <summary>Reference temperature of the TEMP pin, °C.</summary>
    public double TemperatureReferenceC { get; init; } = 25.0;

    /// <summary>Input range over which the output is logarithmic, dB.</summary>
    public double DynamicRangeDb => SaturationDbm - FloorDbm;

    /// <summary>Output voltage for an input level, clipped at the floor and saturation.</summary>
    public double Volts(double levelDbm)
    {
        var clipped = Math.Clamp(levelDbm, FloorDbm, SaturationDbm);
        return OffsetVolts + SlopeVoltsPerDb * (clipped - InterceptDbm);
    }

    /// <summary>Input level that produces an output voltage on the log line (the inverse of <see cref="Volts"/> inside the range).</summary>
    public double LevelDbm(double volts) => InterceptDbm + (volts - OffsetVolts) / SlopeVoltsPerDb;

    /// <summary>Level the detector reports for one pulse peak: signal plus Rician noise plus log-output noise, not yet clipped.</summary>
    public double NoisyLevelDbm(double inputDbm, Pcg32 random) => NoisyLevelDbm(inputDbm, random, NoiseSigma);

    /// <summary>Rms of each quadrature component of the input noise, in √mW: the pulse generator takes it once per pass.</summary>
    internal double NoiseSigma => Math.Sqrt(Math.Pow(10.0, NoisePowerDbm / 10.0) / 2.0);

    /// <summary><see cref="NoisyLevelDbm(double, Pcg32)"/> with <see cref="NoiseSigma"/> already worked out.</summary>
    internal double NoisyLevelDbm(double inputDbm, Pcg32 random, double noiseSigma)
    {
        ArgumentNullException.ThrowIfNull(random);
        var signalAmplitude = Math.Sqrt(Math.Pow(10.0, inputDbm / 10.0));
        var i = signalAmplitude + noiseSigma * random.NextGaussian();
        var q = noiseSigma * random.NextGaussian();
        var power = Math.Max(i * i + q * q, 1e-30);
        return 10.0 * Math.Log10(power) + HighSnrNoiseDb * random.NextGaussian();
    }

    /// <summary>TEMP pin voltage at a die temperature.</summary>
    public double TemperatureVolts(double celsius) =>
        TemperatureVoltsAtReference + TemperatureVoltsPerCelsius * (celsius - TemperatureReferenceC);

    /// <summary>Die temperature from a TEMP pin voltage (what the housekeeping conversion does).</summary>
    public double CelsiusFromTemperatureVolts(double volts) =>
        TemperatureReferenceC + (volts - TemperatureVoltsAtReference) / TemperatureVoltsPerCelsius;
}
