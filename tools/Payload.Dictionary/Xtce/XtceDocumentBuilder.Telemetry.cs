using System.Globalization;
using System.Xml.Linq;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;

namespace Payload.Dictionary.Xtce;

/// <summary>The telemetry side: header and report fields, the dictionary's parameters, and one container per report.</summary>
internal sealed partial class XtceDocumentBuilder
{
    // Primary header, PUS-C TM secondary header and packet error control.
    internal const string CcsdsVersion = "ccsds_version";
    internal const string CcsdsPacketType = "ccsds_packet_type";
    internal const string CcsdsSecondaryHeaderFlag = "ccsds_secondary_header_flag";
    internal const string CcsdsApid = "ccsds_apid";
    internal const string CcsdsSequenceFlags = "ccsds_sequence_flags";
    internal const string CcsdsSequenceCount = "ccsds_sequence_count";
    internal const string CcsdsPacketLength = "ccsds_packet_length";
    internal const string PusVersion = "pus_version";
    internal const string PusTimeReference = "pus_time_reference";
    internal const string PusService = "pus_service";
    internal const string PusSubtype = "pus_subtype";
    internal const string PusMessageCounter = "pus_message_counter";
    internal const string PusDestination = "pus_destination";
    internal const string PusTimeCoarse = "pus_time_coarse";
    internal const string PusTimeFine = "pus_time_fine";
    internal const string PacketErrorControl = "packet_error_control";

    // Report fields.
    internal const string VerificationStep = "verification_step";
    internal const string VerificationFailureCode = "verification_failure_code";
    internal const string VerificationFailureData = "verification_failure_data";
    internal const string HousekeepingStructureId = "hk_structure_id";
    internal const string EventId = "event_id";
    internal const string ParameterId = "parameter_id";
    internal const string ApplicationData = "tm_application_data";

    // Abstract containers.
    internal const string SpacePacketContainer = "CCSDS_SpacePacket";
    internal const string TelemetryContainer = "PUS_TM";
    internal const string VerificationContainer = "PUS_TM_VERIFICATION";
    internal const string HousekeepingContainer = "PUS_TM_HOUSEKEEPING";
    internal const string EventContainer = "PUS_TM_EVENT";
    internal const string OtherContainer = "PUS_TM_OTHER";

    private static readonly string[] VerificationRequestFields =
        [CcsdsVersion, CcsdsPacketType, CcsdsSecondaryHeaderFlag, CcsdsApid, CcsdsSequenceFlags, CcsdsSequenceCount];

    private readonly Dictionary<ushort, string> _parameterNames = [];

    /// <summary>The (service, subtype) pairs some container lays out; the fallback container takes every other report.</summary>
    private readonly SortedSet<(byte Service, byte Subtype)> _reports = [];

    private void AddTelemetry()
    {
        AddHeaderFields();
        AddReportFields();
        AddDictionaryParameters();
        AddEventArguments();

        AddContainer(SpacePacketContainer, "CCSDS space packet primary header (CCSDS 133.0-B-2)", isAbstract: true,
            [CcsdsVersion, CcsdsPacketType, CcsdsSecondaryHeaderFlag, CcsdsApid, CcsdsSequenceFlags, CcsdsSequenceCount, CcsdsPacketLength],
            baseContainer: null, restriction: null);
        AddContainer(TelemetryContainer, "PUS-C telemetry secondary header (ECSS-E-ST-70-41C 7.4.3.2) of the payload's packets", isAbstract: true,
            [PusVersion, PusTimeReference, PusService, PusSubtype, PusMessageCounter, PusDestination, PusTimeCoarse, PusTimeFine],
            SpacePacketContainer, Comparisons((CcsdsPacketType, 0), (CcsdsSecondaryHeaderFlag, 1), (CcsdsApid, _options.Apid)));
        AddVerificationContainers();
        AddHousekeepingContainers();
        AddEventContainers();
        AddServiceReports();
        AddOtherContainer();
    }

