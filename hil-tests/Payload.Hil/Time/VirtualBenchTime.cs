using Payload.Boards.Simulated.Engine;

namespace Payload.Hil;

/// <summary>The in-process simulated board's virtual time: waiting runs the board, so a wait costs no wall time and repeats exactly.</summary>
internal sealed class VirtualBenchTime(SimulatedBoard board) : IBenchTime
{
    public bool IsVirtual => true;

    public long Now => board.NowMicroseconds;

    public bool WaitUntil(object gate, Func<bool> condition, long windowMicroseconds)
    {
        // Telemetry arrives on this thread while the board runs, so the condition sees every report as it lands.
        lock (gate) return board.RunUntil(condition, Math.Max(0, windowMicroseconds));
    }
}
