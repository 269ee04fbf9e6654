namespace Payload.Boards.Simulated.Scene;

/// <summary>What happened to one scene pulse.</summary>
[Flags]
public enum PulseEffects
{
    /// <summary>A plain pulse.</summary>
    None = 0,

    /// <summary>The PRI that ends at this pulse was dithered.</summary>
    PrfDither = 1 << 0,

    /// <summary>First pulse of a burst (the PRF may have switched to another sub-swath's).</summary>
    BurstStart = 1 << 1,

    /// <summary>First chirp of a split-spectrum pair.</summary>
    SplitSpectrumFirst = 1 << 2,

    /// <summary>Second chirp of a split-spectrum pair.</summary>
    SplitSpectrumSecond = 1 << 3,

    /// <summary>The pulse was dropped: it is in the scene but never reaches the digitizer.</summary>
    Dropped = 1 << 4,

    /// <summary>The comparator threshold was jittered for this pulse (see <see cref="ScenePulse.ComparatorCode"/>).</summary>
    ThresholdJitter = 1 << 5,

    /// <summary>The front-end gain includes temperature drift.</summary>
    GainDrift = 1 << 6,

    /// <summary>The detected level includes detector noise.</summary>
    DetectorNoise = 1 << 7,

    /// <summary>The detector was saturated.</summary>
    Saturated = 1 << 8,

    /// <summary>The detector was at its floor (the pulse is below the noise).</summary>
    AtFloor = 1 << 9,
}