    private void AddHeaderFields()
    {
        AddField(CcsdsVersion, 3, "Packet version number (0)");
        AddField(CcsdsPacketType, 1, "Packet type: 0 telemetry, 1 telecommand");
        AddField(CcsdsSecondaryHeaderFlag, 1, "Secondary header flag (1 on every PUS packet)");
        AddField(CcsdsApid, 11, "Application process identifier");
        AddParameterType(new XElement(Ns + "EnumeratedParameterType",
            new XAttribute("name", TypeOf(CcsdsSequenceFlags)), Describe("Segmentation of the user data"),
            IntegerEncoding(2, signed: false),
            EnumerationList(Enum.GetValues<SequenceFlags>().Select(f => ((long)f, DictionaryNames.UpperSnake(f.ToString()))))));
        AddParameter(CcsdsSequenceFlags, TypeOf(CcsdsSequenceFlags), "Sequence flags (3: unsegmented)");
        AddField(CcsdsSequenceCount, 14, "Packet sequence count");
        AddField(CcsdsPacketLength, 16, "Packet data length: octets after the primary header, minus 1");
        AddField(PusVersion, 4, "TM packet PUS version number (2)");
        AddField(PusTimeReference, 4, "Spacecraft time reference status");
        AddField(PusService, 8, "Service type ID");
        AddField(PusSubtype, 8, "Message subtype ID");
        AddField(PusMessageCounter, 16, "Message type counter per service, subtype and destination");
        AddField(PusDestination, 16, "Destination ID (the application process the report is for)");
        AddField(PusTimeCoarse, 32, "CUC coarse time: whole seconds since the mission epoch", unit: "s");
        AddField(PusTimeFine, 16, "CUC fine time: fraction of a second in units of 2^-16 s");
        AddField(PacketErrorControl, 16, "Packet error control: CRC-16/CCITT-FALSE over the whole packet before it", encodingContent: PacketErrorControlCrc());
    }

    private void AddReportFields()
    {
        foreach (string field in VerificationRequestFields)
        {
            AddParameter("verification_request_" + field["ccsds_".Length..], TypeOf(field), "Request ID of the verified telecommand: its " + field["ccsds_".Length..].Replace('_', ' '));
        }

        AddField(VerificationStep, 16, "Progress step of the verified telecommand");
        AddParameterType(new XElement(Ns + "EnumeratedParameterType",
            new XAttribute("name", TypeOf(VerificationFailureCode)), Describe("ST[1] failure code"),
            IntegerEncoding(16, signed: false),
            EnumerationList(DictionaryNames.FailureCodes.Select(c => ((long)c.Code, c.Name)))));
        AddParameter(VerificationFailureCode, TypeOf(VerificationFailureCode), "Why the telecommand failed");
        AddField(VerificationFailureData, 32, "Failure data: what the failing step reported", signed: true);

        HousekeepingStructureDefinition[] structures = _dictionary.HousekeepingStructures;
        AddIdentifierField(HousekeepingStructureId, 8, "Housekeeping structure identifier", structures.Select(s => ((long)s.Id, s.Name)).ToArray());
        AddIdentifierField(EventId, 16, "Event definition identifier", _dictionary.Events.Select(e => ((long)e.Id, e.Name)).ToArray());
        AddIdentifierField(ParameterId, 16, "Parameter identifier", _dictionary.Parameters.Select(p => ((long)p.Id, p.Name)).ToArray());

        AddParameterType(new XElement(Ns + "BinaryParameterType",
            new XAttribute("name", TypeOf(ApplicationData)), Describe("Application data of a report this database does not lay out"),
            new XElement(Ns + "BinaryDataEncoding",
                new XElement(Ns + "SizeInBits",
                    new XElement(Ns + "DynamicValue",
                        new XElement(Ns + "ParameterInstanceRef", new XAttribute("parameterRef", CcsdsPacketLength), new XAttribute("useCalibratedValue", false)),
                        // Packet data field = length + 1 octets = 13 (secondary header) + data + 2 (error control).
                        new XElement(Ns + "LinearAdjustment", new XAttribute("slope", 8),
                            new XAttribute("intercept", -8 * (PusTmHeader.Length + PacketLimits.PacketErrorControlLength - 1))))))));
        AddParameter(ApplicationData, TypeOf(ApplicationData), "Application data of a report without its own container");
    }

