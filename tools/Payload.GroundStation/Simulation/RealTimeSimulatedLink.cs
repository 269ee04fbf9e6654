using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Link;

namespace Payload.GroundStation.Simulation;

/// <summary>
/// The in-process simulated board in real time, as a ground link: the board runs on its own
/// <see cref="RealTimeBoardDriver"/> thread, so an interactive console can use <c>sim:</c> without running virtual
/// time itself. Sends are queued onto the board's UART from any thread; octets come back on the driver thread.
/// </summary>
public sealed class RealTimeSimulatedLink : IGroundLink
{
    private readonly ReceptionGate _reception = new();

    /// <summary>Boots <paramref name="board"/>'s real-time loop with pacing steps of <paramref name="step"/>.</summary>
    public RealTimeSimulatedLink(SimulatedBoard board, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(board);
        Driver = new RealTimeBoardDriver(board, step);
        Driver.Downlink += OnDownlink;
        Driver.Start();
    }

    /// <summary>The loop running the board (post fault injections through it).</summary>
    public RealTimeBoardDriver Driver { get; }

    /// <inheritdoc />
    /// <remarks>What arrives before the first handler subscribes is held for it (<see cref="ReceptionGate"/>).</remarks>
    public event Action<byte[], int, int>? Received
    {
        add => _reception.Add(value);
        remove => _reception.Remove(value);
    }

    /// <inheritdoc />
    public string Description => "sim: (real time)";

    /// <inheritdoc />
    public LinkState State => Driver.IsRunning ? LinkState.Connected : LinkState.Closed;

    /// <inheritdoc />
    public void Send(byte[] buffer, int offset, int count)
    {
        if (!Driver.IsRunning) throw new LinkNotConnectedException(Description, LinkState.Closed, "cannot send: the simulated board has stopped; nothing was sent");
        Driver.Uplink(buffer, offset, count);
    }

    /// <summary>Stops the board.</summary>
    public void Dispose()
    {
        Driver.Downlink -= OnDownlink;
        Driver.Dispose();
    }

    private void OnDownlink(byte[] buffer, int offset, int count) => _reception.Deliver(buffer, offset, count);
}
