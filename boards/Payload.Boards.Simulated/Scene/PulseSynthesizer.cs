namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// Turns the emission schedule into scene pulses one at a time: pattern gain and propagation from the pass geometry,
/// front end and detector, width and threshold jitter, drops — the physics behind every <see cref="PulseTrainGenerator"/> output.
/// </summary>
/// <remarks>Every synthesizer starts the random streams afresh, so every one yields the same pulses for the same options.</remarks>
internal sealed class PulseSynthesizer
{
    private readonly PassGeometry geometry;
    private readonly SceneOptions options;
    private readonly EmissionSchedule schedule;
    private readonly RadarProfile profile;
    private readonly SubSwath[] subSwaths;
    private readonly SceneEffects effects;
    private readonly DetectorModel detector;
    private readonly ToaClock clock;
    private readonly double ticksPerSecond;
    private readonly double noiseSigma;
    private readonly Pcg32? noise;
    private readonly Pcg32 widthRandom;
    private readonly Pcg32 dropRandom;
    private readonly Pcg32 thresholdRandom;
    private int index;

    /// <summary>Starts at the first pulse of the pass.</summary>
    public PulseSynthesizer(PassGeometry geometry, SceneOptions options)
    {
        this.geometry = geometry;
        this.options = options;
        schedule = new EmissionSchedule(geometry, options);
        profile = geometry.Profile;
        subSwaths = [.. profile.SubSwaths];
        effects = options.Effects;
        detector = options.Detector;
        clock = options.Clock;
        ticksPerSecond = clock.TicksPerSecond;
        noiseSigma = detector.Detector.NoiseSigma;
        noise = effects.DetectorNoise ? new Pcg32(options.Seed, PulseTrainGenerator.NoiseStream) : null;
        widthRandom = new Pcg32(options.Seed, PulseTrainGenerator.WidthStream);
        dropRandom = new Pcg32(options.Seed, PulseTrainGenerator.DropStream);
        thresholdRandom = new Pcg32(options.Seed, PulseTrainGenerator.ThresholdStream);
    }

    /// <summary>Whether the next pulse is dropped: one draw of the drop stream per pulse, in pulse order (the truth's census draws the same).</summary>
    public static bool Drops(Pcg32 dropRandom, double dropProbability) =>
        dropProbability > 0.0 && dropRandom.NextDouble() < dropProbability;

    /// <summary>The next pulse in time order; false once the pass is over.</summary>
    public bool TryNext(out ScenePulse pulse)
    {
        if (!schedule.TryNext(out var emission))
        {
            pulse = default;
            return false;
        }

        var subSwath = subSwaths[emission.SubSwath];
        var flags = emission.Effects;
        var temperature = options.Temperature.CelsiusAt(emission.TimeS);
        var patternDb = geometry.PatternGainDb(emission.TimeS, emission.FrequencyHz);
        var received = profile.PeakPowerDbm + subSwath.ElevationGainDb + patternDb;
        var input = options.FrontEnd.DetectorInputDbm(received, temperature, effects.GainDrift);
        var reading = detector.Read(input, noise, noiseSigma);
        var arrival = emission.TimeS + geometry.PropagationDelayS(emission.TimeS);

        int widthTicks;
        if (effects.DetectorNoise)
        {
            var jittered = emission.WidthS * ticksPerSecond + options.WidthJitterTicks * widthRandom.NextGaussian();
            widthTicks = Math.Max(1, (int)Math.Round(jittered));
            flags |= PulseEffects.DetectorNoise;
        }
        else
        {
            widthTicks = clock.DurationTicks(emission.WidthS);
        }

        var comparator = reading.PeakCode;
        if (effects.ThresholdJitterDb > 0.0)
        {
            var jitterCodes = effects.ThresholdJitterDb * detector.CodesPerDb * thresholdRandom.NextGaussian();
            comparator = (int)Math.Clamp(Math.Round(reading.PeakCode - jitterCodes), 0.0, detector.MaxCode);
            flags |= PulseEffects.ThresholdJitter;
        }

        if (Drops(dropRandom, effects.DropProbability))
        {
            flags |= PulseEffects.Dropped;
        }

        if (effects.GainDrift)
        {
            flags |= PulseEffects.GainDrift;
        }

        if (reading.Saturated)
        {
            flags |= PulseEffects.Saturated;
        }

        if (reading.AtFloor)
        {
            flags |= PulseEffects.AtFloor;
        }

        pulse = new ScenePulse(
            index++,
            emission.TimeS,
            arrival,
            emission.WidthS,
            emission.FrequencyHz,
            emission.SubSwath,
            patternDb,
            received,
            input,
            reading.LevelDbm,
            temperature,
            clock.EpochTicks + (long)Math.Round(arrival * ticksPerSecond),
            widthTicks,
            reading.PeakCode,
            comparator,
            flags);
        return true;
    }
}
