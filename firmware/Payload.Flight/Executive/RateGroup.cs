using System.Collections;

namespace Payload.Flight.Executive
{
    /// <summary>The members of one rate group and its run statistics.</summary>
    public sealed class RateGroup
    {
        private readonly ArrayList _pending = new ArrayList();
        private IRateGroupMember[] _members = new IRateGroupMember[0];

        /// <summary>Creates an empty group.</summary>
        public RateGroup(RateGroupDefinition definition)
        {
            Definition = definition;
            LastCompletedFrame = -1;
        }

        /// <summary>The table row.</summary>
        public RateGroupDefinition Definition { get; }

        /// <summary>Cycles run since boot.</summary>
        public long Cycles { get; private set; }

        /// <summary>Cycles that took longer than the deadline.</summary>
        public long Overruns { get; private set; }

        /// <summary>Longest cycle seen, in microseconds.</summary>
        public long HighWaterMicroseconds { get; private set; }

        /// <summary>Duration of the last cycle, in microseconds.</summary>
        public long LastDurationMicroseconds { get; private set; }

        /// <summary>Minor frame of the last completed cycle (-1 before the first).</summary>
        public long LastCompletedFrame { get; private set; }

        /// <summary>Adds a member at boot; members run in the order they were added.</summary>
        public void Add(IRateGroupMember member)
        {
            _pending.Add(member);
            _members = new IRateGroupMember[_pending.Count];
            for (int i = 0; i < _members.Length; i++) _members[i] = (IRateGroupMember)_pending[i];
        }

        /// <summary>True when the group runs in minor frame <paramref name="frame"/>.</summary>
        public bool IsDue(long frame)
        {
            return !Definition.IsOnDemand && frame % Definition.Divisor == Definition.Offset;
        }

        /// <summary>Records a completed cycle; returns true when it met its deadline.</summary>
        internal bool Record(long frame, long startMicroseconds, long endMicroseconds)
        {
            long duration = endMicroseconds - startMicroseconds;
            Cycles++;
            LastDurationMicroseconds = duration;
            LastCompletedFrame = frame;
            if (duration > HighWaterMicroseconds) HighWaterMicroseconds = duration;
            if (duration > Definition.DeadlineMicroseconds)
            {
                Overruns++;
                return false;
            }
            return true;
        }

        /// <summary>The members, in run order.</summary>
        internal IRateGroupMember[] Members { get { return _members; } }

        /// <summary>True when the group completed its last due cycle within its deadline and is not late for the next.</summary>
        /// <remarks>
        /// An on-demand group is never late, and an overrun of one is counted and reported but does not withhold the
        /// watchdog: it runs only when something arrives, so one slow run would otherwise stop the toggling until the next
        /// arrival. A hung one stops every step (they share the board's lock), and with them the watchdog.
        /// </remarks>
        public bool IsHealthy(long frame)
        {
            if (Definition.IsOnDemand) return true;
            if (LastCompletedFrame < 0) return frame < Definition.Divisor + Definition.Offset;
            return frame - LastCompletedFrame <= Definition.Divisor && LastDurationMicroseconds <= Definition.DeadlineMicroseconds;
        }
    }
}
