using System;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;
using Payload.Flight.Time;

namespace Payload.Flight.Scheduling
{
    /// <summary>
    /// PUS ST[11] time-based scheduling: keeps time-tagged telecommands and, every minor frame, releases the ones that
    /// are due into the normal acceptance pipeline, so a released command is checked (mode included) and verified
    /// exactly like one from the link.
    /// </summary>
    /// <remarks>
    /// <para>Release: every enabled entry whose release time is at or before the step's mission time goes out in the
    /// first frame that sees it due, in release order (time, then insertion). At most <c>releasesPerFrame</c> go out per
    /// frame, and none while the command queue is full (the entry waits a frame rather than being lost to a Busy
    /// rejection), so the one-frame guarantee holds while no more than that many commands fall due in one frame.</para>
    /// <para>Time jumps: setting the clock forward makes every entry it passes due at once; they go out in tag order,
    /// <c>releasesPerFrame</c> per frame. Setting it back delays every entry until the new time reaches its tag.</para>
    /// <para>Insertion failures (start of execution): embedded packet not a valid telecommand → IllegalArgument with the
    /// packet status as data; embedded packet longer than a slot → CapacityExceeded with the slot size; release time
    /// before the present on-board time → ExecutionError with the on-board time (CUC seconds) as data, because the
    /// argument is well formed and only the on-board state makes it unusable; table full → CapacityExceeded with the
    /// capacity. The embedded command is otherwise checked in full (APID, known command, arguments, mode) when it is
    /// released, since only then is the mode known.</para>
    /// <para>Reset (TC[11,3]) deletes every entry and disables release, as ECSS-E-ST-70-41C 6.11.4.4 asks; the schedule is enabled
    /// at boot. Entries kept while release is disabled are released on enable if they have fallen due meanwhile.</para>
    /// </remarks>
    public sealed class TimeBasedSchedule : ICommandHandler, IRateGroupMember
    {
        /// <summary>PUS service type.</summary>
        public const byte Service = 11;
        /// <summary>TC[11,1] enable the release function.</summary>
        public const byte EnableSubtype = 1;
        /// <summary>TC[11,2] disable the release function.</summary>
        public const byte DisableSubtype = 2;
        /// <summary>TC[11,3] reset: delete every entry and disable release.</summary>
        public const byte ResetSubtype = 3;
        /// <summary>TC[11,4] insert a time-tagged telecommand.</summary>
        public const byte InsertSubtype = 4;
        /// <summary>TC[11,5] delete entries by the request ID of their telecommand.</summary>
        public const byte DeleteSubtype = 5;
        /// <summary>TM[11,13] summary report.</summary>
        public const byte SummaryReportSubtype = 13;
        /// <summary>TC[11,17] summary-report every entry.</summary>
        public const byte ReportSummarySubtype = 17;

        /// <summary>Octets per entry in TM[11,13]: release time (CUC, 6), packet ID (2), sequence control (2).</summary>
        public const int SummaryEntryLength = CucTime.Length + 4;
        /// <summary>Octets of TC[11,4] application data before the embedded packet: release seconds, fine, length.</summary>
        public const int InsertHeaderLength = 4 + 2 + 2;
        /// <summary>The longest telecommand TC[11,4] can carry inside itself.</summary>
        public const int MaxEmbeddedCommandLength = PacketLimits.MaxTelecommandApplicationDataLength - InsertHeaderLength;

        /// <summary>Parameter: entries waiting for release.</summary>
        public const ushort UsedParameter = 600;
        /// <summary>Parameter: commands released and accepted since boot.</summary>
        public const ushort ReleasedParameter = 601;
        /// <summary>Parameter: slots in the table.</summary>
        public const ushort CapacityParameter = 602;
        /// <summary>Parameter: released commands that acceptance refused.</summary>
        public const ushort RejectedParameter = 603;
        /// <summary>Parameter: 1 while the release function is enabled.</summary>
        public const ushort EnabledParameter = 604;
        /// <summary>Event: a command was released and accepted.</summary>
        public const ushort ReleasedEvent = 600;
        /// <summary>Event: a released command was refused at acceptance.</summary>
        public const ushort ReleaseRejectedEvent = 601;

        private const int ReleaseSecondsArgument = 0;
        private const int ReleaseFineArgument = 1;
        private const int LengthArgument = 2;
        private const int PacketArgument = 3;

        private readonly ScheduleTable _table;
        private readonly int _releasesPerFrame;
        private readonly TelecommandReceiver _receiver;
        private readonly CommandQueue _queue;
        private readonly OnboardTime _time;
        private readonly ITelemetrySink _telemetry;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;
        private readonly byte[] _report;

