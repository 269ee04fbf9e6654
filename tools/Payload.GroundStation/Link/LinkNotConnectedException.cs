namespace Payload.GroundStation.Link;

/// <summary>A send on a link that is down: the message says which link and what it is doing about it.</summary>
public sealed class LinkNotConnectedException : IOException
{
    /// <summary>Creates the exception for <paramref name="link"/> in <paramref name="state"/>.</summary>
    public LinkNotConnectedException(string link, LinkState state, string message, Exception? inner = null) : base(message, inner)
    {
        Link = link;
        State = state;
    }

    /// <summary>The link's description.</summary>
    public string Link { get; }

    /// <summary>The link's state when the send failed.</summary>
    public LinkState State { get; }
}
