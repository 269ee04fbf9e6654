namespace Payload.GroundStation.Telemetry;

/// <summary>Where a parameter's raw value lies against its declared limits.</summary>
public enum LimitState
{
    /// <summary>Within the limits (or the parameter has none).</summary>
    Nominal = 0,

    /// <summary>Below the low limit.</summary>
    Low = 1,

    /// <summary>Above the high limit.</summary>
    High = 2,
}
