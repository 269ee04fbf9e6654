namespace Payload.Hil;

/// <summary>A negative check over a block: at its end (after a settling time) no live event that it forbids may have arrived since its start.</summary>
internal sealed class NoEventsScope(Bench bench, Mark start, Func<EventView, bool> forbidden, string description, TimeSpan settle) : IDisposable
{
    private bool _done;

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        bench.Wait(settle);
        EventView[] found = bench.Events(null, start).Where(forbidden).ToArray();
        if (found.Length > 0)
        {
            throw bench.Fail($"{description}: {found.Length} arrived in the window from t={Payload.GroundStation.ValueFormat.Seconds(start.BenchMicroseconds)} s: "
                + string.Join("; ", found.Take(10).Select(e => $"{e.Event.Describe()} (on-board t={Payload.GroundStation.ValueFormat.Seconds(e.MissionMicroseconds)} s)")));
        }
    }
}
