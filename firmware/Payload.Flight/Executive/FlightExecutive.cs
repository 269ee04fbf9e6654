using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Hardware;
using Payload.Flight.Parameters;

namespace Payload.Flight.Executive
{
    /// <summary>
    /// Runs the rate groups from the minor-frame tick, measures each cycle against its deadline, and toggles the
    /// watchdog only while every group is alive and on time — so a hung or overrunning group lets the supervisor reset the board.
    /// </summary>
    public sealed class FlightExecutive
    {
        /// <summary>Frames skipped between two ticks (the board could not keep up).</summary>
        public const ushort FrameSlipsParameter = 100;
        /// <summary>Minor frames since boot.</summary>
        public const ushort FrameCountParameter = 101;
        /// <summary>Ticks at which the watchdog was not toggled because a group was unhealthy.</summary>
        public const ushort WatchdogWithheldParameter = 102;
        /// <summary>First per-group parameter; group g has overruns at +10g, high-water mark at +10g+1, last duration at +10g+2.</summary>
        public const ushort GroupParameterBase = 110;
        /// <summary>A rate group overran its deadline.</summary>
        public const ushort OverrunEvent = 100;
        /// <summary>The tick skipped frames.</summary>
        public const ushort FrameSlipEvent = 101;
        /// <summary>A member threw; the executive caught it and carried on.</summary>
        public const ushort MemberFaultEvent = 102;
        /// <summary>The watchdog was withheld because a group was unhealthy.</summary>
        public const ushort WatchdogWithheldEvent = 103;

        private readonly RateGroup[] _groups;
        private readonly IMonotonicClock _clock;
        private readonly IOutputPin _watchdog;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;
        private long _lastFrame = -1;
        private bool _watchdogLevel;
        private bool _watchdogWasWithheld;

