using Payload.Boards.Simulated.Engine;

namespace Payload.GroundStation.Transports;

/// <summary>How <see cref="GroundLinkFactory"/> opens links: connection timeout, reconnection, and the in-process board's options.</summary>
public sealed record GroundLinkOptions
{
    /// <summary>How long a TCP connection attempt (the first or a retry) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a stream link (TCP, serial) after it lost its connection.</summary>
    public ReconnectPolicy Reconnect { get; init; } = ReconnectPolicy.Default;

    /// <summary>
    /// When true, <c>sim:</c> runs its board in real time on its own thread (a <see cref="Simulation.RealTimeSimulatedLink"/>,
    /// for consoles); when false (the default) it is a <see cref="Link.SimulatedBoardLink"/> in virtual time that the caller runs.
    /// </summary>
    public bool RealTimeSimulation { get; init; }

    /// <summary>The pacing step of a real-time <c>sim:</c> board.</summary>
    public TimeSpan SimulationStep { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The options of the board a <c>sim:</c> link creates (the URI's baud overrides theirs).</summary>
    public SimulatedBoardOptions? Board { get; init; }
}
