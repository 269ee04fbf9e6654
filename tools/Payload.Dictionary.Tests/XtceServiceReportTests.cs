using System.Xml.Linq;
using Payload.Dictionary.Xtce;
using Payload.Flight.ConnectionTest;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Housekeeping;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Scheduling;
using Payload.Flight.Storage;
using Payload.Flight.Time;

namespace Payload.Dictionary.Tests;

/// <summary>The reports of the other services are laid out as their flight code writes them; everything else falls back.</summary>
public sealed class XtceServiceReportTests
{
    private static readonly XNamespace X = XtceWriter.Namespace;

    public static TheoryData<string, int, int> Reports => new()
    {
        { "TM_3_10_HK_STRUCTURE_REPORT", HousekeepingService.Service, HousekeepingService.StructureReportSubtype },
        { "TM_5_8_DISABLED_EVENTS", EventReporter.Service, EventReportingService.DisabledListSubtype },
        { "TM_9_2_TIME_REPORT", TimeService.Service, TimeService.TimeReportSubtype },
        { "TM_11_13_SCHEDULE_SUMMARY", TimeBasedSchedule.Service, TimeBasedSchedule.SummaryReportSubtype },
        { "TM_15_13_STORE_SUMMARY", PacketStore.Service, PacketStore.SummaryReportSubtype },
        { "TM_17_2_ALIVE_REPORT", ConnectionTestService.Service, ConnectionTestService.AliveReportSubtype },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Each_documented_report_has_a_container_selected_by_service_and_subtype(string name, int service, int subtype)
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());

        XElement container = Container(xtce, name);

        Assert.Equal("PUS_TM", (string?)container.Element(X + "BaseContainer")!.Attribute("containerRef"));
        Assert.Equal([("pus_service", service.ToString()), ("pus_subtype", subtype.ToString())], Restrictions(container));
        Assert.Equal("packet_error_control", Entries(container)[^1]);
    }

    [Fact]
    public void Fixed_length_reports_are_as_long_as_the_services_write_them()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());

        Assert.Equal(8 * (PacketStoreService.SummaryLength + PacketLimits.PacketErrorControlLength), Bits(xtce, Container(xtce, "TM_15_13_STORE_SUMMARY")));
        Assert.Equal(8 * (CucTime.Length + 1 + PacketLimits.PacketErrorControlLength), Bits(xtce, Container(xtce, "TM_9_2_TIME_REPORT")));
        Assert.Equal(["packet_error_control"], Entries(Container(xtce, "TM_17_2_ALIVE_REPORT")));
    }

    [Fact]
    public void Counted_lists_are_arrays_sized_by_the_count_before_them()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());

        XElement entries = Type(xtce, "st11_summary_entries_Type");
        Assert.Equal("st11_entry_Type", (string?)entries.Attribute("arrayTypeRef"));
        Assert.Equal("st11_summary_count", (string?)entries.Descendants(X + "ParameterInstanceRef").Single().Attribute("parameterRef"));
        Assert.Equal("-1", (string?)entries.Descendants(X + "LinearAdjustment").Single().Attribute("intercept"));
        // An entry: release time (CUC) and the request ID, TimeBasedSchedule.SummaryEntryLength octets.
        int entryBits = Type(xtce, "st11_entry_Type").Descendants(X + "Member")
            .Sum(m => (int)Type(xtce, (string)m.Attribute("typeRef")!).Element(X + "IntegerDataEncoding")!.Attribute("sizeInBits")!);
        Assert.Equal(8 * TimeBasedSchedule.SummaryEntryLength, entryBits);
        Assert.Equal(["st5_disabled_count", "st5_disabled_ids", "packet_error_control"], Entries(Container(xtce, "TM_5_8_DISABLED_EVENTS")));
        Assert.Equal("event_id_Type", (string?)Type(xtce, "st5_disabled_ids_Type").Attribute("arrayTypeRef"));
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void A_parameter_value_report_updates_the_parameter_itself(string name)
    {
        MissionDictionary dictionary = Dictionaries.Get(name);
        XDocument xtce = XtceWriter.Write(dictionary);

        Assert.Equal([("pus_service", ParameterService.Service.ToString()), ("pus_subtype", ParameterService.ValueReportSubtype.ToString())],
            Restrictions(Container(xtce, "PUS_TM_PARAMETER_VALUE")));
        foreach (ParameterDefinition p in dictionary.Parameters)
        {
            string parameter = p.Name.Replace('.', '_');
            XElement container = Container(xtce, "TM_20_2_" + parameter);
            Assert.Equal([("st20_value_parameter_id", p.Id.ToString())], Restrictions(container));
            Assert.Equal([parameter, "packet_error_control"], Entries(container));
        }
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void The_fallback_takes_exactly_the_reports_no_container_lays_out(string name)
    {
        XDocument xtce = XtceWriter.Write(Dictionaries.Get(name));

        var excluded = Container(xtce, "PUS_TM_OTHER").Descendants(X + "ORedConditions")
            .Select(o => o.Elements(X + "Condition").Select(c => int.Parse(c.Element(X + "Value")!.Value)).ToArray())
            .Select(v => (Service: v[0], Subtype: v[1]))
            .ToHashSet();

        var laidOut = new HashSet<(int, int)>();
        for (int s = 1; s <= 8; s++) laidOut.Add((1, s));
        for (int s = 1; s <= 4; s++) laidOut.Add((5, s));
        laidOut.Add((3, 25));
        laidOut.Add((20, 2));
        foreach ((string _, int service, int subtype) in Reports.Select(r => ((string)r[0], (int)r[1], (int)r[2])))
        {
            laidOut.Add((service, subtype));
        }

        Assert.Equal(laidOut.OrderBy(p => p), excluded.OrderBy(p => p));
    }

    private static XElement Container(XDocument xtce, string name) =>
        xtce.Descendants(X + "SequenceContainer").Single(c => (string?)c.Attribute("name") == name);

    private static XElement Type(XDocument xtce, string name) =>
        xtce.Descendants(X + "ParameterTypeSet").Elements().Single(e => (string?)e.Attribute("name") == name);

    private static (string, string)[] Restrictions(XElement container) =>
        container.Element(X + "BaseContainer")!.Descendants(X + "Comparison")
            .Select(c => ((string)c.Attribute("parameterRef")!, (string)c.Attribute("value")!)).ToArray();

    private static string[] Entries(XElement container) =>
        container.Element(X + "EntryList")!.Elements(X + "ParameterRefEntry").Select(e => (string)e.Attribute("parameterRef")!).ToArray();

    private static int Bits(XDocument xtce, XElement container) => Entries(container).Sum(p =>
    {
        string type = (string)xtce.Descendants(X + "Parameter").Single(e => (string?)e.Attribute("name") == p).Attribute("parameterTypeRef")!;
        return (int)Type(xtce, type).Element(X + "IntegerDataEncoding")!.Attribute("sizeInBits")!;
    });
}
