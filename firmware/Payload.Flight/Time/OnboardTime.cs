using Payload.Flight.Protocol;

namespace Payload.Flight.Time
{
    /// <summary>
    /// On-board time: the board's monotonic microseconds plus an offset the ground sets (ST[9]), as CUC seconds of the
    /// mission epoch. Every step function advances it first, so everything a step produces carries the step's time.
    /// </summary>
    public sealed class OnboardTime
    {
        /// <summary>Monotonic microseconds of the step being run.</summary>
        public long MonotonicMicroseconds { get; private set; }

        /// <summary>Microseconds added to monotonic time to give mission time.</summary>
        public long OffsetMicroseconds { get; set; }

        /// <summary>True once the ground has set the time (reported as the TM time reference status).</summary>
        public bool IsSynchronised { get; set; }

        /// <summary>Mission time of the present step, in microseconds since the epoch.</summary>
        public long MissionMicroseconds { get { return MonotonicMicroseconds + OffsetMicroseconds; } }

        /// <summary>Mission time of the present step as CUC, held at the ends of the CUC range rather than failing.</summary>
        /// <remarks>Every packet is stamped with it, so a bad time set by the ground must not stop telemetry.</remarks>
        public CucTime Now
        {
            get
            {
                long mission = MissionMicroseconds;
                if (mission < 0) mission = 0;
                if (mission > CucTime.MaxMicroseconds) mission = CucTime.MaxMicroseconds;
                return CucTime.FromMicroseconds(mission);
            }
        }

        /// <summary>Called at the entry of every step function with the board's time.</summary>
        public void Advance(long monotonicMicroseconds)
        {
            if (monotonicMicroseconds > MonotonicMicroseconds) MonotonicMicroseconds = monotonicMicroseconds;
        }

        /// <summary>Mission time corresponding to a monotonic instant.</summary>
        public long ToMissionMicroseconds(long monotonicMicroseconds)
        {
            return monotonicMicroseconds + OffsetMicroseconds;
        }
    }
}
