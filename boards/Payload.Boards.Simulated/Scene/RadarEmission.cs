namespace Payload.Boards.Simulated.Scene;

/// <summary>One transmitted pulse in the radar's schedule, before propagation and reception.</summary>
/// <param name="TimeS">Emission time of the leading edge, seconds from the pass start.</param>
/// <param name="WidthS">Pulse length.</param>
/// <param name="FrequencyHz">Carrier.</param>
/// <param name="SubSwath">Sub-swath index.</param>
/// <param name="Effects">Schedule effects (dither, burst start, split-spectrum chirp).</param>
public readonly record struct RadarEmission(double TimeS, double WidthS, double FrequencyHz, int SubSwath, PulseEffects Effects);
