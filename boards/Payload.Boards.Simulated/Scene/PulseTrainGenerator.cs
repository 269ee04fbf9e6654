namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// Produces the pulses of one pass in time order: the radar's emission schedule (PRF, dither, bursts, split-spectrum
/// chirps), the received power from the pass geometry, the front end and detector, and the digitizer-facing codes.
/// </summary>
/// <remarks>
/// Each effect draws from its own <see cref="Pcg32"/> stream of <see cref="SceneOptions.Seed"/>, so the same options give
/// identical pulses and switching one effect does not reshuffle another's draws. Generation is O(pulses); a 10 s NISAR
/// pass is ≈ 16 500 pulses. <see cref="Pulses"/>, <see cref="Generate"/> and <see cref="CreateSource"/> share one
/// synthesis (<see cref="PulseSynthesizer"/>), so they give the same pulses.
/// </remarks>
public sealed class PulseTrainGenerator
{
    // The random stream of each effect (see Pcg32's stream argument).
    internal const ulong DitherStream = 1;
    internal const ulong DropStream = 2;
    internal const ulong NoiseStream = 3;
    internal const ulong ThresholdStream = 4;
    internal const ulong WidthStream = 5;

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
        var synthesizer = new PulseSynthesizer(Geometry, Options);
        while (synthesizer.TryNext(out var pulse))
        {
            yield return pulse;
        }
    }

    /// <summary>The whole pass in one array (O(pulses) memory; ≈ 2 MB for a 10 s NISAR pass).</summary>
    /// <remarks>The emission schedule is counted first (it is cheap), so the pulses are written once, in place.</remarks>
    public ScenePulse[] Generate()
    {
        var count = 0;
        var schedule = new EmissionSchedule(Geometry, Options);
        while (schedule.TryNext(out _))
        {
            count++;
        }

        var pulses = new ScenePulse[count];
        var synthesizer = new PulseSynthesizer(Geometry, Options);
        for (var i = 0; i < pulses.Length; i++)
        {
            if (!synthesizer.TryNext(out pulses[i]))
            {
                throw new InvalidOperationException("The pulses ended before the emission schedule's count.");
            }
        }

        return pulses;
    }

    /// <summary>The pass's delivered pulses (dropped ones skipped), synthesised as the digitizer model pulls them: the pass is never held in memory.</summary>
    public IDetectedPulseSource CreateSource() => new SynthesizedPulseStream(this);

    /// <summary>The radar's emission schedule over the visible window: times, lengths, carriers and sub-swaths, before any propagation.</summary>
    public IEnumerable<RadarEmission> Emissions()
    {
        var schedule = new EmissionSchedule(Geometry, Options);
        while (schedule.TryNext(out var emission))
        {
            yield return emission;
        }
    }
}