        /// <summary>
        /// Creates an enabled, empty schedule of <paramref name="capacity"/> slots of <paramref name="maxCommandLength"/>
        /// octets each, releasing at most <paramref name="releasesPerFrame"/> commands per frame into <paramref name="receiver"/>.
        /// </summary>
        /// <remarks><paramref name="queue"/> is the receiver's queue; it is only read, to hold releases while it is full.</remarks>
        public TimeBasedSchedule(int capacity, int maxCommandLength, int releasesPerFrame, TelecommandReceiver receiver,
            CommandQueue queue, OnboardTime time, ITelemetrySink telemetry, IEventSink events, ParameterTable parameters)
        {
            if (2 + capacity * SummaryEntryLength > PacketLimits.MaxTelemetryApplicationDataLength)
                throw new ArgumentOutOfRangeException(nameof(capacity), "the summary report would not fit one packet");
            if (maxCommandLength < PacketLimits.MinTelecommandLength || maxCommandLength > MaxEmbeddedCommandLength)
                throw new ArgumentOutOfRangeException(nameof(maxCommandLength));
            if (releasesPerFrame < 1) throw new ArgumentOutOfRangeException(nameof(releasesPerFrame));
            _table = new ScheduleTable(capacity, maxCommandLength);
            _releasesPerFrame = releasesPerFrame;
            _receiver = receiver;
            _queue = queue;
            _time = time;
            _telemetry = telemetry;
            _events = events;
            _parameters = parameters;
            _report = new byte[2 + capacity * SummaryEntryLength];
            _parameters.Set(CapacityParameter, capacity);
            SetEnabled(true);
            PublishCount();
        }

        /// <summary>True while due entries are released.</summary>
        public bool IsEnabled { get; private set; }

        /// <summary>Entries waiting for release.</summary>
        public int Count { get { return _table.Count; } }

        /// <summary>Slots in the table.</summary>
        public int Capacity { get { return _table.Capacity; } }

