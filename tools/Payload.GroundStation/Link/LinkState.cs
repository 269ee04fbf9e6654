namespace Payload.GroundStation.Link;

/// <summary>Where a ground link stands.</summary>
public enum LinkState
{
    /// <summary>Making its first connection.</summary>
    Connecting = 0,

    /// <summary>Octets can be sent and are being received.</summary>
    Connected = 1,

    /// <summary>The connection was lost; the link is trying again (see <see cref="LinkStateChange.Attempt"/>).</summary>
    Reconnecting = 2,

    /// <summary>The link gave up (retries exhausted) or was closed; sending fails.</summary>
    Closed = 3,
}
