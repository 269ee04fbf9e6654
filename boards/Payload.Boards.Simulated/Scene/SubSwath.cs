namespace Payload.Boards.Simulated.Scene;

/// <summary>One PRF/pulse setting of a radar: the only one for a stripmap radar, one per sub-swath for a burst mode such as Sentinel-1 IW.</summary>
/// <param name="Name">Sub-swath name (e.g. "IW2").</param>
/// <param name="PrfHz">Pulse repetition frequency within this sub-swath's bursts.</param>
/// <param name="PulseWidthS">Transmitted pulse length.</param>
/// <param name="ElevationGainDb">
/// Gain of this sub-swath's elevation beam towards the receiver relative to the beam that points at it
/// (0 dB for the receiver's own sub-swath, negative for the others).
/// </param>
/// <param name="BurstDurationS">Time the radar dwells on this sub-swath per burst cycle (ignored when bursts are off).</param>
public sealed record SubSwath(string Name, double PrfHz, double PulseWidthS, double ElevationGainDb = 0.0, double BurstDurationS = 0.0)
{
    /// <summary>Nominal pulse repetition interval, 1 / PRF.</summary>
    public double PriS => 1.0 / PrfHz;
}
