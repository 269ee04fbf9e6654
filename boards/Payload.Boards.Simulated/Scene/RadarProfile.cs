namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// What a passing radar looks like to the receiver: carrier, along-track antenna, pass geometry, pulse timing and received
/// power. Factories give NISAR L-band and Sentinel-1 IW with DESIGN.md §2's numbers; adjust with <c>with</c> expressions.
/// </summary>
public sealed record RadarProfile
{
    /// <summary>Speed of light in vacuum, m/s.</summary>
    public const double SpeedOfLight = 299_792_458.0;

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Centre (carrier) frequency in Hz.</summary>
    public required double CentreFrequencyHz { get; init; }

    /// <summary>Along-track antenna length D in metres.</summary>
    public required double AntennaLengthM { get; init; }

    /// <summary>Ground speed v_g of the beam footprint in m/s.</summary>
    public required double GroundSpeedMps { get; init; }

    /// <summary>Slant range R0 at closest approach (the pattern peak) in metres.</summary>
    public required double SlantRangeM { get; init; }

    /// <summary>Peak received power at the main-lobe peak, in dBm into a 0 dBi antenna.</summary>
    public required double PeakPowerDbm { get; init; }

    /// <summary>How long the receiver hears the radar on one pass, in seconds; the pass runs over [0, VisibleDurationS).</summary>
    public required double VisibleDurationS { get; init; }

    /// <summary>PRF/pulse settings: one entry for a stripmap radar, one per sub-swath for a burst mode.</summary>
    public required IReadOnlyList<SubSwath> SubSwaths { get; init; }

    /// <summary>Index in <see cref="SubSwaths"/> of the sub-swath whose beam points at the receiver (used alone when bursts are off).</summary>
    public int ReceiverSubSwath { get; init; }

    /// <summary>Peak PRI dither as a fraction of the nominal PRI (each PRI is PRI₀·(1 + f·u), u uniform in [−1, 1]); 0 for none.</summary>
    public double PrfDitherFraction { get; init; }

    /// <summary>Dead time between the last pulse of one burst and the first of the next (beam and PRF switching).</summary>
    public double BurstSwitchGapS { get; init; }

    /// <summary>Split-spectrum chirp pair, when the radar has such a mode; null otherwise.</summary>
    public SplitSpectrumMode? SplitSpectrum { get; init; }

    /// <summary>Carrier wavelength λ = c / f in metres.</summary>
    public double WavelengthM => SpeedOfLight / CentreFrequencyHz;

    /// <summary>True when the radar cycles through several sub-swaths in bursts.</summary>
    public bool HasBursts => SubSwaths.Count > 1;

    /// <summary>Time for one full cycle of bursts over every sub-swath.</summary>
    public double BurstCycleS => SubSwaths.Sum(s => s.BurstDurationS);

    /// <summary>
    /// NISAR L-band (DESIGN.md §2): 1257.5 MHz, 12 m reflector, 6.70 km/s, R0 914–1019 km (default 960 km),
    /// PRF ≈ 1650 Hz dithered ±1 %, 40 µs pulses, −55 dBm peak, heard for 10 s; split-spectrum 1229 + 1293.5 MHz available.
    /// </summary>
    /// <remarks>
    /// NISAR's actual dither sequence is not public; a uniform ±1 % per-pulse PRI dither stands in for it. The split-spectrum
    /// chirp lengths (40 µs main band, 20 µs side band, 10 µs apart) are assumed values inside DESIGN.md's 5–50 µs range.
    /// </remarks>
    public static RadarProfile NisarL(double slantRangeM = 960e3) => new()
    {
        Name = "NISAR L-band",
        CentreFrequencyHz = 1257.5e6,
        AntennaLengthM = 12.0,
        GroundSpeedMps = 6700.0,
        SlantRangeM = slantRangeM,
        PeakPowerDbm = -55.0,
        VisibleDurationS = 10.0,
        SubSwaths = [new SubSwath("L", 1650.0, 40e-6)],
        PrfDitherFraction = 0.01,
        SplitSpectrum = new SplitSpectrumMode(1229.0e6, 40e-6, 1293.5e6, 20e-6, 10e-6),
    };

    /// <summary>
    /// Sentinel-1 IW (DESIGN.md §2): 5405 MHz, 12.3 m antenna, 6.78 km/s, R0 815–911 km (default 860 km), −55 dBm peak,
    /// heard for 8 s; bursts IW1 1717.1 Hz → IW2 1451.6 Hz → IW3 1685.8 Hz, the receiver in IW2's footprint.
    /// </summary>
    /// <remarks>
    /// Burst timing approximation: the IW burst cycle (the same sub-swath seen again) is ≈ 2.75 s (ESA's focused-burst
    /// duration), split equally, so each sub-swath burst lasts 2.75/3 ≈ 0.917 s, with 1 ms for beam/PRF switching.
    /// Pulse lengths (IW1 52.4 µs, IW2 61.7 µs, IW3 53.4 µs) are representative values inside 5–100 µs. The other
    /// sub-swaths' elevation beams reach the receiver −10 dB down (assumed elevation sidelobe, not a published value).
    /// TOPS azimuth steering is not modelled: every burst uses the fixed sinc² along-track pattern, as DESIGN.md §2 does.
    /// </remarks>
    public static RadarProfile Sentinel1Iw(double slantRangeM = 860e3)
    {
        const double burst = 2.75 / 3.0;
        return new RadarProfile
        {
            Name = "Sentinel-1 IW",
            CentreFrequencyHz = 5405e6,
            AntennaLengthM = 12.3,
            GroundSpeedMps = 6780.0,
            SlantRangeM = slantRangeM,
            PeakPowerDbm = -55.0,
            VisibleDurationS = 8.0,
            SubSwaths =
            [
                new SubSwath("IW1", 1717.1, 52.4e-6, -10.0, burst),
                new SubSwath("IW2", 1451.6, 61.7e-6, 0.0, burst),
                new SubSwath("IW3", 1685.8, 53.4e-6, -10.0, burst),
            ],
            ReceiverSubSwath = 1,
            BurstSwitchGapS = 1e-3,
        };
    }
}
