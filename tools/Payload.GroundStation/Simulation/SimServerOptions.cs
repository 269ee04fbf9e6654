using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Simulation;

/// <summary>What a <see cref="SimServer"/> serves and how: the endpoint, the link speed, the seed, the pacing step.</summary>
public sealed record SimServerOptions
{
    /// <summary>Where to listen: tcp://HOST:PORT (port 0: any free one), udp://HOST:PORT, serial://PATH, or pty.</summary>
    public required LinkAddress Listen { get; init; }

    /// <summary>UDP only: where telemetry datagrams go from boot; null: to the sender of the latest telecommand.</summary>
    public LinkAddress? Telemetry { get; init; }

    /// <summary>Where the bench control port (radar stimulus, power supply, link switch) listens (tcp://HOST:PORT, port 0: any free one); null: none.</summary>
    public LinkAddress? Control { get; init; }

    /// <summary>The board's UART speed (the simulated wire time of every octet).</summary>
    public int BaudRate { get; init; } = LinkAddress.DefaultBaud;

    /// <summary>Seed of the board's random sources (link corruption), so a faulty run repeats.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Probability that an octet is corrupted on the simulated wire, each way (0: a clean link).</summary>
    public double CorruptionProbability { get; init; }

    /// <summary>The pacing step (see <see cref="RealTimeBoardDriver"/>): the most the pacing delays a downlink octet.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The board's options (its baud rate is replaced by <see cref="BaudRate"/>).</summary>
    public SimulatedBoardOptions Board { get; init; } = new();
}
