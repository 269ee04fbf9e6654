namespace Payload.Analysis;

/// <summary>What a pass's products need besides its pulses: the geometry for the angle conversion and the detector temperature.</summary>
/// <param name="GroundSpeedMps">Ground speed v_g of the beam footprint, m/s (0: no angle).</param>
/// <param name="SlantRangeM">Slant range R0 at closest approach, m (0: no angle).</param>
/// <param name="DetectorTemperatureC">Detector temperature from housekeeping, °C.</param>
public sealed record PassContext(int GroundSpeedMps, int SlantRangeM, double DetectorTemperatureC);
