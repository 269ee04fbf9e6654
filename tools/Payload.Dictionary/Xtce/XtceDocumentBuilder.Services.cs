using System.Xml.Linq;
using Payload.Flight.Dictionary;
using Payload.Flight.Storage;

namespace Payload.Dictionary.Xtce;

/// <summary>The reports of the other services, laid out as their flight code documents them (remarks of each service class).</summary>
internal sealed partial class XtceDocumentBuilder
{
    internal const string ParameterValueContainer = "PUS_TM_PARAMETER_VALUE";

    private void AddServiceReports()
    {
        // TM[3,10] (HousekeepingStructure.WriteLayout): sid u8, enabled u8, interval u32, count u16, parameter ids u16 × count.
        AddParameter("st3_layout_structure_id", TypeOf(HousekeepingStructureId), "Structure identifier");
        AddBooleanField("st3_layout_enabled", "1 while periodic generation is on");
        AddField("st3_layout_interval", 32, "Collection interval", unit: "frames");
        AddField("st3_layout_parameter_count", 16, "Parameters in the structure");
        AddArrayField("st3_layout_parameter_ids", TypeOf(ParameterId), "st3_layout_parameter_count", "The structure's parameters in report order");
        AddReport(PusReports.HousekeepingService, PusReports.HousekeepingStructureReportSubtype, "TM_3_10_HK_STRUCTURE_REPORT",
            "Housekeeping structure layout, state and interval",
            ["st3_layout_structure_id", "st3_layout_enabled", "st3_layout_interval", "st3_layout_parameter_count", "st3_layout_parameter_ids"]);

        // TM[5,8] (EventReportingService): count u16, then each disabled event id u16, ascending.
        AddField("st5_disabled_count", 16, "Events whose reports are disabled");
        AddArrayField("st5_disabled_ids", TypeOf(EventId), "st5_disabled_count", "The disabled events, ascending");
        AddReport(PusReports.EventService, PusReports.DisabledEventsSubtype, "TM_5_8_DISABLED_EVENTS", "Disabled event definitions list",
            ["st5_disabled_count", "st5_disabled_ids"]);

        // TM[9,2] (TimeService): CUC time (u32 s + u16 2^-16 s), then 1 when on-board time is synchronised.
        AddParameter("st9_time_coarse", TypeOf(PusTimeCoarse), "On-board time: whole seconds since the mission epoch");
        AddParameter("st9_time_fine", TypeOf(PusTimeFine), "On-board time: fraction of a second in units of 2^-16 s");
        AddBooleanField("st9_time_synchronised", "1 once the ground has set the time");
        AddReport(PusReports.TimeService, PusReports.TimeReportSubtype, "TM_9_2_TIME_REPORT", "CUC time report",
            ["st9_time_coarse", "st9_time_fine", "st9_time_synchronised"]);

        // TM[11,13] (TimeBasedSchedule): count u16, then per entry release time (CUC) and the request ID of its telecommand.
        AddIntegerType("st11_request_word_Type", 16, "A 16-bit word of a telecommand's request ID", unit: null, signed: false);
        AddParameterType(new XElement(Ns + "AggregateParameterType",
            new XAttribute("name", "st11_entry_Type"), Describe("A schedule entry: release time and the request ID of its telecommand"),
            new XElement(Ns + "MemberList",
                Member("release_coarse", TypeOf(PusTimeCoarse), "Release time: whole seconds since the mission epoch"),
                Member("release_fine", TypeOf(PusTimeFine), "Release time: fraction of a second in units of 2^-16 s"),
                Member("packet_id", "st11_request_word_Type", "Packet ID of the telecommand"),
                Member("sequence_control", "st11_request_word_Type", "Sequence control of the telecommand"))));
        AddField("st11_summary_count", 16, "Entries in the report");
        AddArrayField("st11_summary_entries", "st11_entry_Type", "st11_summary_count", "The schedule's entries");
        AddReport(PusReports.ScheduleService, PusReports.ScheduleSummarySubtype, "TM_11_13_SCHEDULE_SUMMARY", "Time-based schedule summary report",
            ["st11_summary_count", "st11_summary_entries"]);

        // TM[15,13] (PacketStoreService): the summary of the packet store, PacketStoreService.SummaryLength octets.
        AddField("st15_packets_held", 32, "Packets in the store", unit: "packets");
        AddField("st15_bytes_used", 32, "Octets in use", unit: "octets");
        AddField("st15_capacity_bytes", 32, "Capacity in octets", unit: "octets");
        AddField("st15_capacity_packets", 32, "Capacity in packets", unit: "packets");
        AddParameter("st15_oldest_coarse", TypeOf(PusTimeCoarse), "Time of the oldest packet: seconds (0 when empty)");
        AddParameter("st15_oldest_fine", TypeOf(PusTimeFine), "Time of the oldest packet: 2^-16 s");
        AddParameter("st15_newest_coarse", TypeOf(PusTimeCoarse), "Time of the newest packet: seconds (0 when empty)");
        AddParameter("st15_newest_fine", TypeOf(PusTimeFine), "Time of the newest packet: 2^-16 s");
        AddField("st15_oldest_sequence", 16, "Sequence count of the oldest packet (u16 on the wire)");
        AddField("st15_newest_sequence", 16, "Sequence count of the newest packet (u16 on the wire)");
        AddParameterType(new XElement(Ns + "EnumeratedParameterType",
            new XAttribute("name", "st15_policy_Type"), Describe("What the store does when full"),
            IntegerEncoding(8, signed: false),
            EnumerationList(Enum.GetValues<StoreOverflowPolicy>().Select(p => ((long)p, DictionaryNames.UpperSnake(p.ToString()))))));
        AddParameter("st15_policy", "st15_policy_Type", "Overflow policy");
        AddBooleanField("st15_enabled", "1 while storage is on");
        AddField("st15_stored", 32, "Packets stored since boot", unit: "packets");
        AddField("st15_overwritten", 32, "Packets overwritten since boot", unit: "packets");
        AddField("st15_refused", 32, "Packets refused since boot", unit: "packets");
        AddField("st15_deleted", 32, "Packets deleted since boot", unit: "packets");
        AddReport(PusReports.StorageService, PusReports.StoreSummarySubtype, "TM_15_13_STORE_SUMMARY", "Packet store summary report",
            ["st15_packets_held", "st15_bytes_used", "st15_capacity_bytes", "st15_capacity_packets",
             "st15_oldest_coarse", "st15_oldest_fine", "st15_newest_coarse", "st15_newest_fine",
             "st15_oldest_sequence", "st15_newest_sequence", "st15_policy", "st15_enabled",
             "st15_stored", "st15_overwritten", "st15_refused", "st15_deleted"]);

        // TM[17,2] (ConnectionTestService): no application data.
        AddReport(PusReports.TestService, PusReports.AliveReportSubtype, "TM_17_2_ALIVE_REPORT", "Are-you-alive report", []);

        // TM[20,2] (ParameterService): count u16 (always 1), parameter id u16, value in the parameter's own type; one
        // container per parameter, so the report updates the parameter itself.
        AddField("st20_value_count", 16, "Parameters in the report (always 1)");
        AddParameter("st20_value_parameter_id", TypeOf(ParameterId), "The reported parameter");
        AddContainer(ParameterValueContainer, "TM[20,2] parameter value report: count, parameter id, then the value in the parameter's type",
            isAbstract: true, ["st20_value_count", "st20_value_parameter_id"], TelemetryContainer,
            Comparisons((PusService, PusReports.ParameterService), (PusSubtype, PusReports.ParameterValueSubtype)));
        _reports.Add((PusReports.ParameterService, PusReports.ParameterValueSubtype));
        foreach (ParameterDefinition p in _dictionary.Parameters)
        {
            AddContainer("TM_20_2_" + _parameterNames[p.Id], $"TM[20,2] value of {p.Name}", isAbstract: false,
                [_parameterNames[p.Id], PacketErrorControl], ParameterValueContainer, Comparisons(("st20_value_parameter_id", p.Id)));
        }
    }