        /// <summary>Adds the schedule's declarations; <paramref name="maxCommandLength"/> must be the constructor's, so the ground sees the slot size.</summary>
        public static void Declare(DictionaryBuilder dictionary, int maxCommandLength)
        {
            dictionary.Add(new CommandDefinition("SCHED_ENABLE", Service, EnableSubtype, "Enables release of time-tagged commands",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("SCHED_DISABLE", Service, DisableSubtype, "Disables release; entries are kept",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("SCHED_RESET", Service, ResetSubtype, "Deletes every entry and disables release",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("SCHED_INSERT", Service, InsertSubtype, "Inserts a telecommand to release at a mission time",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("release_s", DataType.UInt32, "s", "Release time, CUC coarse (seconds since the mission epoch)"),
                    new ArgumentDefinition("release_fine", DataType.UInt16, "2^-16 s", "Release time, CUC fine"),
                    new ArgumentDefinition("tc_length", DataType.UInt16, "octets", PacketLimits.MinTelecommandLength, maxCommandLength, "Octets of the telecommand that follows"),
                    new ArgumentDefinition("tc", DataType.Bytes, "", PacketLimits.MinTelecommandLength, maxCommandLength, "The whole telecommand packet, CRC included"),
                }, ModeMask.Any, 1));
            var packetId = new ArgumentDefinition("packet_id", DataType.UInt16, "", "Packet ID of the scheduled telecommand");
            var sequence = new ArgumentDefinition("sequence_control", DataType.UInt16, "", "Sequence control of the scheduled telecommand");
            dictionary.Add(new CommandDefinition("SCHED_DELETE", Service, DeleteSubtype, "Deletes the entries holding the telecommand with this request ID",
                new ArgumentDefinition[] { packetId, sequence }, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("SCHED_REPORT_SUMMARY", Service, ReportSummarySubtype, "Reports every entry (TM[11,13]) in release order",
                new ArgumentDefinition[0], ModeMask.Any, 1));

            dictionary.Add(new ParameterDefinition(UsedParameter, "sched.used", DataType.UInt16, "", "Time-tagged commands waiting for release"));
            dictionary.Add(new ParameterDefinition(ReleasedParameter, "sched.released", DataType.UInt32, "", "Time-tagged commands released and accepted since boot"));
            dictionary.Add(new ParameterDefinition(CapacityParameter, "sched.capacity", DataType.UInt16, "", "Slots in the time-based schedule"));
            var rejected = new ParameterDefinition(RejectedParameter, "sched.rejected", DataType.UInt32, "", "Released commands refused at acceptance since boot");
            rejected.HighLimit = 0;
            dictionary.Add(rejected);
            dictionary.Add(new ParameterDefinition(EnabledParameter, "sched.enabled", DataType.Boolean, "", "1 while time-tagged commands are released"));

            dictionary.Add(new EventDefinition(ReleasedEvent, "SCHED_RELEASED", Severity.Informative,
                "A time-tagged command was released and accepted", new ArgumentDefinition[] { packetId, sequence }));
            dictionary.Add(new EventDefinition(ReleaseRejectedEvent, "SCHED_RELEASE_REJECTED", Severity.Low,
                "A released time-tagged command was refused at acceptance", new ArgumentDefinition[]
                {
                    new ArgumentDefinition("failure_code", DataType.UInt16, "", "ST[1] failure code"), packetId, sequence,
                }));
        }

        /// <summary>Releases the entries that are due (one cycle of the 100 Hz group).</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            if (!IsEnabled) return;
            long now = _time.MissionMicroseconds;
            for (int released = 0; released < _releasesPerFrame; released++)
            {
                if (_queue.Count >= _queue.Capacity) return;
                int slot = _table.NextDue(now);
                if (slot < 0) return;
                Release(slot);
            }
        }

        /// <summary>Executes TC[11,x]; every subtype completes in one step.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            switch (command.Definition.Subtype)
            {
                case EnableSubtype:
                    SetEnabled(true);
                    return CommandOutcome.Completed;
                case DisableSubtype:
                    SetEnabled(false);
                    return CommandOutcome.Completed;
                case ResetSubtype:
                    _table.Clear();
                    SetEnabled(false);
                    PublishCount();
                    return CommandOutcome.Completed;
                case InsertSubtype:
                    return Insert(command);
                case DeleteSubtype:
                    return Delete(command);
                case ReportSummarySubtype:
                    return ReportSummary(command);
                default:
                    return command.Fail(FailureCode.InternalError, command.Definition.Subtype);
            }
        }

        /// <summary>Every schedule command completes in its first step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }

        private CommandOutcome Insert(CommandContext command)
        {
            int length = (int)command.Argument(LengthArgument);
            int offset = command.ArgumentOffset(PacketArgument);
            if (length > _table.MaxCommandLength) return command.Fail(FailureCode.CapacityExceeded, _table.MaxCommandLength);
            TelecommandPacket embedded;
            PacketStatus status = TelecommandCodec.TryDecode(command.Packet, offset, length, out embedded);
            if (status != PacketStatus.Ok) return command.Fail(FailureCode.IllegalArgument, (long)status);

            CucTime tag = new CucTime((uint)command.Argument(ReleaseSecondsArgument), (ushort)command.Argument(ReleaseFineArgument));
            long release = tag.ToMicroseconds();
            long now = _time.MissionMicroseconds;
            if (release < now) return command.Fail(FailureCode.ExecutionError, now / 1000000);

            if (_table.Insert(release, command.Packet, offset, length) < 0) return command.Fail(FailureCode.CapacityExceeded, _table.Capacity);
            PublishCount();
            return CommandOutcome.Completed;
        }

        private CommandOutcome Delete(CommandContext command)
        {
            ushort packetId = (ushort)command.Argument(0);
            ushort sequenceControl = (ushort)command.Argument(1);
            if (_table.Delete(packetId, sequenceControl) == 0)
            {
                return command.Fail(FailureCode.UnknownIdentifier, ((long)packetId << 16) | sequenceControl);
            }
            PublishCount();
            return CommandOutcome.Completed;
        }

        private CommandOutcome ReportSummary(CommandContext command)
        {
            int count = 0;
            int position = 2;
            for (int slot = _table.Next(-1); slot >= 0; slot = _table.Next(slot))
            {
                ScheduleEntry entry = _table.EntryAt(slot);
                position += CucTime.FromMicroseconds(entry.ReleaseMicroseconds).Write(_report, position);
                BigEndian.WriteUInt16(_report, position, entry.PacketId);
                BigEndian.WriteUInt16(_report, position + 2, entry.SequenceControl);
                position += 4;
                count++;
            }
            BigEndian.WriteUInt16(_report, 0, (ushort)count);
            if (!_telemetry.Send(TelemetryClass.Routine, Service, SummaryReportSubtype, _report, 0, position))
            {
                // The ground asked for a report it will not get: say so in the completion report.
                return command.Fail(FailureCode.ExecutionError, 0);
            }
            return CommandOutcome.Completed;
        }

        private void Release(int slot)
        {
            ScheduleEntry entry = _table.EntryAt(slot);
            ushort packetId = entry.PacketId;
            ushort sequenceControl = entry.SequenceControl;
            // Freed before submitting (the octets stay until the next insertion), so a command that made acceptance
            // throw cannot be retried every frame for ever.
            _table.Free(slot);
            PublishCount();
            FailureCode failure = _receiver.Submit(entry.Packet, 0, entry.Length, CommandSource.Schedule);
            if (failure == FailureCode.None)
            {
                _parameters.Increment(ReleasedParameter);
                _events.Raise(ReleasedEvent, packetId, sequenceControl);
            }
            else
            {
                _parameters.Increment(RejectedParameter);
                _events.Raise(ReleaseRejectedEvent, (long)failure, packetId, sequenceControl);
            }
        }

        private void SetEnabled(bool enabled)
        {
            IsEnabled = enabled;
            _parameters.Set(EnabledParameter, enabled ? 1 : 0);
        }

        private void PublishCount()
        {
            _parameters.Set(UsedParameter, _table.Count);
        }
    }
}
