namespace Payload.GroundStation.Link;

/// <summary>
/// A transport between the ground and the payload: the in-process simulated board, TCP, a serial port, UDP (see
/// <c>Transports/GroundLinkFactory</c>). A byte-stream link only moves octets and the session frames them (COBS); a
/// packet-oriented link (UDP) carries one space packet per send and per receipt, unframed.
/// </summary>
/// <remarks>
/// The members after <see cref="Received"/> have defaults (a link that is always connected, a byte stream), so a
/// simple link implements only the first two.
/// </remarks>
public interface IGroundLink : IDisposable
{
    /// <summary>Sends <paramref name="count"/> octets from <paramref name="offset"/> towards the payload (the link copies what it keeps).</summary>
    /// <exception cref="LinkNotConnectedException">The link is down (a reconnecting TCP link, a closed port); nothing was sent.</exception>
    void Send(byte[] buffer, int offset, int count);

    /// <summary>
    /// Raised with octets from the payload, in order: on a byte stream in any chunking, on a packet-oriented link one
    /// whole packet per call. The buffer is valid only during the call; it may be raised on a background thread.
    /// </summary>
    event Action<byte[], int, int>? Received;

    /// <summary>True when each send and each receipt is one whole space packet (UDP datagrams): the session does not frame.</summary>
    bool IsPacketOriented => false;

    /// <summary>Whether octets can be sent now.</summary>
    LinkState State => LinkState.Connected;

    /// <summary>Raised when <see cref="State"/> changes (connected, lost, reconnecting, given up), possibly on a background thread.</summary>
    event Action<LinkStateChange>? StateChanged
    {
        add { }
        remove { }
    }

    /// <summary>Where the link goes, for messages ("tcp://127.0.0.1:5010").</summary>
    string Description => GetType().Name;

    /// <summary>Nothing to release by default.</summary>
    void IDisposable.Dispose()
    {
    }
}
