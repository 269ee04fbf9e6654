namespace Payload.Boards.Simulated.Scene;

/// <summary>One radar pulse of a simulated pass: the physics (times, power at each stage) and what the digitizer will capture.</summary>
/// <param name="Index">Position in the pass, 0-based, in time order (dropped pulses included).</param>
/// <param name="EmissionTimeS">Emission time of the leading edge, seconds of radar time from the pass start.</param>
/// <param name="ArrivalTimeS">Arrival time of the leading edge at the receiver: emission + slant range / c.</param>
/// <param name="WidthS">Transmitted pulse length, seconds.</param>
/// <param name="FrequencyHz">Carrier of this pulse.</param>
/// <param name="SubSwath">Index of the sub-swath (PRF setting) that emitted it.</param>
/// <param name="PatternGainDb">Along-track pattern gain at emission, dB (0 at the peak).</param>
/// <param name="ReceivedDbm">Noiseless power at the antenna (dBm into 0 dBi): peak power + elevation gain + pattern gain.</param>
/// <param name="DetectorInputDbm">Noiseless power at the detector input (front-end gain and drift applied).</param>
/// <param name="DetectedDbm">Level the detector reports: with noise, clipped at floor and saturation.</param>
/// <param name="TemperatureC">Front-end temperature at emission.</param>
/// <param name="ToaTicks">TOA counter value at arrival (80 MHz ticks).</param>
/// <param name="WidthTicks">Width the comparator measures, ticks.</param>
/// <param name="PeakCode">Peak code as captured (rises with power; see <see cref="DetectorModel"/>).</param>
/// <param name="ComparatorCode">Code the comparator compares with its threshold: the peak code minus this pulse's threshold jitter.</param>
/// <param name="Effects">Effects applied to this pulse.</param>
public readonly record struct ScenePulse(
    int Index,
    double EmissionTimeS,
    double ArrivalTimeS,
    double WidthS,
    double FrequencyHz,
    int SubSwath,
    double PatternGainDb,
    double ReceivedDbm,
    double DetectorInputDbm,
    double DetectedDbm,
    double TemperatureC,
    long ToaTicks,
    int WidthTicks,
    int PeakCode,
    int ComparatorCode,
    PulseEffects Effects)
{
    /// <summary>True when the pulse never reaches the digitizer.</summary>
    public bool IsDropped => (Effects & PulseEffects.Dropped) != 0;

    /// <summary>True when the detector saturated on this pulse.</summary>
    public bool IsSaturated => (Effects & PulseEffects.Saturated) != 0;

    /// <summary>The digitizer-facing view of this pulse.</summary>
    public DetectedPulse ToDetectedPulse() => new(ToaTicks, WidthTicks, PeakCode, ComparatorCode, IsSaturated, Index);
}
