using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;

namespace Payload.Flight.Parameters
{
    /// <summary>Keeps the values of the persisted parameters in one record, so ground-set configuration survives a reset.</summary>
    /// <remarks>
    /// Payload: entry count (u16), then per entry the parameter id (u16), the <see cref="DataType"/> it had when saved (u8)
    /// and its value (4 octets, signed or unsigned as that type says). Values travel with their ids, so a dictionary that
    /// reorders, adds or removes parameters cannot hand a value to the wrong one; restore applies a value only to a
    /// parameter that is still persisted and only within its present Minimum..Maximum, and counts the rest.
    /// A persisted parameter need not be settable: a component may own one that only its own command writes (and saves
    /// through <see cref="Save"/>), e.g. a configuration that must be verified on the hardware before it is kept.
    /// </remarks>
    public sealed class ParameterPersistence
    {
        /// <summary>The record holding the persisted parameters.</summary>
        public const ushort RecordId = 1;
        /// <summary>Most parameters that may be persisted.</summary>
        public const int Capacity = 64;
        /// <summary>Octets per entry: id (2), type (1), value (4).</summary>
        public const int EntryLength = 7;
        /// <summary>Largest payload of the record, for the record layout.</summary>
        public const int MaxPayloadLength = 2 + Capacity * EntryLength;

        /// <summary>Values restored at boot.</summary>
        public const ushort RestoredParameter = 702;
        /// <summary>Saved values whose parameter no longer exists or is no longer persisted.</summary>
        public const ushort RestoreUnknownParameter = 703;
        /// <summary>Saved values outside their parameter's present range (the default was kept).</summary>
        public const ushort RestoreOutOfRangeParameter = 704;
        /// <summary>Saves whose record write failed.</summary>
        public const ushort SaveFailuresParameter = 705;
        /// <summary>Persisted values were restored at boot.</summary>
        public const ushort RestoredEvent = 701;
        /// <summary>A saved value was not restored.</summary>
        public const ushort RestoreRejectedEvent = 702;

        /// <summary>Reason in <see cref="RestoreRejectedEvent"/>: the parameter is unknown or not persisted.</summary>
        public const byte ReasonUnknown = 0;
        /// <summary>Reason in <see cref="RestoreRejectedEvent"/>: the value is outside the parameter's range.</summary>
        public const byte ReasonOutOfRange = 1;

        private readonly RecordStore _records;
        private readonly IEventSink _events;
        private readonly byte[] _payload = new byte[MaxPayloadLength];

        /// <summary>Creates the persistence of parameters over <paramref name="records"/>, which must lay out <see cref="RecordId"/>.</summary>
        public ParameterPersistence(RecordStore records, IEventSink events)
        {
            _records = records;
            _events = events;
        }

