using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Events
{
    /// <summary>The ST[5] telecommands: enable and disable the reports of one event, and list the disabled ones (TM[5,8]).</summary>
    /// <remarks>TM[5,8] layout: count (u16), then each disabled event identifier (u16), ascending.</remarks>
    public sealed class EventReportingService : ICommandHandler
    {
        /// <summary>TC[5,5] EVENT_ENABLE (event_id u16).</summary>
        public const byte EnableSubtype = 5;
        /// <summary>TC[5,6] EVENT_DISABLE (event_id u16).</summary>
        public const byte DisableSubtype = 6;
        /// <summary>TC[5,7] EVENT_REPORT_DISABLED.</summary>
        public const byte ReportDisabledSubtype = 7;
        /// <summary>TM[5,8] disabled event definitions list.</summary>
        public const byte DisabledListSubtype = 8;

        private readonly EventReporter _reporter;
        private readonly ITelemetrySink _telemetry;
        private readonly byte[] _report;

        /// <summary>Creates the command side of <paramref name="reporter"/>; its reports go to <paramref name="telemetry"/> in the routine class.</summary>
        public EventReportingService(EventReporter reporter, ITelemetrySink telemetry)
        {
            _reporter = reporter;
            _telemetry = telemetry;
            _report = new byte[2 + 2 * reporter.EventCount];
        }

        /// <summary>Executes EVENT_ENABLE, EVENT_DISABLE or EVENT_REPORT_DISABLED in one step.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            switch (command.Definition.Subtype)
            {
                case EnableSubtype:
                    return SetEnabled(command, true);
                case DisableSubtype:
                    return SetEnabled(command, false);
                case ReportDisabledSubtype:
                    return ReportDisabled(command);
                default:
                    return command.Fail(FailureCode.InternalError, command.Definition.Subtype);
            }
        }

        /// <summary>Every ST[5] command completes in its first step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }

        private CommandOutcome SetEnabled(CommandContext command, bool enabled)
        {
            ushort eventId = (ushort)command.Argument(0);
            if (!_reporter.TrySetEnabled(eventId, enabled)) return command.Fail(FailureCode.UnknownIdentifier, eventId);
            return CommandOutcome.Completed;
        }

        private CommandOutcome ReportDisabled(CommandContext command)
        {
            int count = _reporter.WriteDisabledIds(_report, 2);
            BigEndian.WriteUInt16(_report, 0, count);
            if (!_telemetry.Send(TelemetryClass.Routine, EventReporter.Service, DisabledListSubtype, _report, 0, 2 + 2 * count))
            {
                return command.Fail(FailureCode.Busy, 0);
            }
            return CommandOutcome.Completed;
        }
    }
}
