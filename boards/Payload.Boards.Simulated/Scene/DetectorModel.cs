namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// Log detector plus capture-core ADC: turns detector-input power into the peak code the digitizer records, and back.
/// </summary>
/// <remarks>
/// <para><b>Peak-code convention (decided here, used by the digitizer model, driver, products and ground):</b>
/// the AD8318 output falls as power rises, so the capture core reports <c>peak code = MaxCode − ADC code</c> of the
/// lowest detector voltage in the pulse. <b>Peak code therefore rises with power</b>, and the comparator threshold is a
/// peak code too (a pulse is detected when its code is at or above the threshold).</para>
/// <para><b>Codes are linear in dB:</b> dBm = <see cref="DbmAtPeakCodeZero"/> + peakCode / <see cref="CodesPerDb"/>.
/// With the defaults (−25 mV/dB, intercept +20 dBm, 16 bits over 0–2.5 V): 655.36 codes per dB, code 0 ≈ −80.0 dBm,
/// floor −60 dBm → 13107, saturation −2 dBm → 51118 (all at the detector input; subtract the front-end gain,
/// <see cref="RfFrontEnd.GainDb"/>, for power at the antenna). On-board products work in codes and divide
/// differences by <see cref="CodesPerDb"/> only to report dB.</para>
/// </remarks>
public sealed class DetectorModel
{
    /// <summary>Creates the chain; the detector slope must be negative (the code inversion assumes it).</summary>
    public DetectorModel(LogDetector? detector = null, DetectorAdc? adc = null)
    {
        Detector = detector ?? new LogDetector();
        Adc = adc ?? new DetectorAdc();
        if (Detector.SlopeVoltsPerDb >= 0)
        {
            throw new ArgumentException("The peak-code convention needs a detector whose output falls with power.", nameof(detector));
        }
    }

    /// <summary>The log detector.</summary>
    public LogDetector Detector { get; }

    /// <summary>The ADC on its output.</summary>
    public DetectorAdc Adc { get; }

    /// <summary>Largest peak code.</summary>
    public int MaxCode => Adc.MaxCode;

    /// <summary>Peak codes per dB of input power: |slope| / LSB (655.36 with the defaults).</summary>
    public double CodesPerDb => -Detector.SlopeVoltsPerDb / Adc.LsbVolts;

    /// <summary>Input power that peak code 0 stands for, dBm (≈ −80.0 with the defaults).</summary>
    public double DbmAtPeakCodeZero => Dbm(0);

    /// <summary>Peak code of a pulse at or below the detector floor.</summary>
    public int FloorPeakCode => PeakCode(Detector.FloorDbm);

    /// <summary>Peak code of a saturated pulse.</summary>
    public int SaturationPeakCode => PeakCode(Detector.SaturationDbm);

    /// <summary>Peak code for a detector output voltage: MaxCode − ADC code.</summary>
    public int PeakCodeFromVolts(double volts) => MaxCode - Adc.Code(volts);

    /// <summary>Noiseless peak code for an input level (clipped at floor and saturation, then quantised).</summary>
    public int PeakCode(double levelDbm) => PeakCodeFromVolts(Detector.Volts(levelDbm));

    /// <summary>Ground inverse: input power (dBm at the detector input) that a peak code stands for, at the centre of its code bin.</summary>
    public double Dbm(int peakCode) => Detector.LevelDbm(Adc.Volts(MaxCode - peakCode));

    /// <summary>Reads one pulse peak: with <paramref name="noise"/> the level is drawn (Rician plus log noise), without it it is exact.</summary>
    public DetectorReading Read(double inputDbm, Pcg32? noise) => Read(inputDbm, noise, noise is null ? 0.0 : Detector.NoiseSigma);

    /// <summary><see cref="Read(double, Pcg32?)"/> with the detector's <see cref="LogDetector.NoiseSigma"/> already worked out (once per pass, not per pulse).</summary>
    internal DetectorReading Read(double inputDbm, Pcg32? noise, double noiseSigma)
    {
        var level = noise is null ? inputDbm : Detector.NoisyLevelDbm(inputDbm, noise, noiseSigma);
        var saturated = level >= Detector.SaturationDbm;
        var atFloor = level <= Detector.FloorDbm;
        var clipped = Math.Clamp(level, Detector.FloorDbm, Detector.SaturationDbm);
        var volts = Detector.Volts(clipped);
        return new DetectorReading(clipped, volts, PeakCodeFromVolts(volts), saturated, atFloor);
    }
}
