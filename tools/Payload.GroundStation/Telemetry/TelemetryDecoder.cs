using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Housekeeping;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Verification;
using Payload.GroundStation.Commanding;

namespace Payload.GroundStation.Telemetry;

/// <summary>
/// Turns telemetry packets into typed reports with the dictionary: ST[1] verification, ST[5,1..4] events (the subtype is
/// the severity), ST[5,8] the list of disabled events, ST[3,25] housekeeping and ST[20,2] parameter values; anything
/// else (or content that does not match the dictionary) becomes a <see cref="GenericReport"/>. Stateless and thread-safe.
/// </summary>
public sealed class TelemetryDecoder
{
    private readonly Dictionary<ushort, EventDefinition> _events;
    private readonly Dictionary<ushort, ParameterDefinition> _parameters;
    private readonly Dictionary<byte, HousekeepingStructureDefinition> _structures;

    /// <summary>Creates a decoder for telemetry described by <paramref name="dictionary"/>.</summary>
    public TelemetryDecoder(MissionDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        Dictionary = dictionary;
        _events = dictionary.Events.ToDictionary(e => e.Id);
        _parameters = dictionary.Parameters.ToDictionary(p => p.Id);
        _structures = dictionary.HousekeepingStructures.ToDictionary(s => s.Id);
    }

    /// <summary>The dictionary reports are decoded with.</summary>
    public MissionDictionary Dictionary { get; }

    /// <summary>Decodes the packet that is the whole of <paramref name="packet"/>.</summary>
    /// <exception cref="TelemetryDecodingException">The octets are not a valid telemetry packet.</exception>
    public TelemetryReport Decode(byte[] packet) => Decode(packet, 0, packet?.Length ?? 0);

    /// <summary>Decodes the packet that is exactly <paramref name="count"/> octets at <paramref name="offset"/> (copied; the buffer may be reused).</summary>
    /// <exception cref="TelemetryDecodingException">The octets are not a valid telemetry packet.</exception>
    public TelemetryReport Decode(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (!TryDecode(buffer, offset, count, out TelemetryReport? report, out PacketStatus status))
            throw new TelemetryDecodingException(status, count);
        return report;
    }

    /// <summary>Decodes a packet; false (with the codec's status) when it is not a valid telemetry packet.</summary>
    public bool TryDecode(byte[] buffer, int offset, int count, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TelemetryReport? report, out PacketStatus status)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        report = null;
        status = TelemetryCodec.TryDecode(buffer, offset, count, out TelemetryPacket tm);
        if (status != PacketStatus.Ok) return false;