    /// <summary>An identifier field: enumerated with the dictionary's names when it declares any, a plain integer otherwise.</summary>
    private void AddIdentifierField(string name, int bits, string description, (long Value, string Label)[] values)
    {
        if (values.Length == 0)
        {
            AddField(name, bits, description);
            return;
        }

        AddParameterType(new XElement(Ns + "EnumeratedParameterType",
            new XAttribute("name", TypeOf(name)), Describe(description),
            IntegerEncoding(bits, signed: false), EnumerationList(values)));
        AddParameter(name, TypeOf(name), description);
    }

    private void AddDictionaryParameters()
    {
        foreach (ParameterDefinition p in _dictionary.Parameters)
        {
            string owner = $"parameter {p.Name} ({p.Id})";
            string name = _names.Claim(XtceNameKind.Parameter, p.Name, owner);
            string type = _names.Claim(XtceNameKind.ParameterType, name + "_Type", owner);
            bool hasLow = p.LowLimit > DataTypes.MinimumOf(p.Type);
            bool hasHigh = p.HighLimit < DataTypes.MaximumOf(p.Type);
            _parameterTypes.Add(ValueType(type, owner, p.Type, p.Unit, p.Description, p.Scale, p.Offset,
                hasLow ? p.LowLimit : null, hasHigh ? p.HighLimit : null, p.EnumerationLabels, labelBase: 0));
            _parameters.Add(new XElement(Ns + "Parameter",
                new XAttribute("name", name), new XAttribute("parameterTypeRef", type), Describe(p.Description),
                AliasSet(("dictionary", p.Name), ("id", p.Id.ToString(CultureInfo.InvariantCulture)))));
            _parameterNames.Add(p.Id, name);
        }
    }

    private void AddEventArguments()
    {
        foreach (EventDefinition e in _dictionary.Events)
        {
            foreach (ArgumentDefinition a in e.Arguments)
            {
                string owner = $"argument {a.Name} of event {e.Name}";
                string name = _names.Claim(XtceNameKind.Parameter, EventArgumentName(e, a), owner);
                string type = _names.Claim(XtceNameKind.ParameterType, name + "_Type", owner);
                _parameterTypes.Add(ValueType(type, owner, a.Type, a.Unit, a.Description, 1.0, 0.0, null, null, a.EnumerationLabels, a.Minimum));
                _parameters.Add(new XElement(Ns + "Parameter",
                    new XAttribute("name", name), new XAttribute("parameterTypeRef", type), Describe(a.Description),
                    AliasSet(("dictionary", e.Name + "." + a.Name))));
            }
        }
    }

    private static string EventArgumentName(EventDefinition e, ArgumentDefinition a) => XtceNames.Sanitize(e.Name + "_" + a.Name);

    /// <summary>The type of a dictionary value: enumerated, calibrated (float), boolean or integer, with its unit and limits.</summary>
    private static XElement ValueType(string name, string owner, DataType type, string unit, string description,
        double scale, double offset, long? rawLow, long? rawHigh, string[]? labels, long labelBase)
    {
        if (type == DataType.Bytes || DataTypes.SizeOf(type) == 0)
        {
            throw new InvalidOperationException($"{owner}: type {DictionaryNames.TypeName(type)} is for command arguments only");
        }

        int bits = 8 * DataTypes.SizeOf(type);
        bool signed = DataTypes.IsSigned(type);
        if (labels is { Length: > 0 })
        {
            return new XElement(Ns + "EnumeratedParameterType", new XAttribute("name", name), Describe(description),
                UnitSet(unit), IntegerEncoding(bits, signed),
                EnumerationList(labels.Select((label, i) => (labelBase + i, label))));
        }

        bool calibrated = scale != 1.0 || offset != 0.0;
        if (calibrated)
        {
            double? low = rawLow * scale + offset;
            double? high = rawHigh * scale + offset;
            if (scale < 0)
            {
                (low, high) = (high, low);
            }

            return new XElement(Ns + "FloatParameterType", new XAttribute("name", name), Describe(description),
                new XAttribute("sizeInBits", 64),
                UnitSet(unit),
                IntegerEncoding(bits, signed,
                    new XElement(Ns + "DefaultCalibrator",
                        new XElement(Ns + "PolynomialCalibrator",
                            new XElement(Ns + "Term", new XAttribute("coefficient", offset), new XAttribute("exponent", 0)),
                            new XElement(Ns + "Term", new XAttribute("coefficient", scale), new XAttribute("exponent", 1))))),
                Alarm(low, high));
        }

        if (type == DataType.Boolean && rawLow is null && rawHigh is null)
        {
            return new XElement(Ns + "BooleanParameterType", new XAttribute("name", name), Describe(description),
                UnitSet(unit), IntegerEncoding(bits, signed: false));
        }

        return new XElement(Ns + "IntegerParameterType", new XAttribute("name", name), Describe(description),
            new XAttribute("signed", signed), new XAttribute("sizeInBits", EngineeringBits(bits)),
            UnitSet(unit), IntegerEncoding(bits, signed), Alarm(rawLow, rawHigh));
    }

