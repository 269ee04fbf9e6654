using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Time
{
    /// <summary>PUS ST[9] time management: sets on-board time from the ground, reports it, and carries it across resets.</summary>
    /// <remarks>
    /// The board's monotonic clock restarts at zero on every reset, so an offset means nothing after one. What is saved
    /// (record <see cref="RecordId"/>) is the mission time itself — on TIME_SET and then every persist interval — with
    /// whether it was synchronised. At boot, <see cref="Restore"/> sets the offset so mission time resumes at the saved
    /// time plus one persist interval: before the reset, time cannot have got further than that without another save, so
    /// time stamps do not run backwards across a reset (the downtime itself is unknown, hence IsSynchronised stays false
    /// and time.source says RESTORED until the ground sets time again). Nothing is saved at boot, so a reset loop cannot
    /// push time forward by an interval per boot; the price is that a second reset before the first save of a boot
    /// restores the same instant again. Without a saved record, mission time is the monotonic time (source DEFAULT).
    /// Mission time must stay within CUC range (0..2^32 s): TIME_SET refuses nothing of the 6-octet CUC, so the ground
    /// owns the choice of epoch.
    /// </remarks>
    public sealed class TimeService : ICommandHandler, IRateGroupMember
    {
        /// <summary>PUS service type of time management.</summary>
        public const byte Service = 9;
        /// <summary>TC[9,1] TIME_SET_REPORT_RATE.</summary>
        public const byte SetReportRateSubtype = 1;
        /// <summary>TM[9,2] CUC time report.</summary>
        public const byte TimeReportSubtype = 2;
        /// <summary>TC[9,128] TIME_SET (mission-specific).</summary>
        public const byte SetSubtype = 128;
        /// <summary>TC[9,129] TIME_REPORT (mission-specific): one TM[9,2] now.</summary>
        public const byte ReportSubtype = 129;
        /// <summary>Largest report-rate exponent: a report every 2^(exponent−1) s, up to 1024 s.</summary>
        public const int MaxReportRateExponent = 11;

        /// <summary>The record holding the last saved mission time.</summary>
        public const ushort RecordId = 2;
        /// <summary>Largest payload of the time record, for the record layout (9 used, room to grow).</summary>
        public const int RecordPayloadLength = 16;

        /// <summary>Time was set by the ground since boot (Boolean).</summary>
        public const ushort SynchronisedParameter = 500;
        /// <summary>Offset from monotonic to mission time, whole seconds.</summary>
        public const ushort OffsetParameter = 501;
        /// <summary>TIME_SET commands since boot.</summary>
        public const ushort SetsParameter = 502;
        /// <summary>Where the present time comes from (<see cref="SourceDefault"/>, <see cref="SourceRestored"/>, <see cref="SourceGround"/>).</summary>
        public const ushort SourceParameter = 503;
        /// <summary>Present report-rate exponent (0 = periodic reports off).</summary>
        public const ushort ReportRateParameter = 504;
        /// <summary>The ground set the time.</summary>
        public const ushort TimeSetEvent = 500;
        /// <summary>Time was restored from storage at boot.</summary>
        public const ushort TimeRestoredEvent = 501;

        /// <summary>time.source: nothing saved; mission time is the board's monotonic time.</summary>
        public const byte SourceDefault = 0;
        /// <summary>time.source: resumed from the saved mission time; not synchronised.</summary>
        public const byte SourceRestored = 1;
        /// <summary>time.source: set by the ground since boot.</summary>
        public const byte SourceGround = 2;

        private const long MicrosecondsPerSecond = 1000000;
        private const int SavedLength = 9;

        private readonly OnboardTime _time;
        private readonly RecordStore _records;
        private readonly ITelemetrySink _telemetry;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;
        private readonly long _persistIntervalMicroseconds;
        private readonly byte[] _report = new byte[CucTime.Length + 1];
        private readonly byte[] _record = new byte[RecordPayloadLength];
        private long _lastSaveMonotonic;
        private long _reportPeriodMicroseconds;
        private long _nextReportMonotonic;
        private long _sets;

        /// <summary>
        /// Creates the service; <paramref name="persistIntervalSeconds"/> is how often mission time is saved while running
        /// (0: only on TIME_SET), which bounds both the flash wear and how far a restored time may lag.
        /// </summary>
        public TimeService(OnboardTime time, RecordStore records, ITelemetrySink telemetry, IEventSink events, ParameterTable parameters,
            int persistIntervalSeconds)
        {
            _time = time;
            _records = records;
            _telemetry = telemetry;
            _events = events;
            _parameters = parameters;
            _persistIntervalMicroseconds = persistIntervalSeconds * MicrosecondsPerSecond;
            _lastSaveMonotonic = time.MonotonicMicroseconds;
            Source = SourceDefault;
            Publish();
        }

        /// <summary>Adds the ST[9] commands, parameters and events.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            var rate = new ArgumentDefinition("rate_exponent", DataType.UInt8, "", 0, MaxReportRateExponent,
                "0 = off, n = a TM[9,2] every 2^(n-1) s");
            dictionary.Add(new CommandDefinition("TIME_SET_REPORT_RATE", Service, SetReportRateSubtype, "Sets the period of TM[9,2] time reports",
                new ArgumentDefinition[] { rate }, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("TIME_SET", Service, SetSubtype, "Sets on-board mission time (CUC) and marks it synchronised",
                new ArgumentDefinition[] {
                    new ArgumentDefinition("coarse", DataType.UInt32, "s", "Seconds since the mission epoch"),
                    new ArgumentDefinition("fine", DataType.UInt16, "2^-16 s", "Fraction of a second") }, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("TIME_REPORT", Service, ReportSubtype, "Reports on-board time in TM[9,2]",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new ParameterDefinition(SynchronisedParameter, "time.synchronised", DataType.Boolean, "", "Time set by the ground since boot"));
            dictionary.Add(new ParameterDefinition(OffsetParameter, "time.offset_s", DataType.Int32, "s", "Mission time minus monotonic time"));
            dictionary.Add(new ParameterDefinition(SetsParameter, "time.sets", DataType.UInt32, "", "TIME_SET commands since boot"));
            var source = new ParameterDefinition(SourceParameter, "time.source", DataType.UInt8, "", "Origin of on-board time");
            // Indexed by SourceDefault, SourceRestored and SourceGround.
            source.EnumerationLabels = new string[] { "DEFAULT", "RESTORED", "GROUND" };
            dictionary.Add(source);
            dictionary.Add(new ParameterDefinition(ReportRateParameter, "time.report_rate", DataType.UInt8, "", "TM[9,2] rate exponent (0 = off)"));
            dictionary.Add(new EventDefinition(TimeSetEvent, "TIME_SET", Severity.Informative, "The ground set on-board time",
                new ArgumentDefinition[] {
                    new ArgumentDefinition("old_seconds", DataType.UInt32, "s", "Mission seconds before"),
                    new ArgumentDefinition("new_seconds", DataType.UInt32, "s", "Mission seconds after") }));
            dictionary.Add(new EventDefinition(TimeRestoredEvent, "TIME_RESTORED", Severity.Informative,
                "On-board time resumed from the saved mission time (not synchronised)",
                new ArgumentDefinition[] {
                    new ArgumentDefinition("seconds", DataType.UInt32, "s", "Mission seconds resumed at"),
                    new ArgumentDefinition("was_synchronised", DataType.Boolean, "", "The saved time had been set by the ground") }));
        }

        /// <summary>Where the present time comes from (SourceDefault, SourceRestored or SourceGround).</summary>
        public byte Source { get; private set; }

        /// <summary>Present report-rate exponent (0 = off).</summary>
        public int ReportRateExponent { get; private set; }

        /// <summary>
        /// Resumes mission time from the saved record, unsynchronised (call at boot, after the first OnboardTime.Advance);
        /// returns false, leaving time untouched, when nothing usable was saved.
        /// </summary>
        public bool Restore()
        {
            int length = _records.Read(RecordId, _record, 0, _record.Length);
            if (length < SavedLength) return false;
            long saved = (BigEndian.ReadUInt32(_record, 0) << 32) | BigEndian.ReadUInt32(_record, 4);
            bool wasSynchronised = (_record[8] & 1) != 0;
            long resumed = saved + _persistIntervalMicroseconds;
            if (saved < 0 || resumed > CucTime.MaxMicroseconds) return false;
            _time.OffsetMicroseconds = resumed - _time.MonotonicMicroseconds;
            _time.IsSynchronised = false;
            _lastSaveMonotonic = _time.MonotonicMicroseconds;
            Source = SourceRestored;
            Publish();
            _events.Raise(TimeRestoredEvent, resumed / MicrosecondsPerSecond, wasSynchronised ? 1 : 0);
            return true;
        }

        /// <summary>TIME_SET, TIME_REPORT or TIME_SET_REPORT_RATE, each in one step.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            byte subtype = command.Definition.Subtype;
            if (subtype == SetSubtype) return Set(command);
            if (subtype == ReportSubtype) return SendReport() ? CommandOutcome.Completed : command.Fail(FailureCode.Busy, 0);
            if (subtype == SetReportRateSubtype) return SetReportRate(command);
            return command.Fail(FailureCode.InternalError, subtype);
        }

        /// <summary>Every command completes in one step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }

        /// <summary>Periodic work (1 Hz group): publishes the time parameters, saves mission time and sends the periodic report when due.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            long now = _time.MonotonicMicroseconds;
            Publish();
            if (_persistIntervalMicroseconds > 0 && now - _lastSaveMonotonic >= _persistIntervalMicroseconds)
            {
                Save();
            }
            if (_reportPeriodMicroseconds > 0 && now >= _nextReportMonotonic)
            {
                SendReport();
                _nextReportMonotonic = now + _reportPeriodMicroseconds;
            }
        }

        private CommandOutcome Set(CommandContext command)
        {
            var requested = new CucTime((uint)command.Argument(0), (ushort)command.Argument(1));
            long target = requested.ToMicroseconds();
            long oldSeconds = _time.MissionMicroseconds / MicrosecondsPerSecond;
            _time.OffsetMicroseconds = target - _time.MonotonicMicroseconds;
            _time.IsSynchronised = true;
            Source = SourceGround;
            _sets++;
            // The set stands even if the save fails: the record store reports that failure itself.
            Save();
            Publish();
            _events.Raise(TimeSetEvent, oldSeconds < 0 ? 0 : oldSeconds, requested.Coarse);
            return CommandOutcome.Completed;
        }

        private CommandOutcome SetReportRate(CommandContext command)
        {
            int exponent = (int)command.Argument(0);
            ReportRateExponent = exponent;
            _reportPeriodMicroseconds = exponent == 0 ? 0 : (1L << (exponent - 1)) * MicrosecondsPerSecond;
            _nextReportMonotonic = _time.MonotonicMicroseconds + _reportPeriodMicroseconds;
            Publish();
            return CommandOutcome.Completed;
        }

        private bool SendReport()
        {
            _time.Now.Write(_report, 0);
            _report[CucTime.Length] = _time.IsSynchronised ? (byte)1 : (byte)0;
            return _telemetry.Send(TelemetryClass.Routine, Service, TimeReportSubtype, _report, 0, _report.Length);
        }

        private void Save()
        {
            long mission = _time.MissionMicroseconds;
            BigEndian.WriteUInt32(_record, 0, mission >> 32);
            BigEndian.WriteUInt32(_record, 4, mission);
            _record[8] = _time.IsSynchronised ? (byte)1 : (byte)0;
            _records.Write(RecordId, _record, 0, SavedLength);
            _lastSaveMonotonic = _time.MonotonicMicroseconds;
        }

        private void Publish()
        {
            _parameters.Set(SynchronisedParameter, _time.IsSynchronised ? 1 : 0);
            long offsetSeconds = _time.OffsetMicroseconds / MicrosecondsPerSecond;
            if (offsetSeconds > 2147483647L) offsetSeconds = 2147483647L;
            if (offsetSeconds < -2147483648L) offsetSeconds = -2147483648L;
            _parameters.Set(OffsetParameter, offsetSeconds);
            _parameters.Set(SetsParameter, _sets);
            _parameters.Set(SourceParameter, Source);
            _parameters.Set(ReportRateParameter, ReportRateExponent);
        }
    }
}
