namespace Payload.GroundStation.Simulation;

/// <summary>
/// The simulator's end of a transport: it hands what a ground sends to the board's UART as a COBS byte stream, and
/// carries the UART's byte stream back to the ground (re-packetising both ways where the transport carries packets).
/// </summary>
public interface IBoardEndpoint : IDisposable
{
    /// <summary>Where it listens, for the start-up line ("tcp://127.0.0.1:5010").</summary>
    string ListeningOn { get; }

    /// <summary>The URI a ground opens to reach it, when the endpoint knows one (null for one end of a pair made elsewhere).</summary>
    string? ClientUri { get; }

    /// <summary>Octets from the board that no ground was there to receive (dropped like a UART with nothing attached).</summary>
    long DroppedOctets { get; }

    /// <summary>Starts listening; <paramref name="toBoard"/> takes the octets for the UART (any thread), <paramref name="log"/> a line for the operator.</summary>
    void Start(Action<byte[], int, int> toBoard, Action<string> log);

    /// <summary>Octets the board's UART sent (called on the driver thread; must not block for long).</summary>
    void ToGround(byte[] buffer, int offset, int count);
}
