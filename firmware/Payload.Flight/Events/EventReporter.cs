using System;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Executive;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Events
{
    /// <summary>
    /// PUS ST[5] event reporting: encodes each raised event as TM[5, severity], filters disabled events, and throttles
    /// each event to its <see cref="EventDefinition.ThrottleLimit"/> reports per window, summarising the rest once per window.
    /// </summary>
    /// <remarks>
    /// Report layout: event definition id (u16), then each declared argument in its <see cref="DataType"/>; extra
    /// arguments are ignored, missing ones are 0, values are truncated to the declared width. High severity travels in
    /// <see cref="TelemetryClass.Urgent"/>, the rest in <see cref="TelemetryClass.Routine"/>.
    /// The throttle window is counted in minor-frame numbers given to <see cref="Run"/>; at each rollover every event
    /// with suppressed reports gets one EVENTS_SUPPRESSED summary, which bypasses the throttle so it cannot feed itself.
    /// Accounting: raised = reported + suppressed + dropped + disabled-skipped (unknown identifiers are counted apart).
    /// Not thread-safe: raise from the executive's thread. A raise from inside the telemetry sink's Send (re-entry) is
    /// counted as dropped, because the report buffer is in use.
    /// </remarks>
    public sealed class EventReporter : IEventSink, IRateGroupMember
    {
        /// <summary>Most arguments an event may declare (the arity of <see cref="IEventSink.Raise(ushort, long, long, long)"/>).</summary>
        public const int MaxArguments = 3;
        /// <summary>PUS service type of event reporting.</summary>
        public const byte Service = 5;

        /// <summary>Raises of known events since boot, whatever became of them.</summary>
        public const ushort RaisedParameter = 400;
        /// <summary>Reports handed to the telemetry sink and accepted.</summary>
        public const ushort ReportedParameter = 401;
        /// <summary>Raises withheld by the throttle.</summary>
        public const ushort SuppressedParameter = 402;
        /// <summary>Reports the telemetry sink refused (queue full) or that re-entered the reporter.</summary>
        public const ushort DroppedParameter = 403;
        /// <summary>Raises of events the ground had disabled.</summary>
        public const ushort DisabledSkippedParameter = 404;
        /// <summary>Raises of identifiers the dictionary does not declare (a programming error).</summary>
        public const ushort UnknownParameter = 405;
        /// <summary>The last undeclared identifier raised.</summary>
        public const ushort LastUnknownParameter = 406;
        /// <summary>Events presently disabled.</summary>
        public const ushort DisabledCountParameter = 407;

        /// <summary>Summary of the reports of one event suppressed during a throttle window.</summary>
        public const ushort EventsSuppressedEvent = 400;

        private readonly ITelemetrySink _telemetry;
        private readonly ParameterTable _parameters;
        private readonly EventDefinition[] _events;
        private readonly ushort[] _sortedIds;
        private readonly int[] _sortedIndexes;
        private readonly bool[] _enabled;
        private readonly int[] _reportsInWindow;
        private readonly long[] _suppressed;
        private readonly int _summaryIndex;
        private readonly int _windowFrames;
        private readonly byte[] _report = new byte[2 + 4 * MaxArguments];

        private readonly int _raisedIndex;
        private readonly int _reportedIndex;
        private readonly int _suppressedIndex;
        private readonly int _droppedIndex;
        private readonly int _disabledSkippedIndex;
        private readonly int _unknownIndex;
        private readonly int _lastUnknownIndex;
        private readonly int _disabledCountIndex;

        private long _windowEnd = -1;
        private bool _sending;
        private int _disabledCount;

        /// <summary>
        /// Creates the reporter with every event enabled; <paramref name="throttleWindowFrames"/> is the throttle window
        /// in minor frames (e.g. 1000 = 10 s). Throws when the dictionary lacks this class's declarations or declares an
        /// event it cannot encode, which are programming errors.
        /// </summary>
        public EventReporter(MissionDictionary dictionary, ITelemetrySink telemetry, ParameterTable parameters, int throttleWindowFrames)
        {
            if (throttleWindowFrames < 1) throw new ArgumentOutOfRangeException("throttleWindowFrames");
            _telemetry = telemetry;
            _parameters = parameters;
            _windowFrames = throttleWindowFrames;
            _events = dictionary.Events;
            int count = _events.Length;
            if (2 + 2 * count > PacketLimits.MaxTelemetryApplicationDataLength)
                throw new InvalidOperationException("too many events for one disabled-event report");
            for (int i = 0; i < count; i++)
            {
                CheckEncodable(_events[i]);
            }

            _enabled = new bool[count];
            _reportsInWindow = new int[count];
            _suppressed = new long[count];
            _sortedIds = new ushort[count];
            _sortedIndexes = new int[count];
            for (int i = 0; i < count; i++)
            {
                _enabled[i] = true;
                // Insertion sort by identifier, so lookups are a binary search that allocates nothing.
                ushort id = _events[i].Id;
                int j = i - 1;
                while (j >= 0 && _sortedIds[j] > id)
                {
                    _sortedIds[j + 1] = _sortedIds[j];
                    _sortedIndexes[j + 1] = _sortedIndexes[j];
                    j--;
                }
                _sortedIds[j + 1] = id;
                _sortedIndexes[j + 1] = i;
            }

            _summaryIndex = Require(IndexOf(EventsSuppressedEvent), "event EVENTS_SUPPRESSED");
            _raisedIndex = RequireParameter(RaisedParameter);
            _reportedIndex = RequireParameter(ReportedParameter);
            _suppressedIndex = RequireParameter(SuppressedParameter);
            _droppedIndex = RequireParameter(DroppedParameter);
            _disabledSkippedIndex = RequireParameter(DisabledSkippedParameter);
            _unknownIndex = RequireParameter(UnknownParameter);
            _lastUnknownIndex = RequireParameter(LastUnknownParameter);
            _disabledCountIndex = RequireParameter(DisabledCountParameter);
        }

        /// <summary>Adds the declarations of ST[5]: counters, the EVENTS_SUPPRESSED event, and the enable/disable/report commands.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(RaisedParameter, "evt.raised", DataType.UInt32, "", "Raises of declared events since boot"));
            dictionary.Add(new ParameterDefinition(ReportedParameter, "evt.reported", DataType.UInt32, "", "Event reports accepted by the downlink since boot"));
            dictionary.Add(new ParameterDefinition(SuppressedParameter, "evt.suppressed", DataType.UInt32, "", "Event reports withheld by the throttle since boot"));
            var dropped = new ParameterDefinition(DroppedParameter, "evt.dropped", DataType.UInt32, "", "Event reports lost because the downlink queue was full");
            dropped.HighLimit = 0;
            dictionary.Add(dropped);
            dictionary.Add(new ParameterDefinition(DisabledSkippedParameter, "evt.disabled_skipped", DataType.UInt32, "", "Raises of events disabled by the ground"));
            var unknown = new ParameterDefinition(UnknownParameter, "evt.unknown", DataType.UInt32, "", "Raises of undeclared event identifiers (software fault)");
            unknown.HighLimit = 0;
            dictionary.Add(unknown);
            dictionary.Add(new ParameterDefinition(LastUnknownParameter, "evt.last_unknown", DataType.UInt16, "", "Last undeclared event identifier raised"));
            dictionary.Add(new ParameterDefinition(DisabledCountParameter, "evt.disabled", DataType.UInt16, "", "Events presently disabled"));

            var summary = new EventDefinition(EventsSuppressedEvent, "EVENTS_SUPPRESSED", Severity.Low,
                "Reports of one event were withheld by the throttle during the last window",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("event_id", DataType.UInt16, "", "Event definition whose reports were withheld"),
                    new ArgumentDefinition("suppressed", DataType.UInt32, "", "Reports withheld since the last summary"),
                });
            dictionary.Add(summary);

            var eventId = new ArgumentDefinition("event_id", DataType.UInt16, "", "Event definition identifier");
            dictionary.Add(new CommandDefinition("EVENT_ENABLE", Service, EventReportingService.EnableSubtype,
                "Enables the reports of one event", new ArgumentDefinition[] { eventId }, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("EVENT_DISABLE", Service, EventReportingService.DisableSubtype,
                "Disables the reports of one event", new ArgumentDefinition[] { eventId }, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("EVENT_REPORT_DISABLED", Service, EventReportingService.ReportDisabledSubtype,
                "Reports the disabled events in TM[5,8]", new ArgumentDefinition[0], ModeMask.Any, 1));
        }

        /// <summary>Raises of declared events since boot.</summary>
        public long Raised { get; private set; }

        /// <summary>Reports accepted by the telemetry sink.</summary>
        public long Reported { get; private set; }

        /// <summary>Raises withheld by the throttle.</summary>
        public long Suppressed { get; private set; }

        /// <summary>Reports refused by the telemetry sink or raised re-entrantly.</summary>
        public long Dropped { get; private set; }

        /// <summary>Raises of disabled events.</summary>
        public long DisabledSkipped { get; private set; }

        /// <summary>Raises of undeclared identifiers.</summary>
        public long Unknown { get; private set; }

        /// <summary>Number of declared events.</summary>
        public int EventCount { get { return _events.Length; } }

        /// <summary>Events presently disabled.</summary>
        public int DisabledCount { get { return _disabledCount; } }

        /// <summary>Position of an event in the dictionary's event list, or -1 when the identifier is not declared.</summary>
        public int IndexOf(ushort eventId)
        {
            int low = 0;
            int high = _sortedIds.Length - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                ushort found = _sortedIds[middle];
                if (found == eventId) return _sortedIndexes[middle];
                if (found < eventId) low = middle + 1;
                else high = middle - 1;
            }
            return -1;
        }

        /// <summary>True when the event is declared and enabled.</summary>
        public bool IsEnabled(ushort eventId)
        {
            int index = IndexOf(eventId);
            return index >= 0 && _enabled[index];
        }

        /// <summary>Enables or disables the reports of an event; false when the identifier is not declared.</summary>
        public bool TrySetEnabled(ushort eventId, bool enabled)
        {
            int index = IndexOf(eventId);
            if (index < 0) return false;
            if (_enabled[index] != enabled)
            {
                _enabled[index] = enabled;
                _disabledCount += enabled ? -1 : 1;
                _parameters.SetAt(_disabledCountIndex, _disabledCount);
            }
            return true;
        }

        /// <summary>Writes the identifiers of the disabled events, ascending, as u16 each from <paramref name="offset"/>; returns how many.</summary>
        public int WriteDisabledIds(byte[] buffer, int offset)
        {
            int written = 0;
            for (int k = 0; k < _sortedIds.Length; k++)
            {
                if (!_enabled[_sortedIndexes[k]])
                {
                    BigEndian.WriteUInt16(buffer, offset + 2 * written, _sortedIds[k]);
                    written++;
                }
            }
            return written;
        }

        /// <summary>Raises an event without arguments.</summary>
        public void Raise(ushort eventId)
        {
            Raise(eventId, 0, 0, 0);
        }

        /// <summary>Raises an event with one argument.</summary>
        public void Raise(ushort eventId, long argument0)
        {
            Raise(eventId, argument0, 0, 0);
        }

        /// <summary>Raises an event with two arguments.</summary>
        public void Raise(ushort eventId, long argument0, long argument1)
        {
            Raise(eventId, argument0, argument1, 0);
        }

        /// <summary>Raises an event with three arguments.</summary>
        public void Raise(ushort eventId, long argument0, long argument1, long argument2)
        {
            int index = IndexOf(eventId);
            if (index < 0)
            {
                Unknown++;
                _parameters.SetAt(_unknownIndex, Unknown);
                _parameters.SetAt(_lastUnknownIndex, eventId);
                return;
            }
            CountRaised();
            if (!_enabled[index])
            {
                CountDisabledSkipped();
                return;
            }
            if (_reportsInWindow[index] >= _events[index].ThrottleLimit)
            {
                _suppressed[index]++;
                Suppressed++;
                _parameters.SetAt(_suppressedIndex, Suppressed);
                return;
            }
            _reportsInWindow[index]++;
            Emit(index, argument0, argument1, argument2);
        }

        /// <summary>Rolls the throttle window when <paramref name="frame"/> reaches its end and sends the summaries; run it every minor frame.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            if (_windowEnd < 0)
            {
                _windowEnd = frame + _windowFrames;
                return;
            }
            if (frame < _windowEnd) return;
            // After a frame slip the window restarts at this frame rather than replaying the missed windows.
            _windowEnd = frame + _windowFrames;
            for (int i = 0; i < _events.Length; i++)
            {
                _reportsInWindow[i] = 0;
                if (_suppressed[i] > 0) Summarise(i);
            }
        }

        private void Summarise(int index)
        {
            CountRaised();
            if (!_enabled[_summaryIndex])
            {
                // The ground chose not to hear summaries; the total stays in evt.suppressed.
                CountDisabledSkipped();
                _suppressed[index] = 0;
                return;
            }
            long count = _suppressed[index];
            if (count > 0xFFFFFFFFL) count = 0xFFFFFFFFL;
            // A summary the sink refused is retried at the next rollover with the count carried over.
            if (Emit(_summaryIndex, _events[index].Id, count, 0)) _suppressed[index] = 0;
        }

        private bool Emit(int index, long argument0, long argument1, long argument2)
        {
            if (_sending)
            {
                CountDropped();
                return false;
            }
            EventDefinition definition = _events[index];
            BigEndian.WriteUInt16(_report, 0, definition.Id);
            int length = 2;
            ArgumentDefinition[] arguments = definition.Arguments;
            for (int a = 0; a < arguments.Length; a++)
            {
                long value = a == 0 ? argument0 : a == 1 ? argument1 : argument2;
                DataType type = arguments[a].Type;
                if (type == DataType.Boolean) value = value != 0 ? 1 : 0;
                length += DataTypes.Write(type, value, _report, length);
            }
            TelemetryClass priority = definition.Severity == Severity.High ? TelemetryClass.Urgent : TelemetryClass.Routine;
            bool accepted;
            _sending = true;
            try
            {
                accepted = _telemetry.Send(priority, Service, (byte)definition.Severity, _report, 0, length);
            }
            finally
            {
                _sending = false;
            }
            if (accepted)
            {
                Reported++;
                _parameters.SetAt(_reportedIndex, Reported);
            }
            else
            {
                CountDropped();
            }
            return accepted;
        }

        private void CountRaised()
        {
            Raised++;
            _parameters.SetAt(_raisedIndex, Raised);
        }

        private void CountDropped()
        {
            Dropped++;
            _parameters.SetAt(_droppedIndex, Dropped);
        }

        private void CountDisabledSkipped()
        {
            DisabledSkipped++;
            _parameters.SetAt(_disabledSkippedIndex, DisabledSkipped);
        }

        private static void CheckEncodable(EventDefinition definition)
        {
            if (definition.Severity < Severity.Informative || definition.Severity > Severity.High)
                throw new InvalidOperationException("event " + definition.Name + " has no valid severity");
            if (definition.Arguments.Length > MaxArguments)
                throw new InvalidOperationException("event " + definition.Name + " declares more than " + MaxArguments.ToString() + " arguments");
            for (int a = 0; a < definition.Arguments.Length; a++)
            {
                if (DataTypes.SizeOf(definition.Arguments[a].Type) == 0)
                    throw new InvalidOperationException("event " + definition.Name + " declares a variable-length argument");
            }
        }

        private int RequireParameter(ushort id)
        {
            return Require(_parameters.IndexOf(id), "parameter " + id.ToString());
        }

        private static int Require(int index, string what)
        {
            if (index < 0) throw new InvalidOperationException(what + " is not declared: call EventReporter.Declare");
            return index;
        }
    }
}
