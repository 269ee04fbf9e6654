using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

/// <summary>Tells live packets from replays (packet-store replays, repeated packets) as they arrive, and feeds the on-board time track.</summary>
/// <remarks>
/// A packet is a replay when it was seen before (same sequence count and time stamp), when the time tracker finds it
/// far older than on-board time, or when it is older than the newest live packet by more than the downlink can reorder
/// live traffic: urgent packets overtake routine ones (<see cref="ReorderAllowanceMicroseconds"/>), and everything
/// overtakes ST[13] parts, which are stamped as they enter the bulk queue (<see cref="BulkReorderAllowanceMicroseconds"/>).
/// Announced time jumps (SYS_BOOT, TIME_SET, TIME_RESTORED) re-anchor the track. Not thread-safe: the bench calls it under its lock.
/// </remarks>
public sealed class ReplayClassifier
{
    /// <summary>How much older than the newest live packet a live one may be: the downlink sends urgent packets before routine ones.</summary>
    public const long ReorderAllowanceMicroseconds = 500_000;

    /// <summary>The same for ST[13] parts: eight ~1 KB parts wait 0.7 s in the bulk queue at 115200 baud, more behind routine traffic.</summary>
    public const long BulkReorderAllowanceMicroseconds = 1_500_000;

    private const byte LargeTransferService = 13;

    private readonly HashSet<(ushort Sequence, long Mission)> _seen = [];
    private readonly OnboardTimeTracker _tracker;
    private long _newestLive = long.MinValue / 2;
    private bool _booting;

    /// <summary>Classifies against <paramref name="tracker"/>, which it keeps up to date.</summary>
    public ReplayClassifier(OnboardTimeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        _tracker = tracker;
    }

    /// <summary>True when <paramref name="report"/>, received at ground time <paramref name="groundMicroseconds"/>, is a replay.</summary>
    public bool IsReplay(TelemetryReport report, long groundMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(report);
        long mission = report.MissionMicroseconds;
        if (!_seen.Add((report.SequenceCount, mission))) return true;
        if (report is EventReport { Name: "SYS_BOOT" or "TIME_SET" or "TIME_RESTORED" })
        {
            _tracker.Anchor(mission, groundMicroseconds);
            _newestLive = mission;
            if (report is EventReport { Name: "SYS_BOOT" }) _booting = false;
            return false;
        }
        // The new boot's clock starts again, and what it sends before SYS_BOOT (PARAM_RESTORED…) would look far older
        // than the old boot's track; nothing is replayed between a reset and the boot.
        if (_booting) return false;
        int jumps = _tracker.Discontinuities;
        bool live = _tracker.Observe(mission, groundMicroseconds);
        if (_tracker.Discontinuities != jumps) _newestLive = mission; // an unannounced time change the tracker has confirmed
        long allowance = report.Service == LargeTransferService ? BulkReorderAllowanceMicroseconds : ReorderAllowanceMicroseconds;
        live &= mission >= _newestLive - allowance;
        if (live && mission > _newestLive) _newestLive = mission;
        return !live;
    }

    /// <summary>
    /// The board is being reset: a new boot numbers its packets afresh and may repeat the last boot's first packets
    /// exactly, and restarts its clock; until its SYS_BOOT re-anchors the track, every new packet is live.
    /// </summary>
    public void ForgetBoot()
    {
        _seen.Clear();
        _newestLive = long.MinValue / 2;
        _booting = true;
    }
}
