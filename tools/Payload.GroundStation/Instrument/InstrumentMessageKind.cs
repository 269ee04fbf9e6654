namespace Payload.GroundStation.Instrument;

/// <summary>The first octet of every instrument ST[13] message: what it holds.</summary>
public enum InstrumentMessageKind
{
    /// <summary>Not an instrument message the ground knows.</summary>
    Unknown = 0,

    /// <summary>The calibration products of one pass.</summary>
    Products = 1,

    /// <summary>A chunk of a pass's raw pulse records.</summary>
    RawRecords = 2,

    /// <summary>A pulse snapshot (envelope samples).</summary>
    Snapshot = 3,
}
