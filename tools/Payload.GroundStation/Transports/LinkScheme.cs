namespace Payload.GroundStation.Transports;

/// <summary>The kinds of link a <see cref="LinkAddress"/> names.</summary>
public enum LinkScheme
{
    /// <summary>The in-process simulated board, in virtual time.</summary>
    Sim = 0,

    /// <summary>A COBS byte stream over TCP.</summary>
    Tcp = 1,

    /// <summary>A COBS byte stream over a serial port (8N1).</summary>
    Serial = 2,

    /// <summary>One space packet per UDP datagram.</summary>
    Udp = 3,

    /// <summary>A new pseudo-terminal (the simulator's side only).</summary>
    Pty = 4,
}
