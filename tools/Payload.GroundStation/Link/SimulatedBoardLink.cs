using Payload.Boards.Simulated.Engine;

namespace Payload.GroundStation.Link;

/// <summary>The in-process simulated board's UART as a ground link: octets take their wire time both ways, in the board's virtual time.</summary>
public sealed class SimulatedBoardLink : IGroundLink, ILinkClock, IDisposable
{
    private readonly SimulatedUart _uart;
    private readonly ReceptionGate _reception = new();

    /// <summary>Connects to <paramref name="board"/>'s UART (which survives the board's resets).</summary>
    public SimulatedBoardLink(SimulatedBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        Board = board;
        _uart = board.Uart;
        _uart.GroundReceived += OnGroundReceived;
    }

    /// <summary>The board at the other end.</summary>
    public SimulatedBoard Board { get; }

    /// <inheritdoc />
    /// <remarks>What arrives before the first handler subscribes is held for it (<see cref="ReceptionGate"/>).</remarks>
    public event Action<byte[], int, int>? Received
    {
        add => _reception.Add(value);
        remove => _reception.Remove(value);
    }

    /// <summary>"sim:".</summary>
    public string Description => "sim:";

    /// <summary>The board's virtual time, the ground's clock when it talks to this board.</summary>
    public long NowMicroseconds => Board.NowMicroseconds;

    /// <inheritdoc />
    public void Send(byte[] buffer, int offset, int count) => _uart.SendFromGround(buffer, offset, count);

    /// <summary>Stops listening to the board.</summary>
    public void Dispose() => _uart.GroundReceived -= OnGroundReceived;

    private void OnGroundReceived(byte[] buffer, int offset, int count) => _reception.Deliver(buffer, offset, count);
}
