namespace Payload.Hil;

/// <summary>
/// Follows on-board mission time through the time stamps of received packets, so that a real-time bench can wait "for
/// N seconds of on-board time" and tell live packets from replayed ones.
/// </summary>
/// <remarks>
/// <para>The tracker keeps one track: the newest live mission time and the ground time it arrived at. A packet whose time
/// lies within <c>tolerance</c> of where the track predicts is live; the track moves on at the board's pace. A packet
/// much older than the prediction is a replay from the packet store (or a packet from before a backward time set). A
/// packet outside the tolerance starts a candidate track; when later packets follow the candidate for
/// <c>confirmation</c> of ground time while none follows the old track, the candidate becomes the track (a time set
/// nobody announced). Announced jumps (TIME_SET, TIME_RESTORED, SYS_BOOT events) re-anchor it at once (<see cref="Anchor"/>).</para>
/// <para>Bench time (<see cref="Now"/>) is continuous and never goes back: ground time until the first packet, then the
/// track's on-board time extrapolated with ground time between packets. Thread-safe.</para>
/// </remarks>
public sealed class OnboardTimeTracker
{
    private readonly Lock _lock = new();
    private readonly long _tolerance;
    private readonly long _confirmation;
    private bool _started;
    private long _benchAtAnchor;
    private long _groundAtAnchor;
    private long _missionAtAnchor;
    private long _floor = long.MinValue;
    private bool _hasCandidate;
    private long _candidateMission;
    private long _candidateGround;
    private long _candidateSince;

    /// <summary>Creates a tracker; times are microseconds.</summary>
    /// <param name="toleranceMicroseconds">How far a live packet's time may be from the prediction (queueing, priority reordering, transit).</param>
    /// <param name="confirmationMicroseconds">How long a candidate track must hold before it replaces the track.</param>
    public OnboardTimeTracker(long toleranceMicroseconds = 1_500_000, long confirmationMicroseconds = 2_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toleranceMicroseconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(confirmationMicroseconds);
        _tolerance = toleranceMicroseconds;
        _confirmation = confirmationMicroseconds;
    }

    /// <summary>Unannounced jumps of on-board time the tracker has followed.</summary>
    public int Discontinuities { get; private set; }

    /// <summary>True once a packet has given the tracker an on-board time.</summary>
    public bool HasTime
    {
        get { lock (_lock) return _started; }
    }

    /// <summary>Bench time at ground time <paramref name="groundMicroseconds"/>: continuous and monotonic.</summary>
    public long Now(long groundMicroseconds)
    {
        lock (_lock)
        {
            long now = _started ? _benchAtAnchor + (groundMicroseconds - _groundAtAnchor) : groundMicroseconds;
            if (now < _floor) now = _floor;
            _floor = now;
            return now;
        }
    }

    /// <summary>The estimated on-board mission time at ground time <paramref name="groundMicroseconds"/>, or null before any packet.</summary>
    public long? MissionNow(long groundMicroseconds)
    {
        lock (_lock) return _started ? _missionAtAnchor + (groundMicroseconds - _groundAtAnchor) : null;
    }

    /// <summary>Takes the time stamp of a packet received at <paramref name="groundMicroseconds"/>; returns false when it is a replay.</summary>
    public bool Observe(long missionMicroseconds, long groundMicroseconds)
    {
        lock (_lock)
        {
            if (!_started)
            {
                AnchorLocked(missionMicroseconds, groundMicroseconds);
                return true;
            }

            long deviation = missionMicroseconds - (_missionAtAnchor + (groundMicroseconds - _groundAtAnchor));
            if (Math.Abs(deviation) <= _tolerance)
            {
                _hasCandidate = false;
                if (missionMicroseconds > _missionAtAnchor)
                {
                    _benchAtAnchor += missionMicroseconds - _missionAtAnchor;
                    _missionAtAnchor = missionMicroseconds;
                    _groundAtAnchor = groundMicroseconds;
                }
                return true;
            }

            if (_hasCandidate && Math.Abs(missionMicroseconds - (_candidateMission + (groundMicroseconds - _candidateGround))) <= _tolerance)
            {
                _candidateMission = Math.Max(_candidateMission, missionMicroseconds);
                _candidateGround = groundMicroseconds;
                if (groundMicroseconds - _candidateSince >= _confirmation)
                {
                    AnchorLocked(_candidateMission, groundMicroseconds);
                    Discontinuities++;
                    return true;
                }
            }
            else
            {
                _hasCandidate = true;
                _candidateMission = missionMicroseconds;
                _candidateGround = groundMicroseconds;
                _candidateSince = groundMicroseconds;
            }
            return deviation > 0;
        }
    }

    /// <summary>Makes <paramref name="missionMicroseconds"/> at <paramref name="groundMicroseconds"/> the track (an announced time change); bench time stays continuous.</summary>
    public void Anchor(long missionMicroseconds, long groundMicroseconds)
    {
        lock (_lock) AnchorLocked(missionMicroseconds, groundMicroseconds);
    }

    private void AnchorLocked(long missionMicroseconds, long groundMicroseconds)
    {
        long bench = _started ? _benchAtAnchor + (groundMicroseconds - _groundAtAnchor) : groundMicroseconds;
        if (bench < _floor) bench = _floor;
        _benchAtAnchor = bench;
        _groundAtAnchor = groundMicroseconds;
        _missionAtAnchor = missionMicroseconds;
        _hasCandidate = false;
        _started = true;
    }
}
