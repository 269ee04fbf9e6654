namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>
    /// Makes sure the board's event throttle will let <paramref name="count"/> more reports of <paramref name="name"/>
    /// through: when earlier tests on a shared board used up the present window, waits for the next one (at most 10 s).
    /// A new simulated board always has room, so against <c>sim:</c> this costs nothing.
    /// </summary>
    public void EnsureEventBudget(string name, int count = 1)
    {
        Payload.Flight.Dictionary.EventDefinition definition = RequireEvent(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, definition.ThrottleLimit);
        if (!_throttle.HasAnchor) AwaitHousekeeping("HK_CORE", since: Payload.Hil.Mark.Beginning);
        long frame = _throttle.FrameAt(MissionNow) ?? 0;
        long window = frame / ThrottleLedger.WindowFrames;
        int used = _throttle.Used(definition.Name, window);
        _log.Add(Now, '#', $"throttle: {definition.Name} {used} of {definition.ThrottleLimit} used in window {window} (frame {frame}), {count} needed");
        if (used + count <= definition.ThrottleLimit) return;
        long framesLeft = (window + 1) * ThrottleLedger.WindowFrames - frame + 20;
        Say($"{definition.Name}: {used} of {definition.ThrottleLimit} reports used in this throttle window; waiting {framesLeft} frames for the next");
        Wait(framesLeft.Frames());
    }

    /// <summary>", the throttle may have withheld it (N of M reports used in this window)" when the ledger says so, else "".</summary>
    private string ThrottleHint(string name)
    {
        Payload.Flight.Dictionary.EventDefinition definition = RequireEvent(name);
        if (_throttle.FrameAt(MissionNow) is not { } frame) return "";
        int used = _throttle.Used(definition.Name, frame / ThrottleLedger.WindowFrames);
        return used < definition.ThrottleLimit ? ""
            : $" (the throttle may have withheld it: {used} of {definition.ThrottleLimit} reports used in this window; see EnsureEventBudget)";
    }
}
