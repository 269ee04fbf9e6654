namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// Produces the pulses of one pass in time order: the radar's emission schedule (PRF, dither, bursts, split-spectrum
/// chirps), the received power from the pass geometry, the front end and detector, and the digitizer-facing codes.
/// </summary>
/// <remarks>
/// Each effect draws from its own <see cref="Pcg32"/> stream of <see cref="SceneOptions.Seed"/>, so the same options give
/// identical pulses and switching one effect does not reshuffle another's draws. Generation is O(pulses); a 10 s NISAR
/// pass is ≈ 16 500 pulses.
/// </remarks>
public sealed class PulseTrainGenerator
{
    private const ulong DitherStream = 1;
    private const ulong DropStream = 2;
    private const ulong NoiseStream = 3;
    private const ulong ThresholdStream = 4;
    private const ulong WidthStream = 5;

    /// <summary>Creates a generator for a pass; options default to <see cref="SceneOptions"/>' defaults.</summary>
    public PulseTrainGenerator(PassGeometry geometry, SceneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        Geometry = geometry;
        Options = options ?? new SceneOptions();
        if (Options.Effects.DropProbability is < 0.0 or > 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DropProbability must be within [0, 1].");
        }
    }

    /// <summary>The pass geometry (and through it the radar profile).</summary>
    public PassGeometry Geometry { get; }

    /// <summary>Seed, effects, receiver and clock.</summary>
    public SceneOptions Options { get; }

    /// <summary>The pulses of the pass as a lazy stream in time order; every enumeration starts the random streams afresh and yields the same pulses.</summary>
    public IEnumerable<ScenePulse> Pulses()
    {
        var profile = Geometry.Profile;
        var effects = Options.Effects;
        var detector = Options.Detector;
        var clock = Options.Clock;
        var noise = effects.DetectorNoise ? new Pcg32(Options.Seed, NoiseStream) : null;
        var widthRandom = new Pcg32(Options.Seed, WidthStream);
        var dropRandom = new Pcg32(Options.Seed, DropStream);
        var thresholdRandom = new Pcg32(Options.Seed, ThresholdStream);
        var index = 0;

        foreach (var emission in Emissions())
        {
            var subSwath = profile.SubSwaths[emission.SubSwath];
            var flags = emission.Effects;
            var temperature = Options.Temperature.CelsiusAt(emission.TimeS);
            var patternDb = Geometry.PatternGainDb(emission.TimeS, emission.FrequencyHz);
            var received = profile.PeakPowerDbm + subSwath.ElevationGainDb + patternDb;
            var input = Options.FrontEnd.DetectorInputDbm(received, temperature, effects.GainDrift);
            var reading = detector.Read(input, noise);
            var arrival = emission.TimeS + Geometry.PropagationDelayS(emission.TimeS);

            var widthTicks = clock.DurationTicks(emission.WidthS);
            if (effects.DetectorNoise)
            {
                var jittered = emission.WidthS * clock.TicksPerSecond + Options.WidthJitterTicks * widthRandom.NextGaussian();
                widthTicks = Math.Max(1, (int)Math.Round(jittered));
                flags |= PulseEffects.DetectorNoise;
            }

            var comparator = reading.PeakCode;
            if (effects.ThresholdJitterDb > 0.0)
            {
                var jitterCodes = effects.ThresholdJitterDb * detector.CodesPerDb * thresholdRandom.NextGaussian();
                comparator = (int)Math.Clamp(Math.Round(reading.PeakCode - jitterCodes), 0.0, detector.MaxCode);
                flags |= PulseEffects.ThresholdJitter;
            }

            if (effects.DropProbability > 0.0 && dropRandom.NextDouble() < effects.DropProbability)
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

            yield return new ScenePulse(
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
                clock.Ticks(arrival),
                widthTicks,
                reading.PeakCode,
                comparator,
                flags);
        }
    }

    /// <summary>The whole pass in one array (O(pulses) memory; ≈ 2 MB for a 10 s NISAR pass).</summary>
    public ScenePulse[] Generate() => Pulses().ToArray();

    /// <summary>The radar's emission schedule over the visible window: times, lengths, carriers and sub-swaths, before any propagation.</summary>
    public IEnumerable<RadarEmission> Emissions()
    {
        var profile = Geometry.Profile;
        var effects = Options.Effects;
        var bursts = effects.SubSwathBursts && profile.HasBursts;
        var dither = effects.PrfDither && profile.PrfDitherFraction > 0.0;
        var split = effects.SplitSpectrum ? profile.SplitSpectrum : null;
        var ditherRandom = new Pcg32(Options.Seed, DitherStream);
        var end = profile.VisibleDurationS;

        var subSwath = profile.ReceiverSubSwath;
        var burstEnd = double.PositiveInfinity;
        if (bursts)
        {
            (subSwath, burstEnd) = BurstAtPassStart(profile);
        }

        var t = Options.FirstPulsePhase * profile.SubSwaths[subSwath].PriS;
        var pending = PulseEffects.None;
        while (true)
        {
            var current = profile.SubSwaths[subSwath];
            var span = split is null ? current.PulseWidthS : split.SecondChirpDelayS + split.SecondWidthS;
            if (bursts && t + span > burstEnd)
            {
                // The rest of this burst cannot hold another pulse: switch beam and PRF to the next sub-swath.
                subSwath = (subSwath + 1) % profile.SubSwaths.Count;
                t = burstEnd + profile.BurstSwitchGapS;
                burstEnd += profile.SubSwaths[subSwath].BurstDurationS;
                pending = PulseEffects.BurstStart;
                continue;
            }

            if (t >= end)
            {
                yield break;
            }

            if (split is null)
            {
                yield return new RadarEmission(t, current.PulseWidthS, profile.CentreFrequencyHz, subSwath, pending);
            }
            else
            {
                yield return new RadarEmission(t, split.FirstWidthS, split.FirstFrequencyHz, subSwath, pending | PulseEffects.SplitSpectrumFirst);
                yield return new RadarEmission(t + split.SecondChirpDelayS, split.SecondWidthS, split.SecondFrequencyHz, subSwath, pending | PulseEffects.SplitSpectrumSecond);
            }

            var pri = current.PriS;
            pending = PulseEffects.None;
            if (dither)
            {
                pri *= 1.0 + profile.PrfDitherFraction * ditherRandom.NextSigned();
                pending = PulseEffects.PrfDither;
            }

            t += pri;
        }
    }

    private (int SubSwath, double BurstEnd) BurstAtPassStart(RadarProfile profile)
    {
        var cycle = profile.BurstCycleS;
        if (cycle <= 0.0)
        {
            throw new InvalidOperationException($"{profile.Name}: sub-swath bursts need positive burst durations.");
        }

        var phase = Options.BurstPhaseS % cycle;
        if (phase < 0.0)
        {
            phase += cycle;
        }

        var subSwath = 0;
        var burstStart = 0.0;
        while (subSwath < profile.SubSwaths.Count - 1 && phase >= burstStart + profile.SubSwaths[subSwath].BurstDurationS)
        {
            burstStart += profile.SubSwaths[subSwath].BurstDurationS;
            subSwath++;
        }

        return (subSwath, burstStart + profile.SubSwaths[subSwath].BurstDurationS - phase);
    }
}
