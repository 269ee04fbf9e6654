using Payload.Flight.Config;
using Payload.Flight.Protocol;

namespace Payload.GroundStation;

/// <summary>How a <see cref="GroundSession"/> addresses the payload and keeps time.</summary>
public sealed record GroundSessionOptions
{
    /// <summary>The payload's APID.</summary>
    public ushort Apid { get; init; } = FlightConfiguration.Apid;

    /// <summary>The ground's PUS source ID.</summary>
    public ushort SourceId { get; init; } = FlightConfiguration.GroundId;

    /// <summary>Acknowledgement flags of commands sent without explicit ones.</summary>
    public AckFlags DefaultAckFlags { get; init; } = AckFlags.All;

    /// <summary>The ground's clock in microseconds; null: the link's (<see cref="Link.ILinkClock"/>) or else wall time since the station started.</summary>
    public Func<long>? Clock { get; init; }

    /// <summary>When false (the default), the station refuses to send once the board has reported a dictionary hash that differs from its own.</summary>
    public bool AllowDictionaryMismatch { get; init; }

    /// <summary>
    /// When true, the session takes nothing from the link until <see cref="GroundSession.Start"/>, so that observers of
    /// the session (an archive) attach before the first report; the link holds what arrives meanwhile.
    /// </summary>
    public bool StartPaused { get; init; }
}
