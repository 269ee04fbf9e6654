namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// The true values of a simulated pass, for comparing with the pass products (on-board and ground).
/// Times are seconds from the pass start; "emission" times are radar time, "arrival" times include the propagation delay.
/// </summary>
public sealed record PassTruth
{
    /// <summary>Number of sidelobes listed in <see cref="SidelobeLevelsDb"/>.</summary>
    public const int ListedSidelobes = 3;

    /// <summary>t0: emission time of the pattern peak.</summary>
    public required double PeakTimeS { get; init; }

    /// <summary>Arrival time of the pattern peak at the receiver: t0 + R0 / c.</summary>
    public required double PeakArrivalTimeS { get; init; }

    /// <summary>TOA counter value of the pattern peak's arrival.</summary>
    public required long PeakToaTicks { get; init; }

    /// <summary>Peak power at the antenna from the receiver's sub-swath, dBm into 0 dBi.</summary>
    public required double PeakReceivedDbm { get; init; }

    /// <summary>Peak power at the detector input (front-end gain at the temperature at t0), dBm.</summary>
    public required double PeakDetectorInputDbm { get; init; }

    /// <summary>Noiseless peak code of the pattern peak.</summary>
    public required int PeakCode { get; init; }

    /// <summary>One-way 3 dB full beamwidth at the centre frequency, degrees.</summary>
    public required double BeamwidthDeg { get; init; }

    /// <summary>One-way 3 dB full beamwidth at the centre frequency, radians.</summary>
    public required double BeamwidthRad { get; init; }

    /// <summary>Time inside the 3 dB beam (main-lobe dwell), seconds.</summary>
    public required double DwellS { get; init; }

    /// <summary>Emission time at which the receiver enters the 3 dB beam.</summary>
    public required double DwellStartS { get; init; }

    /// <summary>Emission time at which the receiver leaves the 3 dB beam.</summary>
    public required double DwellEndS { get; init; }

    /// <summary>Nominal PRF of each sub-swath, Hz (one entry for a stripmap radar).</summary>
    public required IReadOnlyList<double> PrfsHz { get; init; }

    /// <summary>Nominal PRF of the receiver's sub-swath, Hz.</summary>
    public required double ReceiverPrfHz { get; init; }

    /// <summary>Levels of the first sidelobe peaks relative to the main lobe, dB (−13.26, −17.83, −20.79).</summary>
    public required IReadOnlyList<double> SidelobeLevelsDb { get; init; }

    /// <summary>Time from t0 to each listed sidelobe peak (the pattern is symmetric: the same before and after t0), seconds.</summary>
    public required IReadOnlyList<double> SidelobeOffsetsS { get; init; }

    /// <summary>Pulses emitted (every chirp, every sub-swath, dropped ones included) while the receiver is in the 3 dB beam.</summary>
    public required int EmittedPulsesIn3dB { get; init; }

    /// <summary>Pulses emitted over the visible window.</summary>
    public required int EmittedPulsesVisible { get; init; }

    /// <summary>Pulses in the 3 dB beam that reach the digitizer (not dropped).</summary>
    public required int DeliveredPulsesIn3dB { get; init; }

    /// <summary>Pulses over the visible window that reach the digitizer (not dropped).</summary>
    public required int DeliveredPulsesVisible { get; init; }

    /// <summary>Dwell × receiver PRF × chirps per PRI: the count a product would expect from nominal numbers (ignores bursts and dither).</summary>
    public required double NominalPulsesIn3dB { get; init; }

