namespace Payload.Boards.Simulated.Scene;

/// <summary>What the detector and ADC make of one pulse peak.</summary>
/// <param name="LevelDbm">Detected level after noise and clipping, dBm at the detector input.</param>
/// <param name="Volts">Detector output voltage.</param>
/// <param name="PeakCode">Peak code as the capture core reports it (rises with power; see <see cref="DetectorModel"/>).</param>
/// <param name="Saturated">The detector was at or beyond saturation.</param>
/// <param name="AtFloor">The detector was at or below its floor (the pulse is lost in the noise).</param>
public readonly record struct DetectorReading(double LevelDbm, double Volts, int PeakCode, bool Saturated, bool AtFloor);
