using System.Globalization;
using Payload.GroundStation.Simulation.BenchControl;

namespace Payload.GroundStation.Simulation.Stimulus;

/// <summary>
/// What the stimulus knows of the pass it flew — what a signal generator's configuration tells a bench: the radar's
/// timing, the pattern's true peak, width and sidelobe, the received level. On the wire, the reply line
/// <c>OK radar=NISAR seed=1 prf_hz=1650 …</c> (see <see cref="BenchControlProtocol"/>).
/// </summary>
/// <remarks>
/// <see cref="PeakToaTicks"/> is on the digitizer's TOA counter (the stimulus shares the board's 80 MHz reference and
/// knows the counter's epoch, as a bench whose generator is triggered from the payload's clock would), so it compares
/// directly with the products' peak TOA; <see cref="PeakTimeS"/> is the same instant in seconds from the pass start.
/// </remarks>
public sealed record StimulusTruth
{
    /// <summary>The radar flown.</summary>
    public required StimulusRadar Radar { get; init; }

    /// <summary>The scene's seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Nominal PRF of the sub-swath aimed at the receiver, Hz.</summary>
    public required double PrfHz { get; init; }

    /// <summary>Peak PRI dither as a fraction of the PRI (0: none).</summary>
    public required double PrfDitherFraction { get; init; }

    /// <summary>True when the radar cycles through sub-swaths in bursts.</summary>
    public required bool Bursts { get; init; }

    /// <summary>Pulse length of the receiver's sub-swath, s.</summary>
    public required double PulseWidthS { get; init; }

    /// <summary>How long the receiver hears the radar, s.</summary>
    public required double VisibleDurationS { get; init; }

    /// <summary>Arrival of the pattern peak at the receiver, s from the pass start.</summary>
    public required double PeakTimeS { get; init; }

    /// <summary>Arrival of the pattern peak on the digitizer's TOA counter (80 MHz ticks, modulo 2^48).</summary>
    public required long PeakToaTicks { get; init; }

    /// <summary>Peak power at the detector input, dBm.</summary>
    public required double PeakDetectorInputDbm { get; init; }

    /// <summary>Level above which the detector saturates, dBm (a beam top above it is flat).</summary>
    public required double DetectorSaturationDbm { get; init; }

    /// <summary>One-way 3 dB full beamwidth at the centre frequency, degrees.</summary>
    public required double BeamwidthDeg { get; init; }

    /// <summary>Time inside the 3 dB beam, s.</summary>
    public required double DwellS { get; init; }

    /// <summary>Level of the first sidelobe peaks relative to the main lobe, dB (sinc²: −13.26).</summary>
    public required double FirstSidelobeDb { get; init; }

    /// <summary>Ground speed of the beam footprint, m/s.</summary>
    public required double GroundSpeedMps { get; init; }

    /// <summary>Slant range at closest approach, m.</summary>
    public required double SlantRangeM { get; init; }

    /// <summary>Pulses over the visible window that reach the digitizer (not dropped), above its threshold or not.</summary>
    public required int DeliveredPulses { get; init; }

    /// <summary>True when the beam top drives the detector into saturation.</summary>
    public bool SaturatedTop => PeakDetectorInputDbm > DetectorSaturationDbm;

    /// <summary>The reply line: "OK radar=NISAR seed=1 prf_hz=1650 …" (numbers round-trip, invariant culture).</summary>
    public string ToReply()
    {
        var fields = new (string Key, string Value)[]
        {
            ("radar", Radar.Label()),
            ("seed", Seed.ToString(CultureInfo.InvariantCulture)),
            ("prf_hz", Number(PrfHz)),
            ("prf_dither", Number(PrfDitherFraction)),
            ("bursts", Bursts ? "1" : "0"),
            ("pulse_width_s", Number(PulseWidthS)),
            ("visible_s", Number(VisibleDurationS)),
            ("peak_s", Number(PeakTimeS)),
            ("peak_toa", PeakToaTicks.ToString(CultureInfo.InvariantCulture)),
            ("peak_dbm", Number(PeakDetectorInputDbm)),
            ("saturation_dbm", Number(DetectorSaturationDbm)),
            ("beamwidth_deg", Number(BeamwidthDeg)),
            ("dwell_s", Number(DwellS)),
            ("sidelobe_db", Number(FirstSidelobeDb)),
            ("ground_speed_mps", Number(GroundSpeedMps)),
            ("slant_range_m", Number(SlantRangeM)),
            ("pulses", DeliveredPulses.ToString(CultureInfo.InvariantCulture)),
        };
        return BenchControlProtocol.Ok + " " + string.Join(' ', fields.Select(f => $"{f.Key}={f.Value}"));
    }

    /// <summary>Reads a reply line.</summary>
    /// <exception cref="BenchControlException">The stimulus answered ERR (its reason is kept).</exception>
    /// <exception cref="FormatException">The line is neither OK with every field nor ERR.</exception>
    public static StimulusTruth ParseReply(string line)
    {
        BenchControlReply reply = BenchControlReply.Parse(line);
        string Text(string key) => reply[key];
        double Real(string key) => double.TryParse(Text(key), NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw new FormatException($"stimulus reply field {key}={Text(key)} is not a number");
        long Whole(string key) => long.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)
            ? v : throw new FormatException($"stimulus reply field {key}={Text(key)} is not a whole number");
        if (!StimulusRadars.TryParse(Text("radar"), out StimulusRadar radar)) throw new FormatException($"stimulus reply names an unknown radar '{Text("radar")}'");
        return new StimulusTruth
        {
            Radar = radar,
            Seed = ulong.TryParse(Text("seed"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : throw new FormatException($"stimulus reply seed={Text("seed")} is not a seed"),
            PrfHz = Real("prf_hz"),
            PrfDitherFraction = Real("prf_dither"),
            Bursts = Whole("bursts") != 0,
            PulseWidthS = Real("pulse_width_s"),
            VisibleDurationS = Real("visible_s"),
            PeakTimeS = Real("peak_s"),
            PeakToaTicks = Whole("peak_toa"),
            PeakDetectorInputDbm = Real("peak_dbm"),
            DetectorSaturationDbm = Real("saturation_dbm"),
            BeamwidthDeg = Real("beamwidth_deg"),
            DwellS = Real("dwell_s"),
            FirstSidelobeDb = Real("sidelobe_db"),
            GroundSpeedMps = Real("ground_speed_mps"),
            SlantRangeM = Real("slant_range_m"),
            DeliveredPulses = (int)Whole("pulses"),
        };
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
