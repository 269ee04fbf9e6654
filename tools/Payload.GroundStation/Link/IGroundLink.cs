namespace Payload.GroundStation.Link;

/// <summary>
/// A byte transport between the ground and the payload: the in-process simulated board today; TCP, serial and UDP
/// later. The ground frames and deframes; the link only moves octets.
/// </summary>
public interface IGroundLink
{
    /// <summary>Sends <paramref name="count"/> octets from <paramref name="offset"/> towards the payload (the link copies what it keeps).</summary>
    void Send(byte[] buffer, int offset, int count);

    /// <summary>Raised with octets from the payload, in order, in any chunking; the buffer is valid only during the call.</summary>
    event Action<byte[], int, int>? Received;
}