    /// <summary>A warning alarm outside [low, high]; either side may be open; null when neither is set.</summary>
    private static XElement? Alarm(double? low, double? high) =>
        low is null && high is null
            ? null
            : new XElement(Ns + "DefaultAlarm",
                new XElement(Ns + "StaticAlarmRanges",
                    new XElement(Ns + "WarningRange",
                        low is { } min ? new XAttribute("minInclusive", min) : null,
                        high is { } max ? new XAttribute("maxInclusive", max) : null)));

    private void AddVerificationContainers()
    {
        AddContainer(VerificationContainer, "ST[1] request verification report: request ID of the telecommand", isAbstract: true,
            VerificationRequestFields.Select(f => "verification_request_" + f["ccsds_".Length..]),
            TelemetryContainer, Comparisons((PusService, PusReports.VerificationService)));
        foreach ((byte subtype, string name, bool hasStep, bool hasFailure) in PusReports.Verification)
        {
            var entries = new List<string>();
            if (hasStep)
            {
                entries.Add(VerificationStep);
            }

            if (hasFailure)
            {
                entries.Add(VerificationFailureCode);
                entries.Add(VerificationFailureData);
            }

            entries.Add(PacketErrorControl);
            AddContainer(name, $"TM[1,{subtype}]", isAbstract: false, entries, VerificationContainer, Comparisons((PusSubtype, subtype)));
            _reports.Add((PusReports.VerificationService, subtype));
        }
    }

    private void AddHousekeepingContainers()
    {
        AddContainer(HousekeepingContainer, "TM[3,25] housekeeping parameter report: structure id, then the structure's parameters", isAbstract: true,
            [HousekeepingStructureId], TelemetryContainer,
            Comparisons((PusService, PusReports.HousekeepingService), (PusSubtype, PusReports.HousekeepingReportSubtype)));
        _reports.Add((PusReports.HousekeepingService, PusReports.HousekeepingReportSubtype));
        foreach (HousekeepingStructureDefinition s in _dictionary.HousekeepingStructures)
        {
            AddContainer("HK_" + s.Name, s.Description, isAbstract: false,
                s.ParameterIds.Select(id => _parameterNames[id]).Append(PacketErrorControl),
                HousekeepingContainer, Comparisons((HousekeepingStructureId, s.Id)));
        }
    }

    private void AddEventContainers()
    {
        AddContainer(EventContainer, "TM[5,1..4] event report: event id, then the event's arguments; the subtype is the severity", isAbstract: true,
            [EventId], TelemetryContainer,
            new XElement(Ns + "ComparisonList",
                Comparison(PusService, PusReports.EventService),
                Comparison(PusSubtype, (long)Severity.Informative, ">="),
                Comparison(PusSubtype, (long)Severity.High, "<=")));
        foreach (Severity severity in Enum.GetValues<Severity>())
        {
            _reports.Add((PusReports.EventService, (byte)severity));
        }
        foreach (EventDefinition e in _dictionary.Events)
        {
            AddContainer("EVENT_" + e.Name, e.Description, isAbstract: false,
                e.Arguments.Select(a => EventArgumentName(e, a)).Append(PacketErrorControl),
                EventContainer, Comparisons((PusSubtype, (long)e.Severity), (EventId, e.Id)));
        }
    }

