using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Modes;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Parameters
{
    /// <summary>PUS ST[20] parameter management: reports a parameter's value and sets settable ones, saving persisted ones.</summary>
    /// <remarks>
    /// TC[20,1] PARAM_REPORT (param_id u16) answers TM[20,2]: count (u16, always 1), param_id (u16), value encoded in the
    /// parameter's own <see cref="DataType"/>. TC[20,3] PARAM_SET (param_id u16, value i32): one signed 32-bit value carries
    /// every type; it must also lie in the parameter's Minimum..Maximum, so a UInt32 parameter cannot be set above
    /// 2^31 − 1 by this command. Failures: unknown id → UnknownIdentifier (data: id); not settable → ExecutionError
    /// (data: id); outside the parameter's range → IllegalArgument (data: 1, the index of the value argument, as for the
    /// dictionary's own range checks); persisted value not saved → ExecutionError (data: id) with the old value put back,
    /// so memory and storage never disagree; report dropped by a full downlink queue → Busy.
    /// </remarks>
    public sealed class ParameterService : ICommandHandler
    {
        /// <summary>PUS service type of parameter management.</summary>
        public const byte Service = 20;
        /// <summary>TC[20,1] PARAM_REPORT.</summary>
        public const byte ReportSubtype = 1;
        /// <summary>TM[20,2] parameter value report.</summary>
        public const byte ValueReportSubtype = 2;
        /// <summary>TC[20,3] PARAM_SET.</summary>
        public const byte SetSubtype = 3;
        /// <summary>Parameters set by ST[20] since boot.</summary>
        public const ushort SetsParameter = 700;
        /// <summary>Parameter reports sent since boot.</summary>
        public const ushort ReportsParameter = 701;
        /// <summary>A parameter was set.</summary>
        public const ushort ChangedEvent = 700;

        private readonly ParameterTable _parameters;
        private readonly ParameterPersistence _persistence;
        private readonly ITelemetrySink _telemetry;
        private readonly IEventSink _events;
        private readonly byte[] _report = new byte[8];
        private long _sets;
        private long _reports;

        /// <summary>Creates the service over the parameter table; throws when the dictionary persists more than the record holds.</summary>
        public ParameterService(ParameterTable parameters, ParameterPersistence persistence, ITelemetrySink telemetry, IEventSink events)
        {
            ParameterPersistence.RequireCapacity(parameters);
            _parameters = parameters;
            _persistence = persistence;
            _telemetry = telemetry;
            _events = events;
        }

        /// <summary>Adds the ST[20] commands and the parameters and events of parameter management and persistence.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            var id = new ArgumentDefinition("param_id", DataType.UInt16, "", "Parameter id");
            dictionary.Add(new CommandDefinition("PARAM_REPORT", Service, ReportSubtype, "Reports a parameter's value in TM[20,2]",
                new ArgumentDefinition[] { id }, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("PARAM_SET", Service, SetSubtype,
                "Sets a settable parameter within its range; persisted ones survive a reset",
                new ArgumentDefinition[] { id, new ArgumentDefinition("value", DataType.Int32, "", "New raw value") }, ModeMask.Any, 1));
            dictionary.Add(new ParameterDefinition(SetsParameter, "param.sets", DataType.UInt32, "", "Parameters set by ST[20] since boot"));
            dictionary.Add(new ParameterDefinition(ReportsParameter, "param.reports", DataType.UInt32, "", "Parameter reports sent since boot"));
            dictionary.Add(new EventDefinition(ChangedEvent, "PARAM_CHANGED", Severity.Informative, "A parameter was set by ST[20]",
                new ArgumentDefinition[] {
                    id,
                    new ArgumentDefinition("old_value", DataType.Int32, "", "Value before (low 32 bits)"),
                    new ArgumentDefinition("new_value", DataType.Int32, "", "Value after") }));
            ParameterPersistence.Declare(dictionary);
        }

        /// <summary>PARAM_REPORT or PARAM_SET, each in one step.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            if (command.Definition.Subtype == ReportSubtype) return Report(command);
            if (command.Definition.Subtype == SetSubtype) return Set(command);
            return command.Fail(FailureCode.InternalError, command.Definition.Subtype);
        }

        /// <summary>Both commands complete in one step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }

        private CommandOutcome Report(CommandContext command)
        {
            ushort id = (ushort)command.Argument(0);
            int index = _parameters.IndexOf(id);
            if (index < 0) return command.Fail(FailureCode.UnknownIdentifier, id);
            ParameterDefinition definition = _parameters.DefinitionAt(index);
            _report[0] = 0;
            _report[1] = 1;
            _report[2] = (byte)(id >> 8);
            _report[3] = (byte)id;
            int length = 4 + DataTypes.Write(definition.Type, _parameters.ValueAt(index), _report, 4);
            if (!_telemetry.Send(TelemetryClass.Routine, Service, ValueReportSubtype, _report, 0, length))
            {
                return command.Fail(FailureCode.Busy, 0);
            }
            _reports++;
            _parameters.Set(ReportsParameter, _reports);
            return CommandOutcome.Completed;
        }

        private CommandOutcome Set(CommandContext command)
        {
            ushort id = (ushort)command.Argument(0);
            long value = command.Argument(1);
            int index = _parameters.IndexOf(id);
            if (index < 0) return command.Fail(FailureCode.UnknownIdentifier, id);
            ParameterDefinition definition = _parameters.DefinitionAt(index);
            if (!definition.Settable) return command.Fail(FailureCode.ExecutionError, id);
            if (value < definition.Minimum || value > definition.Maximum) return command.Fail(FailureCode.IllegalArgument, 1);
            long old = _parameters.ValueAt(index);
            _parameters.SetAt(index, value);
            if (ParameterPersistence.IsPersisted(definition) && !_persistence.Save(_parameters))
            {
                _parameters.SetAt(index, old);
                return command.Fail(FailureCode.ExecutionError, id);
            }
            _sets++;
            _parameters.Set(SetsParameter, _sets);
            _events.Raise(ChangedEvent, id, old, value);
            return CommandOutcome.Completed;
        }
    }
}