        /// <summary>Creates the executive for a rate-group table.</summary>
        public FlightExecutive(RateGroupDefinition[] table, IMonotonicClock clock, IOutputPin watchdog, IEventSink events, ParameterTable parameters)
        {
            _groups = new RateGroup[table.Length];
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i].Id != i) throw new ArgumentException("rate group ids must be 0..n-1 in table order");
                _groups[i] = new RateGroup(table[i]);
            }
            _clock = clock;
            _watchdog = watchdog;
            _events = events;
            _parameters = parameters;
        }

        /// <summary>Adds the executive's declarations for a rate-group table.</summary>
        public static void Declare(DictionaryBuilder dictionary, RateGroupDefinition[] table)
        {
            dictionary.Add(new ParameterDefinition(FrameSlipsParameter, "exec.frame_slips", DataType.UInt32, "frames", "Minor frames skipped since boot"));
            dictionary.Add(new ParameterDefinition(FrameCountParameter, "exec.frames", DataType.UInt32, "frames", "Minor frames since boot"));
            dictionary.Add(new ParameterDefinition(WatchdogWithheldParameter, "exec.watchdog_withheld", DataType.UInt32, "frames", "Ticks without a watchdog toggle"));
            for (int g = 0; g < table.Length; g++)
            {
                string prefix = "exec." + table[g].Name + ".";
                var overruns = new ParameterDefinition((ushort)(GroupParameterBase + 10 * g), prefix + "overruns", DataType.UInt32, "", "Cycles over deadline since boot");
                overruns.HighLimit = 0;
                dictionary.Add(overruns);
                var highWater = new ParameterDefinition((ushort)(GroupParameterBase + 10 * g + 1), prefix + "hwm_us", DataType.UInt32, "us", "Longest cycle since boot");
                highWater.HighLimit = table[g].DeadlineMicroseconds;
                dictionary.Add(highWater);
                dictionary.Add(new ParameterDefinition((ushort)(GroupParameterBase + 10 * g + 2), prefix + "last_us", DataType.UInt32, "us", "Duration of the last cycle"));
            }
            var group = new ArgumentDefinition("group", DataType.UInt8, "", "Rate group index");
            dictionary.Add(new EventDefinition(OverrunEvent, "EXEC_OVERRUN", Severity.Medium, "A rate group ran past its deadline",
                new ArgumentDefinition[] { group, new ArgumentDefinition("duration", DataType.UInt32, "us", "Cycle duration") }));
            dictionary.Add(new EventDefinition(FrameSlipEvent, "EXEC_FRAME_SLIP", Severity.Medium, "Minor frames were skipped",
                new ArgumentDefinition[] { new ArgumentDefinition("skipped", DataType.UInt32, "frames", "Frames skipped") }));
            dictionary.Add(new EventDefinition(MemberFaultEvent, "EXEC_MEMBER_FAULT", Severity.High, "A component threw in its rate group; the executive carried on",
                new ArgumentDefinition[] { group, new ArgumentDefinition("member", DataType.UInt8, "", "Member index in the group") }));
            dictionary.Add(new EventDefinition(WatchdogWithheldEvent, "EXEC_WATCHDOG_WITHHELD", Severity.High, "A rate group is late or overran: the watchdog is not being toggled",
                new ArgumentDefinition[] { group }));
        }

        /// <summary>Number of rate groups.</summary>
        public int GroupCount { get { return _groups.Length; } }

        /// <summary>The rate group with index <paramref name="id"/>.</summary>
        public RateGroup Group(int id)
        {
            return _groups[id];
        }

        /// <summary>Step function: minor frame <paramref name="frame"/> begins at <paramref name="nowMicroseconds"/>.</summary>
        public void OnMinorFrame(long frame, long nowMicroseconds)
        {
            if (_lastFrame >= 0 && frame > _lastFrame + 1)
            {
                long skipped = frame - _lastFrame - 1;
                _parameters.Set(FrameSlipsParameter, _parameters.Get(FrameSlipsParameter) + skipped);
                _events.Raise(FrameSlipEvent, skipped);
            }
            _lastFrame = frame;
            _parameters.Set(FrameCountParameter, frame + 1);

            for (int g = 0; g < _groups.Length; g++)
            {
                if (_groups[g].IsDue(frame)) RunGroup(g, frame, nowMicroseconds);
            }
            KickWatchdog(frame);
        }

        /// <summary>Runs on-demand group <paramref name="id"/> now, between ticks (e.g. when a telecommand has arrived), timed and guarded like a periodic one.</summary>
        /// <exception cref="ArgumentException">The group is periodic: only the tick runs it.</exception>
        public void RunOnDemand(int id, long nowMicroseconds)
        {
            if (!_groups[id].Definition.IsOnDemand) throw new ArgumentException("rate group " + _groups[id].Definition.Name + " is periodic");
            RunGroup(id, _lastFrame < 0 ? 0 : _lastFrame, nowMicroseconds);
        }

        private void RunGroup(int g, long frame, long nowMicroseconds)
        {
            RateGroup group = _groups[g];
            long start = _clock.NowMicroseconds;
            IRateGroupMember[] members = group.Members;
            for (int m = 0; m < members.Length; m++)
            {
                try
                {
                    members[m].Run(frame, nowMicroseconds);
                }
                catch (Exception)
                {
                    _events.Raise(MemberFaultEvent, g, m);
                }
            }
            long end = _clock.NowMicroseconds;
            bool onTime = group.Record(frame, start, end);
            ushort parameterBase = (ushort)(GroupParameterBase + 10 * g);
            _parameters.Set((ushort)(parameterBase + 1), group.HighWaterMicroseconds);
            _parameters.Set((ushort)(parameterBase + 2), group.LastDurationMicroseconds);
            if (!onTime)
            {
                _parameters.Set(parameterBase, group.Overruns);
                _events.Raise(OverrunEvent, g, end - start);
            }
        }

        private void KickWatchdog(long frame)
        {
            for (int g = 0; g < _groups.Length; g++)
            {
                if (!_groups[g].IsHealthy(frame))
                {
                    _parameters.Increment(WatchdogWithheldParameter);
                    if (!_watchdogWasWithheld) _events.Raise(WatchdogWithheldEvent, g);
                    _watchdogWasWithheld = true;
                    return;
                }
            }
            _watchdogWasWithheld = false;
            _watchdogLevel = !_watchdogLevel;
            _watchdog.Write(_watchdogLevel);
        }
    }
}
