using Payload.Flight.Commanding;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Storage
{
    /// <summary>The ST[15] commands on the packet store: storage on and off, overflow policy, deletion, summary report and replays.</summary>
    /// <remarks>
    /// <para>Replays (TC[15,9] by time, TC[15,128] by sequence count) run over several frames: Start returns Running, each
    /// Continue queues what the Bulk queue has room for and returns Completed once the last packet of the range is
    /// queued (not yet transmitted). A progress report (ST[1,5]) follows every <c>packetsPerProgressReport</c> packets.
    /// One replay runs at a time; another replay request meanwhile fails with <see cref="FailureCode.Busy"/>.
    /// TC[15,11] deletes <see cref="DeleteBudget"/> packets per frame at most, running over several frames when there are
    /// more (a full index of small packets would otherwise be thousands of deletions in one frame).
    /// A range that matches no packet completes successfully with zero packets (the request was valid and was carried
    /// out; store.replayed and TM[15,13] tell the ground what was there). A time range whose end is before its start
    /// fails with <see cref="FailureCode.IllegalArgument"/> (data 1, the 'to' argument); sequence ranges wrap instead,
    /// because sequence counts do.</para>
    /// <para>TM[15,13] summary layout, big-endian, <see cref="SummaryLength"/> octets:
    /// <code>
    /// | packets held u32 | bytes used u32 | capacity bytes u32 | capacity packets u32 |
    /// | oldest time CUC (u32 s + u16 2^-16 s) | newest time CUC | oldest seq u16 | newest seq u16 |
    /// | policy u8 (0 CIRCULAR, 1 STOP_WHEN_FULL) | enabled u8 |
    /// | stored u32 | overwritten u32 | refused u32 | deleted u32 |
    /// </code>
    /// Times and sequence counts are 0 when the store is empty; counters are since boot, modulo 2^32.</para>
    /// </remarks>
    public sealed class PacketStoreService : ICommandHandler
    {
        /// <summary>Octets of the TM[15,13] application data.</summary>
        public const int SummaryLength = 50;

        /// <summary>Records a replay examines per frame at most, bounding its time in the frame whatever the range.</summary>
        public const int ScanBudget = 256;

        /// <summary>Packets TC[15,11] deletes per frame at most.</summary>
        public const int DeleteBudget = 256;

        private const long MicrosecondsPerSecond = 1000000;

        private readonly PacketStore _store;
        private readonly StoreReplay _replay;
        private readonly ITelemetrySink _telemetry;
        private readonly ParameterTable _parameters;
        private readonly int _packetsPerProgressReport;
        private readonly byte[] _summary = new byte[SummaryLength];
        private CommandContext _replayCommand;
        private CommandContext _deleteCommand;
        private long _deleteBefore;
        private long _replayedBefore;
        private long _nextProgressAt;

        /// <summary>Creates the service; replays go into <paramref name="downlink"/>, the summary report through <paramref name="telemetry"/> (Routine).</summary>
        public PacketStoreService(PacketStore store, IDownlinkQueue downlink, ITelemetrySink telemetry, ParameterTable parameters, int packetsPerProgressReport)
        {
            _store = store;
            _replay = new StoreReplay(store, downlink);
            _telemetry = telemetry;
            _parameters = parameters;
            _packetsPerProgressReport = packetsPerProgressReport < 1 ? 1 : packetsPerProgressReport;
        }

        /// <summary>True while a replay is running.</summary>
        public bool IsReplaying { get { return _replay.IsActive; } }

        /// <summary>Packets queued by the present (or last) replay.</summary>
        public long LastReplayCount { get { return _replay.Queued; } }

        /// <summary>Starts an ST[15] command.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            switch (command.Definition.Subtype)
            {
                case PacketStore.EnableSubtype:
                    _store.Enabled = true;
                    return CommandOutcome.Completed;
                case PacketStore.DisableSubtype:
                    _store.Enabled = false;
                    return CommandOutcome.Completed;
                case PacketStore.SetPolicySubtype:
                    _store.Policy = (StoreOverflowPolicy)(byte)command.Argument(0);
                    return CommandOutcome.Completed;
                case PacketStore.DeleteUntilSubtype:
                    if (_deleteCommand != null) return command.Fail(FailureCode.Busy, 0);
                    _deleteCommand = command;
                    _deleteBefore = command.Argument(0) * MicrosecondsPerSecond;
                    return StepDelete();
                case PacketStore.ReportSummarySubtype:
                    return ReportSummary(command);
                case PacketStore.DownlinkByTimeSubtype:
                    if (_replay.IsActive) return command.Fail(FailureCode.Busy, 0);
                    if (command.Argument(1) < command.Argument(0)) return command.Fail(FailureCode.IllegalArgument, 1);
                    // Every packet stamped within the 'to' second, up to its last microsecond.
                    _replay.StartByTime(command.Argument(0) * MicrosecondsPerSecond, ((command.Argument(1) + 1) * MicrosecondsPerSecond) - 1);
                    return BeginReplay(command);
                case PacketStore.DownlinkBySequenceSubtype:
                    if (_replay.IsActive) return command.Fail(FailureCode.Busy, 0);
                    _replay.StartBySequence((int)command.Argument(0), (int)command.Argument(1));
                    return BeginReplay(command);
                default:
                    return command.Fail(FailureCode.InternalError, command.Definition.Subtype);
            }
        }

        /// <summary>Advances a replay or a deletion; the other commands complete in their first step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            if (command == _replayCommand) return StepReplay(command);
            if (command == _deleteCommand) return StepDelete();
            return CommandOutcome.Completed;
        }

        /// <summary>Stops a replay or a deletion that timed out; packets already queued still go down, packets already deleted stay deleted.</summary>
        public void Abort(CommandContext command)
        {
            if (command == _replayCommand)
            {
                _replay.Cancel();
                _replayCommand = null;
            }

            if (command == _deleteCommand)
            {
                _deleteCommand = null;
            }
        }

        private CommandOutcome StepDelete()
        {
            _store.DeleteBefore(_deleteBefore, DeleteBudget);
            if (_store.HasPacketBefore(_deleteBefore))
            {
                return CommandOutcome.Running;
            }

            _deleteCommand = null;
            return CommandOutcome.Completed;
        }

        private CommandOutcome BeginReplay(CommandContext command)
        {
            _replayCommand = command;
            _replayedBefore = _parameters.Get(PacketStore.ReplayedParameter);
            _nextProgressAt = _packetsPerProgressReport;
            return StepReplay(command);
        }

        private CommandOutcome StepReplay(CommandContext command)
        {
            _replay.Step(ScanBudget);
            _parameters.Set(PacketStore.ReplayedParameter, _replayedBefore + _replay.Queued);
            while (_replay.Queued >= _nextProgressAt)
            {
                command.ReportProgress();
                _nextProgressAt += _packetsPerProgressReport;
            }

            if (_replay.IsActive)
            {
                return CommandOutcome.Running;
            }

            _replayCommand = null;
            return CommandOutcome.Completed;
        }

        private CommandOutcome ReportSummary(CommandContext command)
        {
            bool empty = _store.Count == 0;
            long oldest = _store.FirstRecord;
            long newest = _store.NextRecord - 1;
            BigEndian.WriteUInt32(_summary, 0, _store.Count);
            BigEndian.WriteUInt32(_summary, 4, _store.BytesUsed);
            BigEndian.WriteUInt32(_summary, 8, _store.CapacityBytes);
            BigEndian.WriteUInt32(_summary, 12, _store.CapacityPackets);
            WriteTime(16, empty ? 0 : _store.MissionMicrosecondsOf(oldest));
            WriteTime(22, empty ? 0 : _store.MissionMicrosecondsOf(newest));
            BigEndian.WriteUInt16(_summary, 28, empty ? 0 : _store.SequenceCountOf(oldest));
            BigEndian.WriteUInt16(_summary, 30, empty ? 0 : _store.SequenceCountOf(newest));
            _summary[32] = (byte)_store.Policy;
            _summary[33] = _store.Enabled ? (byte)1 : (byte)0;
            BigEndian.WriteUInt32(_summary, 34, _store.Stored & 0xFFFFFFFFL);
            BigEndian.WriteUInt32(_summary, 38, _store.Overwritten & 0xFFFFFFFFL);
            BigEndian.WriteUInt32(_summary, 42, _store.Refused & 0xFFFFFFFFL);
            BigEndian.WriteUInt32(_summary, 46, _store.Deleted & 0xFFFFFFFFL);
            if (!_telemetry.Send(TelemetryClass.Routine, PacketStore.Service, PacketStore.SummaryReportSubtype, _summary, 0, SummaryLength))
            {
                return command.Fail(FailureCode.Busy, 0);
            }

            return CommandOutcome.Completed;
        }

        private void WriteTime(int offset, long missionMicroseconds)
        {
            CucTime.FromMicroseconds(missionMicroseconds).Write(_summary, offset);
        }
    }
}