        var header = new GenericReport
        {
            Apid = tm.Apid,
            SequenceCount = tm.SequenceCount,
            Service = tm.ServiceType,
            Subtype = tm.ServiceSubtype,
            MessageTypeCounter = tm.Pus.MessageTypeCounter,
            DestinationId = tm.Pus.DestinationId,
            TimeReferenceStatus = tm.Pus.TimeReferenceStatus,
            Time = tm.Time,
            Packet = buffer.AsSpan(offset, count).ToArray(),
        };
        ReadOnlySpan<byte> data = header.ApplicationData.Span;
        report = tm.ServiceType switch
        {
            VerificationReporter.Service => DecodeVerification(header, data),
            EventReporter.Service when IsEventSubtype(tm.ServiceSubtype) => DecodeEvent(header, data),
            EventReporter.Service when tm.ServiceSubtype == EventReportingService.DisabledListSubtype => DecodeDisabledEvents(header, data),
            HousekeepingService.Service when tm.ServiceSubtype == HousekeepingService.ParameterReportSubtype => DecodeHousekeeping(header, data),
            ParameterService.Service when tm.ServiceSubtype == ParameterService.ValueReportSubtype => DecodeParameters(header, data),
            _ => header,
        };
        return true;
    }

    private static TelemetryReport DecodeVerification(GenericReport header, ReadOnlySpan<byte> data)
    {
        byte subtype = header.Subtype;
        if (subtype is < VerificationReporter.AcceptanceSuccess or > VerificationReporter.CompletionFailure)
            return header with { Problem = "not a verification subtype" };
        var stage = (VerificationStage)((subtype + 1) / 2);
        bool success = subtype % 2 == 1;
        int expected = 4 + (stage == VerificationStage.Progress ? 2 : 0) + (success ? 0 : 6);
        if (data.Length != expected)
            return header with { Problem = $"{data.Length} octets of data where the layout has {expected}" };

        int offset = 4;
        int? step = null;
        if (stage == VerificationStage.Progress)
        {
            step = (int)ReadUnsigned(data, 4, 2);
            offset = 6;
        }
        FailureCode code = FailureCode.None;
        long failureData = 0;
        if (!success)
        {
            code = (FailureCode)ReadUnsigned(data, offset, 2);
            failureData = ReadUnsigned(data, offset + 2, 4);
        }
        return new VerificationReport(header, stage, success, new RequestId((ushort)ReadUnsigned(data, 0, 2), (ushort)ReadUnsigned(data, 2, 2)))
        {
            Step = step,
            FailureCode = code,
            FailureData = failureData,
        };
    }

    private TelemetryReport DecodeEvent(GenericReport header, ReadOnlySpan<byte> data)
    {
        if (data.Length < 2) return header with { Problem = "no event identifier" };
        var id = (ushort)ReadUnsigned(data, 0, 2);
        if (!_events.TryGetValue(id, out EventDefinition? definition)) return header with { Problem = $"event {id} is not in the dictionary" };
        if ((byte)definition.Severity != header.Subtype)
            return header with { Problem = $"event {definition.Name} is {definition.Severity} but came as subtype {header.Subtype}" };
        if (!TryReadValues(data, 2, definition.Arguments.Select(a => a.Type), out long[] raw))
            return header with { Problem = $"{data.Length} octets do not match the arguments of {definition.Name}" };
        return new EventReport(header, definition, definition.Arguments.Select((a, i) => new DecodedValue
        {
            Definition = a,
            Raw = raw[i],
            Reference = ReferenceNames.NameOf(Dictionary, a.Name, raw[i]),
        }).ToArray());
    }

    /// <summary>ST[5] subtypes 1–4 are event reports, one per severity; the service's other reports (TM[5,8]) are not events.</summary>
    private static bool IsEventSubtype(byte subtype) => subtype is >= (byte)Severity.Informative and <= (byte)Severity.High;

    private TelemetryReport DecodeDisabledEvents(GenericReport header, ReadOnlySpan<byte> data)
    {
        // count (u16), then each disabled event identifier (u16).
        if (data.Length < 2) return header with { Problem = "no event count" };
        int count = (int)ReadUnsigned(data, 0, 2);
        if (data.Length != 2 + 2 * count) return header with { Problem = $"{data.Length} octets where a list of {count} event(s) has {2 + 2 * count}" };
        var ids = new ushort[count];
        var definitions = new EventDefinition?[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = (ushort)ReadUnsigned(data, 2 + 2 * i, 2);
            definitions[i] = _events.GetValueOrDefault(ids[i]);
        }
        return new DisabledEventsReport(header, ids, definitions);
    }

    private TelemetryReport DecodeHousekeeping(GenericReport header, ReadOnlySpan<byte> data)
    {
        if (data.Length < 1) return header with { Problem = "no structure identifier" };
        if (!_structures.TryGetValue(data[0], out HousekeepingStructureDefinition? structure))
            return header with { Problem = $"structure {data[0]} is not in the dictionary" };
        ParameterDefinition[] parameters = structure.ParameterIds.Select(id => _parameters[id]).ToArray();
        if (!TryReadValues(data, 1, parameters.Select(p => p.Type), out long[] raw))
            return header with { Problem = $"{data.Length} octets do not match the layout of {structure.Name}" };
        return new HousekeepingReport(header, structure, parameters.Select((p, i) => ParameterValue.Of(p, raw[i])).ToArray());
    }

    private TelemetryReport DecodeParameters(GenericReport header, ReadOnlySpan<byte> data)
    {
        // count (u16), then per parameter: id (u16) and the value in the parameter's own type.
        if (data.Length < 2) return header with { Problem = "no parameter count" };
        int count = (int)ReadUnsigned(data, 0, 2);
        var values = new List<ParameterValue>(count);
        int offset = 2;
        for (int i = 0; i < count; i++)
        {
            if (offset + 2 > data.Length) return header with { Problem = $"cut short after {i} of {count} parameters" };
            var id = (ushort)ReadUnsigned(data, offset, 2);
            if (!_parameters.TryGetValue(id, out ParameterDefinition? definition)) return header with { Problem = $"parameter {id} is not in the dictionary" };
            int size = DataTypes.SizeOf(definition.Type);
            if (size == 0 || offset + 2 + size > data.Length) return header with { Problem = $"cut short in parameter {definition.Name}" };
            values.Add(ParameterValue.Of(definition, DataTypes.Read(definition.Type, data.Slice(offset + 2, size).ToArray(), 0)));
            offset += 2 + size;
        }
        if (offset != data.Length) return header with { Problem = $"{data.Length - offset} octets after the last parameter" };
        return new ParameterReport(header, values);
    }

    private static bool TryReadValues(ReadOnlySpan<byte> data, int offset, IEnumerable<DataType> types, out long[] values)
    {
        var read = new List<long>();
        byte[] octets = data.ToArray();
        foreach (DataType type in types)
        {
            int size = DataTypes.SizeOf(type);
            if (size == 0 || offset + size > octets.Length)
            {
                values = [];
                return false;
            }
            read.Add(DataTypes.Read(type, octets, offset));
            offset += size;
        }
        values = [.. read];
        return offset == octets.Length;
    }

    private static long ReadUnsigned(ReadOnlySpan<byte> data, int offset, int size)
    {
        long value = 0;
        for (int i = 0; i < size; i++) value = (value << 8) | data[offset + i];
        return value;
    }
}
