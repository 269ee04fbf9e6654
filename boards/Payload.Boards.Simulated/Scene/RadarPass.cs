namespace Payload.Boards.Simulated.Scene;

/// <summary>One simulated pass, ready to use: geometry, every scene pulse, the truth, and a pulse source for the digitizer model.</summary>
/// <remarks>
/// The truth is worked out at once from the emission schedule and the drop draws; the pulses' physics only when they are
/// wanted — by <see cref="Pulses"/> (all of them, kept) or by a source the digitizer model pulls, which synthesises
/// each pulse when its turn comes, so a board flying a pass never holds it in memory. Both give the same pulses.
/// </remarks>
public sealed class RadarPass
{
    private readonly PulseTrainGenerator generator;
    private ScenePulse[]? pulses;

    private RadarPass(PulseTrainGenerator generator)
    {
        this.generator = generator;
        Truth = PassTruth.Create(generator.Geometry, generator.Options);
    }

    /// <summary>The pass geometry and radar profile.</summary>
    public PassGeometry Geometry => generator.Geometry;

    /// <summary>The options the pass was generated with.</summary>
    public SceneOptions Options => generator.Options;

    /// <summary>Every pulse in time order, dropped ones included (synthesised on first use, then kept).</summary>
    public IReadOnlyList<ScenePulse> Pulses => pulses ?? Materialise();

    /// <summary>True values to compare products with.</summary>
    public PassTruth Truth { get; }

    /// <summary>Generates a pass of <paramref name="profile"/>; the pattern peaks at <paramref name="peakTimeS"/> (default: mid-window).</summary>
    public static RadarPass Simulate(RadarProfile profile, SceneOptions? options = null, double? peakTimeS = null) =>
        new(new PulseTrainGenerator(new PassGeometry(profile, peakTimeS), options));

    /// <summary>
    /// A fresh source of this pass's delivered pulses, in TOA order, for the digitizer model: over <see cref="Pulses"/>
    /// once they are held, otherwise synthesised as it is pulled.
    /// </summary>
    public IDetectedPulseSource CreateSource() =>
        Volatile.Read(ref pulses) is { } held ? new DetectedPulseStream(held) : generator.CreateSource();

    private ScenePulse[] Materialise()
    {
        var generated = generator.Generate();
        return Interlocked.CompareExchange(ref pulses, generated, null) ?? generated;
    }
}