    /// <summary>A concrete report container: TM[service, subtype] with its fields, then the packet error control.</summary>
    private void AddReport(byte service, byte subtype, string name, string description, IEnumerable<string> entries)
    {
        AddContainer(name, $"TM[{service},{subtype}] {description}", isAbstract: false, entries.Append(PacketErrorControl),
            TelemetryContainer, Comparisons((PusService, service), (PusSubtype, subtype)));
        _reports.Add((service, subtype));
    }

    private void AddBooleanField(string name, string description)
    {
        AddParameterType(new XElement(Ns + "BooleanParameterType",
            new XAttribute("name", TypeOf(name)), Describe(description), IntegerEncoding(8, signed: false)));
        AddParameter(name, TypeOf(name), description);
    }

    private void AddIntegerType(string name, int bits, string description, string? unit, bool signed) =>
        AddParameterType(new XElement(Ns + "IntegerParameterType",
            new XAttribute("name", name), Describe(description),
            new XAttribute("signed", signed), new XAttribute("sizeInBits", EngineeringBits(bits)),
            UnitSet(unit), IntegerEncoding(bits, signed)));

    /// <summary>An array field whose length is the value of <paramref name="countField"/>, read just before it.</summary>
    private void AddArrayField(string name, string elementType, string countField, string description)
    {
        AddParameterType(new XElement(Ns + "ArrayParameterType",
            new XAttribute("name", TypeOf(name)), Describe(description), new XAttribute("arrayTypeRef", elementType),
            new XElement(Ns + "DimensionList",
                new XElement(Ns + "Dimension",
                    new XElement(Ns + "StartingIndex", new XElement(Ns + "FixedValue", 0)),
                    new XElement(Ns + "EndingIndex",
                        new XElement(Ns + "DynamicValue",
                            new XElement(Ns + "ParameterInstanceRef", new XAttribute("parameterRef", countField), new XAttribute("useCalibratedValue", false)),
                            new XElement(Ns + "LinearAdjustment", new XAttribute("slope", 1), new XAttribute("intercept", -1))))))));
        AddParameter(name, TypeOf(name), description);
    }

    private static XElement Member(string name, string type, string description) =>
        new(Ns + "Member", new XAttribute("name", name), Describe(description), new XAttribute("typeRef", type));
}
