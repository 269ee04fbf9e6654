namespace Payload.Boards.Simulated.Scene;

/// <summary>One simulated pass, ready to use: geometry, every scene pulse, the truth, and a pulse source for the digitizer model.</summary>
public sealed class RadarPass
{
    private RadarPass(PassGeometry geometry, SceneOptions options, ScenePulse[] pulses)
    {
        Geometry = geometry;
        Options = options;
        Pulses = pulses;
        Truth = PassTruth.Create(geometry, options, pulses);
    }

    /// <summary>The pass geometry and radar profile.</summary>
    public PassGeometry Geometry { get; }

    /// <summary>The options the pass was generated with.</summary>
    public SceneOptions Options { get; }

    /// <summary>Every pulse in time order, dropped ones included.</summary>
    public IReadOnlyList<ScenePulse> Pulses { get; }

    /// <summary>True values to compare products with.</summary>
    public PassTruth Truth { get; }

    /// <summary>Generates a pass of <paramref name="profile"/>; the pattern peaks at <paramref name="peakTimeS"/> (default: mid-window).</summary>
    public static RadarPass Simulate(RadarProfile profile, SceneOptions? options = null, double? peakTimeS = null)
    {
        var geometry = new PassGeometry(profile, peakTimeS);
        var generator = new PulseTrainGenerator(geometry, options);
        return new RadarPass(geometry, generator.Options, generator.Generate());
    }

    /// <summary>A fresh source of this pass's delivered pulses, in TOA order, for the digitizer model.</summary>
    public IDetectedPulseSource CreateSource() => new DetectedPulseStream(Pulses);
}