    /// <summary>Every other report: its application data as one binary field, so a decoder still gets the header and the CRC.</summary>
    private void AddOtherContainer()
    {
        // Not any laid-out (service, subtype): the AND of "service != s OR subtype != t" over every pair.
        XElement[] notLaidOut = _reports.Select(r => new XElement(Ns + "ORedConditions",
            Condition(PusService, "!=", r.Service), Condition(PusSubtype, "!=", r.Subtype))).ToArray();
        XElement expression = notLaidOut.Length == 1 ? notLaidOut[0] : new XElement(Ns + "ANDedConditions", notLaidOut);
        _containers.Add(new XElement(Ns + "SequenceContainer",
            new XAttribute("name", _names.Claim(XtceNameKind.Container, OtherContainer, "the fallback container")),
            Describe("Any report that no other container lays out field by field"),
            new XElement(Ns + "EntryList", ParameterEntry(ApplicationData), ParameterEntry(PacketErrorControl)),
            new XElement(Ns + "BaseContainer", new XAttribute("containerRef", TelemetryContainer),
                new XElement(Ns + "RestrictionCriteria", new XElement(Ns + "BooleanExpression", expression)))));
    }

    private static XElement Condition(string parameter, string comparison, long value) =>
        new(Ns + "Condition",
            new XElement(Ns + "ParameterInstanceRef", new XAttribute("parameterRef", parameter), new XAttribute("useCalibratedValue", false)),
            new XElement(Ns + "ComparisonOperator", comparison),
            new XElement(Ns + "Value", value.ToString(CultureInfo.InvariantCulture)));

    private static XElement Comparisons(params (string Parameter, long Value)[] comparisons) =>
        new(Ns + "ComparisonList", comparisons.Select(c => Comparison(c.Parameter, c.Value)));

    /// <summary>A comparison of a field's raw value (so an enumerated field compares by number).</summary>
    private static XElement Comparison(string parameter, long value, string comparison = "==") =>
        new(Ns + "Comparison",
            new XAttribute("parameterRef", parameter),
            comparison == "==" ? null : new XAttribute("comparisonOperator", comparison),
            new XAttribute("value", value),
            new XAttribute("useCalibratedValue", false));

    private static XElement ParameterEntry(string parameter) =>
        new(Ns + "ParameterRefEntry", new XAttribute("parameterRef", parameter));

    private void AddContainer(string name, string? description, bool isAbstract, IEnumerable<string> entries, string? baseContainer, XElement? restriction)
    {
        string xtceName = _names.Claim(XtceNameKind.Container, name, "container " + name);
        _containers.Add(new XElement(Ns + "SequenceContainer",
            new XAttribute("name", xtceName), Describe(description),
            isAbstract ? new XAttribute("abstract", true) : null,
            new XElement(Ns + "EntryList", entries.Select(ParameterEntry)),
            baseContainer is null
                ? null
                : new XElement(Ns + "BaseContainer", new XAttribute("containerRef", baseContainer),
                    restriction is null ? null : new XElement(Ns + "RestrictionCriteria", restriction))));
    }

    /// <summary>An unsigned (or signed) integer field with a type of its own, named after it.</summary>
    private void AddField(string name, int bits, string description, string? unit = null, bool signed = false, XElement? encodingContent = null)
    {
        AddParameterType(new XElement(Ns + "IntegerParameterType",
            new XAttribute("name", TypeOf(name)), Describe(description),
            new XAttribute("signed", signed), new XAttribute("sizeInBits", EngineeringBits(bits)),
            UnitSet(unit), IntegerEncoding(bits, signed, encodingContent)));
        AddParameter(name, TypeOf(name), description);
    }

    private void AddParameterType(XElement type)
    {
        string name = (string)type.Attribute("name")!;
        _names.Claim(XtceNameKind.ParameterType, name, "type " + name);
        _parameterTypes.Add(type);
    }

    private void AddParameter(string name, string type, string description) =>
        _parameters.Add(new XElement(Ns + "Parameter",
            new XAttribute("name", _names.Claim(XtceNameKind.Parameter, name, "field " + name)),
            new XAttribute("parameterTypeRef", type), Describe(description)));

    private static string TypeOf(string field) => field + "_Type";
}