        /// <summary>Adds the restore and save counters and events (called by <see cref="ParameterService.Declare"/>).</summary>
        internal static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(RestoredParameter, "param.restored", DataType.UInt16, "", "Persisted values restored at boot"));
            var unknown = new ParameterDefinition(RestoreUnknownParameter, "param.restore_unknown", DataType.UInt16, "",
                "Saved values at boot whose parameter is unknown or no longer persisted");
            unknown.HighLimit = 0;
            dictionary.Add(unknown);
            var outOfRange = new ParameterDefinition(RestoreOutOfRangeParameter, "param.restore_out_of_range", DataType.UInt16, "",
                "Saved values at boot outside their parameter's range (default kept)");
            outOfRange.HighLimit = 0;
            dictionary.Add(outOfRange);
            var saveFailures = new ParameterDefinition(SaveFailuresParameter, "param.save_failures", DataType.UInt32, "", "Parameter saves that failed");
            saveFailures.HighLimit = 0;
            dictionary.Add(saveFailures);
            var count = new ArgumentDefinition("restored", DataType.UInt16, "", "Values restored");
            dictionary.Add(new EventDefinition(RestoredEvent, "PARAM_RESTORED", Severity.Informative,
                "Persisted parameter values were restored at boot", new ArgumentDefinition[] {
                    count,
                    new ArgumentDefinition("unknown", DataType.UInt16, "", "Values of unknown or no longer persisted parameters"),
                    new ArgumentDefinition("out_of_range", DataType.UInt16, "", "Values outside their parameter's range") }));
            var reason = new ArgumentDefinition("reason", DataType.UInt8, "", 0, 1, "Why it was not restored");
            reason.EnumerationLabels = new string[] { "UNKNOWN", "OUT_OF_RANGE" };
            dictionary.Add(new EventDefinition(RestoreRejectedEvent, "PARAM_RESTORE_REJECTED", Severity.Low,
                "A saved parameter value was not restored", new ArgumentDefinition[] {
                    new ArgumentDefinition("param_id", DataType.UInt16, "", "Parameter id"),
                    new ArgumentDefinition("value", DataType.Int32, "", "Saved value (low 32 bits)"),
                    reason }));
        }

        /// <summary>Values restored by the last <see cref="Restore"/>.</summary>
        public int Restored { get; private set; }

        /// <summary>Saved values the last <see cref="Restore"/> ignored because the parameter is unknown or no longer persisted.</summary>
        public int RejectedUnknown { get; private set; }

        /// <summary>Saved values the last <see cref="Restore"/> ignored because they were outside the parameter's range.</summary>
        public int RejectedOutOfRange { get; private set; }

        /// <summary>Saves that failed since boot.</summary>
        public long SaveFailures { get; private set; }

        /// <summary>Throws at boot when the dictionary persists more parameters than the record holds.</summary>
        public static void RequireCapacity(ParameterTable parameters)
        {
            if (CountPersisted(parameters) > Capacity)
                throw new InvalidOperationException("more persisted parameters than ParameterPersistence.Capacity");
        }

        /// <summary>True when the parameter's value is saved and restored (ST[20] sets of a settable one, a component's writes of a read-only one).</summary>
        public static bool IsPersisted(ParameterDefinition definition)
        {
            return definition.Persisted;
        }

        /// <summary>
        /// Applies the saved values to <paramref name="parameters"/> (call at boot, before components read their configuration);
        /// returns the number restored. Without a saved record every parameter keeps its default.
        /// </summary>
        public int Restore(ParameterTable parameters)
        {
            Restored = 0;
            RejectedUnknown = 0;
            RejectedOutOfRange = 0;
            int length = _records.Read(RecordId, _payload, 0, _payload.Length);
            if (length >= 2)
            {
                int entries = BigEndian.ReadUInt16(_payload, 0);
                int fit = (length - 2) / EntryLength;
                if (entries > fit) entries = fit;
                for (int e = 0; e < entries; e++)
                {
                    int at = 2 + e * EntryLength;
                    ushort id = (ushort)BigEndian.ReadUInt16(_payload, at);
                    int storedType = _payload[at + 2];
                    long raw = BigEndian.ReadUInt32(_payload, at + 3);
                    long value = IsSignedStorable(storedType) ? (long)(int)raw : raw;
                    int index = parameters.IndexOf(id);
                    if (index < 0 || !IsPersisted(parameters.DefinitionAt(index)))
                    {
                        RejectedUnknown++;
                        Reject(id, value, ReasonUnknown);
                        continue;
                    }
                    ParameterDefinition definition = parameters.DefinitionAt(index);
                    if (!IsStorable(storedType) || value < definition.Minimum || value > definition.Maximum)
                    {
                        RejectedOutOfRange++;
                        Reject(id, value, ReasonOutOfRange);
                        continue;
                    }
                    parameters.SetAt(index, value);
                    Restored++;
                }
                if (_events != null) _events.Raise(RestoredEvent, Restored, RejectedUnknown, RejectedOutOfRange);
            }
            Publish(parameters);
            return Restored;
        }

        /// <summary>Writes the present values of every persisted parameter; false when the record write failed.</summary>
        public bool Save(ParameterTable parameters)
        {
            int entries = 0;
            int at = 2;
            for (int index = 0; index < parameters.Count; index++)
            {
                ParameterDefinition definition = parameters.DefinitionAt(index);
                if (!IsPersisted(definition)) continue;
                if (entries == Capacity) throw new InvalidOperationException("more persisted parameters than ParameterPersistence.Capacity");
                BigEndian.WriteUInt16(_payload, at, definition.Id);
                _payload[at + 2] = (byte)definition.Type;
                BigEndian.WriteUInt32(_payload, at + 3, parameters.ValueAt(index));
                at += EntryLength;
                entries++;
            }
            BigEndian.WriteUInt16(_payload, 0, entries);
            bool written = _records.Write(RecordId, _payload, 0, at);
            if (!written)
            {
                SaveFailures++;
                parameters.Set(SaveFailuresParameter, SaveFailures);
            }
            return written;
        }

        private static int CountPersisted(ParameterTable parameters)
        {
            int count = 0;
            for (int index = 0; index < parameters.Count; index++)
            {
                if (IsPersisted(parameters.DefinitionAt(index))) count++;
            }
            return count;
        }

        private static bool IsStorable(int type)
        {
            return type <= (int)DataType.Int32;
        }

        private static bool IsSignedStorable(int type)
        {
            return type == (int)DataType.Int8 || type == (int)DataType.Int16 || type == (int)DataType.Int32;
        }

        private void Reject(ushort id, long value, byte reason)
        {
            if (_events != null) _events.Raise(RestoreRejectedEvent, id, value, reason);
        }

        private void Publish(ParameterTable parameters)
        {
            parameters.Set(RestoredParameter, Restored);
            parameters.Set(RestoreUnknownParameter, RejectedUnknown);
            parameters.Set(RestoreOutOfRangeParameter, RejectedOutOfRange);
        }
    }
}
