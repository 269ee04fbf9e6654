using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.GroundStation.Simulation.BenchControl;

/// <summary>
/// The bench's instruments acting on a simulated board: on the caller's thread (the in-process bench, in virtual time),
/// or on a <see cref="RealTimeBoardDriver"/>'s thread between two of the board's steps, like every other hook.
/// </summary>
public sealed class SimulatedBenchInstruments : IBenchInstruments
{
    private readonly SimulatedBoard _board;
    private readonly RealTimeBoardDriver? _driver;

    /// <summary>Instruments on <paramref name="board"/>, touched on the caller's thread.</summary>
    public SimulatedBenchInstruments(SimulatedBoard board)
    {
        _board = board ?? throw new ArgumentNullException(nameof(board));
    }

    /// <summary>Instruments on the board <paramref name="driver"/> runs, touched on its thread.</summary>
    public SimulatedBenchInstruments(RealTimeBoardDriver driver)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _board = driver.Board;
    }

    /// <inheritdoc/>
    public bool LinkUp => On(board => board.Uart.IsUp);

    /// <inheritdoc/>
    public StimulusTruth FlyPass(PassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return On(board => PassStimulus.Fly(board, request));
    }

    /// <inheritdoc/>
    public int PowerCycle(string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        return On(board =>
        {
            board.Reset(cause);
            return board.Boots;
        });
    }

    /// <inheritdoc/>
    public void SetLinkUp(bool up) => On(board =>
    {
        board.SetLinkUp(up);
        return up;
    });

    private T On<T>(Func<SimulatedBoard, T> action) => _driver is null ? action(_board) : _driver.Invoke(action);
}
