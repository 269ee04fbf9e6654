using System;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Executive;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Housekeeping
{
    /// <summary>
    /// PUS ST[3] housekeeping: generates TM[3,25] for every enabled structure whose interval has elapsed, and executes
    /// the ST[3] commands (enable, disable, one-shot, structure report, set interval).
    /// </summary>
    /// <remarks>
    /// Intervals are counted in the minor-frame numbers given to <see cref="Run"/>, so it must run every minor frame
    /// for intervals to be honoured to the tick. A structure enabled at boot reports at the first run, then every
    /// interval. TM[3,25] layout: structure id (u8), then each parameter's value in its declared type.
    /// </remarks>
    public sealed class HousekeepingService : IRateGroupMember, ICommandHandler
    {
        /// <summary>PUS service type of housekeeping.</summary>
        public const byte Service = 3;
        /// <summary>TC[3,5] HK_ENABLE (sid u8).</summary>
        public const byte EnableSubtype = 5;
        /// <summary>TC[3,6] HK_DISABLE (sid u8).</summary>
        public const byte DisableSubtype = 6;
        /// <summary>TC[3,9] HK_REPORT_STRUCTURE (sid u8) → TM[3,10].</summary>
        public const byte ReportStructureSubtype = 9;
        /// <summary>TM[3,10] structure report.</summary>
        public const byte StructureReportSubtype = 10;
        /// <summary>TM[3,25] housekeeping parameter report.</summary>
        public const byte ParameterReportSubtype = 25;
        /// <summary>TC[3,27] HK_ONE_SHOT (sid u8) → TM[3,25] at once.</summary>
        public const byte OneShotSubtype = 27;
        /// <summary>TC[3,31] HK_SET_INTERVAL (sid u8, interval_ticks u32).</summary>
        public const byte SetIntervalSubtype = 31;

        /// <summary>TM[3,25] reports accepted by the downlink since boot.</summary>
        public const ushort ReportsParameter = 450;
        /// <summary>TM[3,25] reports the downlink refused (queue full) since boot.</summary>
        public const ushort DroppedParameter = 451;

        private readonly ParameterTable _parameters;
        private readonly ITelemetrySink _telemetry;
        private readonly HousekeepingStructure[] _structures;
        private readonly short[] _indexById = new short[256];
        private readonly byte[] _report;
        private readonly int _reportsIndex;
        private readonly int _droppedIndex;

        /// <summary>Builds the run-time structures from <paramref name="dictionary"/>; throws when one cannot be reported (a programming error).</summary>
        public HousekeepingService(MissionDictionary dictionary, ParameterTable parameters, ITelemetrySink telemetry)
        {
            _parameters = parameters;
            _telemetry = telemetry;
            HousekeepingStructureDefinition[] definitions = dictionary.HousekeepingStructures;
            _structures = new HousekeepingStructure[definitions.Length];
            for (int i = 0; i < _indexById.Length; i++) _indexById[i] = -1;
            int longest = 0;
            for (int i = 0; i < definitions.Length; i++)
            {
                HousekeepingStructure structure = new HousekeepingStructure(definitions[i], parameters);
                _structures[i] = structure;
                _indexById[structure.Id] = (short)i;
                if (structure.ReportLength > longest) longest = structure.ReportLength;
                if (structure.LayoutLength > longest) longest = structure.LayoutLength;
            }
            _report = new byte[longest];
            _reportsIndex = RequireParameter(ReportsParameter);
            _droppedIndex = RequireParameter(DroppedParameter);
        }

        /// <summary>Adds the ST[3] commands and counters (the structures themselves are declared by the lead, centrally).</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(ReportsParameter, "hk.reports", DataType.UInt32, "", "Housekeeping reports sent since boot"));
            var dropped = new ParameterDefinition(DroppedParameter, "hk.dropped", DataType.UInt32, "", "Housekeeping reports lost because the downlink queue was full");
            dropped.HighLimit = 0;
            dictionary.Add(dropped);

            var sid = new ArgumentDefinition("sid", DataType.UInt8, "", "Housekeeping structure identifier");
            ArgumentDefinition[] sidOnly = new ArgumentDefinition[] { sid };
            dictionary.Add(new CommandDefinition("HK_ENABLE", Service, EnableSubtype,
                "Enables periodic generation of a housekeeping structure", sidOnly, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("HK_DISABLE", Service, DisableSubtype,
                "Disables periodic generation of a housekeeping structure", sidOnly, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("HK_REPORT_STRUCTURE", Service, ReportStructureSubtype,
                "Reports a structure's layout, state and interval in TM[3,10]", sidOnly, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("HK_ONE_SHOT", Service, OneShotSubtype,
                "Generates one report of a structure now, enabled or not", sidOnly, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("HK_SET_INTERVAL", Service, SetIntervalSubtype,
                "Changes a structure's collection interval", new ArgumentDefinition[]
                {
                    sid,
                    new ArgumentDefinition("interval_ticks", DataType.UInt32, "frames",
                        HousekeepingStructure.MinIntervalTicks, HousekeepingStructure.MaxIntervalTicks, "Minor frames between reports"),
                }, ModeMask.Any, 1));
        }

        /// <summary>Reports accepted by the downlink since boot.</summary>
        public long Reports { get; private set; }

        /// <summary>Reports refused by the downlink since boot.</summary>
        public long Dropped { get; private set; }

        /// <summary>Number of structures.</summary>
        public int StructureCount { get { return _structures.Length; } }

        /// <summary>The structure with identifier <paramref name="sid"/>, or null.</summary>
        public HousekeepingStructure Find(byte sid)
        {
            int index = _indexById[sid];
            return index < 0 ? null : _structures[index];
        }

        /// <summary>Generates the reports due at <paramref name="frame"/>; run it every minor frame.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            for (int i = 0; i < _structures.Length; i++)
            {
                if (_structures[i].TakeDue(frame)) SendReport(_structures[i]);
            }
        }

        /// <summary>Executes an ST[3] command in one step.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            byte sid = (byte)command.Argument(0);
            HousekeepingStructure structure = Find(sid);
            if (structure == null) return command.Fail(FailureCode.UnknownIdentifier, sid);
            switch (command.Definition.Subtype)
            {
                case EnableSubtype:
                    structure.SetEnabled(true);
                    return CommandOutcome.Completed;
                case DisableSubtype:
                    structure.SetEnabled(false);
                    return CommandOutcome.Completed;
                case OneShotSubtype:
                    return SendReport(structure) ? CommandOutcome.Completed : command.Fail(FailureCode.Busy, sid);
                case ReportStructureSubtype:
                    int length = structure.WriteLayout(_report);
                    return _telemetry.Send(TelemetryClass.Routine, Service, StructureReportSubtype, _report, 0, length)
                        ? CommandOutcome.Completed
                        : command.Fail(FailureCode.Busy, sid);
                case SetIntervalSubtype:
                    structure.SetInterval((int)command.Argument(1));
                    return CommandOutcome.Completed;
                default:
                    return command.Fail(FailureCode.InternalError, command.Definition.Subtype);
            }
        }

        /// <summary>Every ST[3] command completes in its first step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }

        private bool SendReport(HousekeepingStructure structure)
        {
            int length = structure.WriteReport(_parameters, _report);
            if (_telemetry.Send(TelemetryClass.Routine, Service, ParameterReportSubtype, _report, 0, length))
            {
                Reports++;
                _parameters.SetAt(_reportsIndex, Reports);
                return true;
            }
            Dropped++;
            _parameters.SetAt(_droppedIndex, Dropped);
            return false;
        }

        private int RequireParameter(ushort id)
        {
            int index = _parameters.IndexOf(id);
            if (index < 0) throw new InvalidOperationException("parameter " + id.ToString() + " is not declared: call HousekeepingService.Declare");
            return index;
        }
    }
}
