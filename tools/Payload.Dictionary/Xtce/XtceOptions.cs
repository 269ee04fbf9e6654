using Payload.Flight.Config;
using Payload.Flight.Protocol;

namespace Payload.Dictionary.Xtce;

/// <summary>What the XTCE mission database says beyond the dictionary: names and the link's fixed header values.</summary>
public sealed record XtceOptions
{
    /// <summary>Name of the one SpaceSystem.</summary>
    public string SpaceSystemName { get; init; } = "Payload";

    /// <summary>APID of the payload: fixed in every telecommand, required of every telemetry packet.</summary>
    public ushort Apid { get; init; } = FlightConfiguration.Apid;

    /// <summary>Default of the telecommand source ID argument (the ground).</summary>
    public ushort SourceId { get; init; } = FlightConfiguration.GroundId;

    /// <summary>Default of the telecommand acknowledgement flags argument.</summary>
    public AckFlags AckFlags { get; init; } = AckFlags.All;
}