    /// <summary>Computes the truth of a pass from its geometry, options and generated pulses.</summary>
    public static PassTruth Create(PassGeometry geometry, SceneOptions options, IReadOnlyList<ScenePulse> pulses)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pulses);

        var tally = new Tally(geometry);
        if (pulses is ScenePulse[] array)
        {
            // A generated pass: indexed directly, without an enumerator over 16 500 pulses.
            for (var i = 0; i < array.Length; i++)
            {
                tally.Add(array[i].EmissionTimeS, array[i].IsDropped);
            }
        }
        else
        {
            foreach (var pulse in pulses)
            {
                tally.Add(pulse.EmissionTimeS, pulse.IsDropped);
            }
        }

        return Create(geometry, options, tally);
    }

    /// <summary>
    /// Computes the truth of the pass <paramref name="options"/> make of <paramref name="geometry"/> without its pulses:
    /// the counts need only the emission schedule and the drop draws, which are what the pulses carry.
    /// </summary>
    internal static PassTruth Create(PassGeometry geometry, SceneOptions options)
    {
        var tally = new Tally(geometry);
        var schedule = new EmissionSchedule(geometry, options);
        var dropRandom = new Pcg32(options.Seed, PulseTrainGenerator.DropStream);
        var dropProbability = options.Effects.DropProbability;
        while (schedule.TryNext(out var emission))
        {
            tally.Add(emission.TimeS, PulseSynthesizer.Drops(dropRandom, dropProbability));
        }

        return Create(geometry, options, tally);
    }

    private static PassTruth Create(PassGeometry geometry, SceneOptions options, in Tally tally)
    {
        var profile = geometry.Profile;
        var t0 = geometry.PeakTimeS;
        var dwell = geometry.HalfPowerDwellS;
        var start = tally.Start;
        var stop = tally.Stop;

        var receiver = profile.SubSwaths[profile.ReceiverSubSwath];
        var peakReceived = profile.PeakPowerDbm + receiver.ElevationGainDb;
        var peakInput = options.FrontEnd.DetectorInputDbm(peakReceived, options.Temperature.CelsiusAt(t0), options.Effects.GainDrift);
        var peakArrival = t0 + profile.SlantRangeM / RadarProfile.SpeedOfLight;
        var chirpsPerPri = options.Effects.SplitSpectrum && profile.SplitSpectrum is not null ? 2 : 1;

        var levels = new double[ListedSidelobes];
        var offsets = new double[ListedSidelobes];
        for (var k = 1; k <= ListedSidelobes; k++)
        {
            var x = SincPattern.SidelobePeakX(k);
            levels[k - 1] = SincPattern.GainDb(x);
            offsets[k - 1] = geometry.OffsetForAngleS(geometry.AngleForPatternX(x));
        }

        return new PassTruth
        {
            PeakTimeS = t0,
            PeakArrivalTimeS = peakArrival,
            PeakToaTicks = options.Clock.Ticks(peakArrival),
            PeakReceivedDbm = peakReceived,
            PeakDetectorInputDbm = peakInput,
            PeakCode = options.Detector.PeakCode(peakInput),
            BeamwidthRad = geometry.HalfPowerBeamwidthRad,
            BeamwidthDeg = geometry.HalfPowerBeamwidthRad * 180.0 / Math.PI,
            DwellS = dwell,
            DwellStartS = start,
            DwellEndS = stop,
            PrfsHz = profile.SubSwaths.Select(s => s.PrfHz).ToArray(),
            ReceiverPrfHz = receiver.PrfHz,
            SidelobeLevelsDb = levels,
            SidelobeOffsetsS = offsets,
            EmittedPulsesIn3dB = tally.EmittedIn3dB,
            EmittedPulsesVisible = tally.EmittedVisible,
            DeliveredPulsesIn3dB = tally.DeliveredIn3dB,
            DeliveredPulsesVisible = tally.DeliveredVisible,
            NominalPulsesIn3dB = dwell * receiver.PrfHz * chirpsPerPri,
        };
    }

    /// <summary>Pulse counts of a pass, in and out of the 3 dB beam, emitted and delivered.</summary>
    private struct Tally(PassGeometry geometry)
    {
        public readonly double Start = geometry.PeakTimeS - geometry.HalfPowerDwellS / 2.0;
        public readonly double Stop = geometry.PeakTimeS + geometry.HalfPowerDwellS / 2.0;
        public int EmittedIn3dB;
        public int EmittedVisible;
        public int DeliveredIn3dB;
        public int DeliveredVisible;

        public void Add(double emissionTimeS, bool dropped)
        {
            EmittedVisible++;
            var inBeam = emissionTimeS >= Start && emissionTimeS <= Stop;
            if (inBeam)
            {
                EmittedIn3dB++;
            }

            if (!dropped)
            {
                DeliveredVisible++;
                if (inBeam)
                {
                    DeliveredIn3dB++;
                }
            }
        }
    }
}
