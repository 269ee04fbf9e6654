namespace Payload.Hil;

/// <summary>What a target lets the bench do beyond commanding and listening; a test that needs one is skipped elsewhere.</summary>
[Flags]
public enum Capability
{
    /// <summary>Nothing beyond the link.</summary>
    None = 0,

    /// <summary>Time is virtual: waits cost no wall time, timing figures are deterministic and may be asserted.</summary>
    VirtualTime = 1,

    /// <summary>The bench can reset the board (persistence across a reset): the in-process board, or a bench control port's power supply.</summary>
    BoardReset = 2,

    /// <summary>The bench can cut the board's link to the spacecraft and restore it (storage while the link is down): the in-process board, or a bench control port's link switch.</summary>
    LinkOutage = 4,

    /// <summary>The bench can drop its connection and make a new one (TCP, serial, UDP).</summary>
    Reconnect = 8,

    /// <summary>The bench can reach the board's fault hooks (hangs, corruption, flash power cuts).</summary>
    FaultInjection = 16,

    /// <summary>
    /// The bench controls a radar stimulus that flies a pass over the board's antenna input and says its truth
    /// (<see cref="Bench.FlyPass"/>): the in-process board, or the bench control port named by <c>PAYLOAD_BENCH_CONTROL</c>.
    /// </summary>
    RadarStimulus = 32,
}
