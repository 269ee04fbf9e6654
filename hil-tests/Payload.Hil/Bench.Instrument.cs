namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>Starts rebuilding the instrument's ST[13] messages from the live telemetry since <paramref name="since"/> (default: now).</summary>
    public InstrumentDownlink WatchInstrumentDownlink(Mark? since = null) => new(since ?? Mark());

    /// <summary>
    /// Waits until <paramref name="condition"/> holds of the messages rebuilt (feeding <paramref name="downlink"/> as telemetry
    /// arrives), or fails saying <paramref name="what"/> was awaited and what had arrived.
    /// </summary>
    public InstrumentDownlink AwaitInstrumentDownlink(InstrumentDownlink downlink, Func<InstrumentDownlink, bool> condition, TimeSpan within, string what)
    {
        ArgumentNullException.ThrowIfNull(downlink);
        ArgumentNullException.ThrowIfNull(condition);
        bool held = WaitUntil(() =>
        {
            downlink.Take(Received(downlink.Since));
            return condition(downlink);
        }, within);
        if (!held) throw Fail($"{what}: not within {Seconds(within)} of on-board time; the instrument downlink has {downlink}");
        return downlink;
    }
}
