namespace Payload.Boards.Simulated.Scene;

/// <summary>Everything about a simulated pass that is not the radar: seed, effects, receiver, temperature and TOA clock.</summary>
public sealed record SceneOptions
{
    /// <summary>Seed of every random stream; the same seed and options give identical pulses.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Effects to inject.</summary>
    public SceneEffects Effects { get; init; } = SceneEffects.Nominal;

    /// <summary>Antenna, filter and LNA.</summary>
    public RfFrontEnd FrontEnd { get; init; } = new();

    /// <summary>Log detector and ADC.</summary>
    public DetectorModel Detector { get; init; } = new();

    /// <summary>Front-end temperature over the pass (drives gain drift and the detector TEMP pin).</summary>
    public TemperatureProfile Temperature { get; init; } = TemperatureProfile.Constant(25.0);

    /// <summary>TOA counter used to stamp pulses.</summary>
    public ToaClock Clock { get; init; } = new();

    /// <summary>Rms error of the comparator-measured width, in ticks (applied with detector noise).</summary>
    public double WidthJitterTicks { get; init; } = 1.0;

    /// <summary>Time of the first emission in the pass, as a fraction of the first PRI (the radar's timing is not aligned to the pass start).</summary>
    public double FirstPulsePhase { get; init; } = 0.37;

    /// <summary>How far into its burst cycle the radar is at the pass start, seconds (bursts only).</summary>
    /// <remarks>
    /// The default 0.2 s puts Sentinel-1's whole 3 dB dwell (t0 = 4 s) inside an IW2 burst (3.47–4.38 s), the burst aimed
    /// at the receiver; other phases cut the main lobe with IW1/IW3 bursts.
    /// </remarks>
    public double BurstPhaseS { get; init; } = 0.2;
}
