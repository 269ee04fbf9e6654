using System.Xml.Linq;
using Payload.Dictionary.Xtce;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;

namespace Payload.Dictionary.Tests;

/// <summary>What the XTCE says: one MetaCommand per command, one container per structure and event, header widths that add up.</summary>
public sealed class XtceContentTests
{
    private static readonly XNamespace X = XtceWriter.Namespace;

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void There_is_one_meta_command_per_command_derived_from_PUS_TC(string name)
    {
        MissionDictionary dictionary = Dictionaries.Get(name);
        XDocument xtce = XtceWriter.Write(dictionary);

        XElement[] commands = xtce.Descendants(X + "MetaCommand").Where(m => (string?)m.Attribute("abstract") != "true").ToArray();

        Assert.Equal(dictionary.Commands.Select(c => c.Mnemonic), commands.Select(m => (string)m.Attribute("name")!));
        foreach ((CommandDefinition definition, XElement command) in dictionary.Commands.Zip(commands))
        {
            XElement baseCommand = command.Element(X + "BaseMetaCommand")!;
            Assert.Equal("PUS_TC", (string?)baseCommand.Attribute("metaCommandRef"));
            Assert.Equal([("tc_service", definition.Service.ToString()), ("tc_subtype", definition.Subtype.ToString())],
                baseCommand.Descendants(X + "ArgumentAssignment").Select(a => ((string)a.Attribute("argumentName")!, (string)a.Attribute("argumentValue")!)));
            Assert.Equal(definition.Arguments.Select(a => a.Name),
                command.Element(X + "CommandContainer")!.Element(X + "EntryList")!.Elements(X + "ArgumentRefEntry").Select(e => (string)e.Attribute("argumentRef")!));
            Assert.Equal("PUS_TC", (string?)command.Element(X + "CommandContainer")!.Element(X + "BaseContainer")!.Attribute("containerRef"));
        }
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void There_is_one_container_per_housekeeping_structure_with_its_parameters_in_order(string name)
    {
        MissionDictionary dictionary = Dictionaries.Get(name);
        XDocument xtce = XtceWriter.Write(dictionary);

        foreach (HousekeepingStructureDefinition structure in dictionary.HousekeepingStructures)
        {
            XElement container = Container(xtce, "HK_" + structure.Name);
            Assert.Equal("PUS_TM_HOUSEKEEPING", BaseOf(container));
            Assert.Equal([("hk_structure_id", structure.Id.ToString())], Restrictions(container));
            Assert.Equal(structure.ParameterIds.Select(id => dictionary.FindParameter(id).Name.Replace('.', '_')).Append("packet_error_control"), Entries(container));
        }

        XElement housekeeping = Container(xtce, "PUS_TM_HOUSEKEEPING");
        Assert.Equal([("pus_service", "3"), ("pus_subtype", "25")], Restrictions(housekeeping));
        Assert.Equal(dictionary.HousekeepingStructures.Length, xtce.Descendants(X + "SequenceContainer").Count(c => BaseOf(c) == "PUS_TM_HOUSEKEEPING"));
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void There_is_one_container_per_event_selected_by_severity_and_id(string name)
    {
        MissionDictionary dictionary = Dictionaries.Get(name);
        XDocument xtce = XtceWriter.Write(dictionary);

        foreach (EventDefinition definition in dictionary.Events)
        {
            XElement container = Container(xtce, "EVENT_" + definition.Name);
            Assert.Equal("PUS_TM_EVENT", BaseOf(container));
            Assert.Equal([("pus_subtype", ((int)definition.Severity).ToString()), ("event_id", definition.Id.ToString())], Restrictions(container));
            Assert.Equal(definition.Arguments.Select(a => definition.Name + "_" + a.Name).Append("packet_error_control"), Entries(container));
        }

        // Subtypes 1..4 only: TM[5,8] is a list, not an event.
        Assert.Equal([("pus_service", "==", "5"), ("pus_subtype", ">=", "1"), ("pus_subtype", "<=", "4")],
            Container(xtce, "PUS_TM_EVENT").Element(X + "BaseContainer")!.Descendants(X + "Comparison").Select(c =>
                ((string)c.Attribute("parameterRef")!, (string?)c.Attribute("comparisonOperator") ?? "==", (string)c.Attribute("value")!)));
        Assert.Equal(dictionary.Events.Length, xtce.Descendants(X + "SequenceContainer").Count(c => BaseOf(c) == "PUS_TM_EVENT"));
    }

    [Fact]
    public void Every_verification_report_has_a_container_with_the_layout_the_reporter_writes()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        string[] failure = ["verification_failure_code", "verification_failure_data", "packet_error_control"];

        Assert.Equal(["packet_error_control"], Entries(Container(xtce, "TM_1_1_ACCEPTANCE_SUCCESS")));
        Assert.Equal(failure, Entries(Container(xtce, "TM_1_2_ACCEPTANCE_FAILURE")));
        Assert.Equal(failure, Entries(Container(xtce, "TM_1_4_START_FAILURE")));
        Assert.Equal(["verification_step", "packet_error_control"], Entries(Container(xtce, "TM_1_5_PROGRESS_SUCCESS")));
        Assert.Equal(["verification_step", .. failure], Entries(Container(xtce, "TM_1_6_PROGRESS_FAILURE")));
        Assert.Equal(failure, Entries(Container(xtce, "TM_1_8_COMPLETION_FAILURE")));
        Assert.Equal(8, xtce.Descendants(X + "SequenceContainer").Count(c => BaseOf(c) == "PUS_TM_VERIFICATION"));
        // Request ID (4 octets), step (2), failure code (2) and data (4), as VerificationReporter writes them.
        Assert.Equal(32, Bits(xtce, Entries(Container(xtce, "PUS_TM_VERIFICATION"))));
        Assert.Equal(16 + 16 + 32 + 16, Bits(xtce, Entries(Container(xtce, "TM_1_6_PROGRESS_FAILURE"))));
    }

    [Fact]
    public void Header_fields_add_up_to_the_protocol_header_lengths()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());

        Assert.Equal(8 * SpacePacketHeader.Length, Bits(xtce, Entries(Container(xtce, "CCSDS_SpacePacket"))));
        Assert.Equal(8 * PusTmHeader.Length, Bits(xtce, Entries(Container(xtce, "PUS_TM"))));
        XElement tc = xtce.Descendants(X + "MetaCommand").Single(m => (string?)m.Attribute("name") == "PUS_TC");
        XElement[] tcEntries = tc.Element(X + "CommandContainer")!.Element(X + "EntryList")!.Elements().ToArray();
        int tcBits = tcEntries.Sum(e => e.Name == X + "FixedValueEntry"
            ? (int)e.Attribute("sizeInBits")!
            : ArgumentTypeBits(xtce, tc, (string)e.Attribute("argumentRef")!));
        Assert.Equal(8 * (SpacePacketHeader.Length + PusTcHeader.Length), tcBits);
    }

    [Fact]
    public void Housekeeping_and_event_containers_are_as_long_as_their_data()
    {
        MissionDictionary dictionary = RichDictionary.Build();
        XDocument xtce = XtceWriter.Write(dictionary);

        foreach (HousekeepingStructureDefinition s in dictionary.HousekeepingStructures)
        {
            int octets = s.ParameterIds.Sum(id => DataTypes.SizeOf(dictionary.FindParameter(id).Type)) + PacketLimits.PacketErrorControlLength;
            Assert.Equal(8 * octets, Bits(xtce, Entries(Container(xtce, "HK_" + s.Name))));
        }

        foreach (EventDefinition e in dictionary.Events)
        {
            int octets = e.Arguments.Sum(a => DataTypes.SizeOf(a.Type)) + PacketLimits.PacketErrorControlLength;
            Assert.Equal(8 * octets, Bits(xtce, Entries(Container(xtce, "EVENT_" + e.Name))));
        }
    }

    [Fact]
    public void The_telecommand_base_fixes_the_constant_header_fields()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build(), new XtceOptions { Apid = 0x123, SourceId = 7, AckFlags = AckFlags.Acceptance | AckFlags.Completion });
        XElement tc = xtce.Descendants(X + "MetaCommand").Single(m => (string?)m.Attribute("name") == "PUS_TC");

        Dictionary<string, string> fixedValues = tc.Descendants(X + "FixedValueEntry").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Attribute("binaryValue")!);
        Assert.Equal("00", fixedValues["ccsds_version"]);
        Assert.Equal("01", fixedValues["ccsds_packet_type"]);
        Assert.Equal("01", fixedValues["ccsds_secondary_header_flag"]);
        Assert.Equal("0123", fixedValues["ccsds_apid"]);
        Assert.Equal("03", fixedValues["ccsds_sequence_flags"]);
        Assert.Equal("02", fixedValues["pus_version"]);
        Dictionary<string, string?> initial = tc.Descendants(X + "Argument").ToDictionary(a => (string)a.Attribute("name")!, a => (string?)a.Attribute("initialValue"));
        Assert.Equal("9", initial["tc_ack_flags"]);
        Assert.Equal("7", initial["tc_source_id"]);
        Assert.Equal("291", Container(xtce, "PUS_TM").Descendants(X + "Comparison").Single(c => (string?)c.Attribute("parameterRef") == "ccsds_apid").Attribute("value")!.Value);
    }

    [Fact]
    public void The_rich_dictionary_exercises_every_branch_of_the_writer()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());

        XElement Type(string name) => xtce.Descendants().Single(e => (string?)e.Attribute("name") == name);
        Assert.Equal("FloatParameterType", Type("test_temperature_Type").Name.LocalName);
        Assert.Single(Type("test_temperature_Type").Descendants(X + "PolynomialCalibrator"));
        Assert.Equal("BooleanParameterType", Type("test_flag_Type").Name.LocalName);
        Assert.Equal("IntegerParameterType", Type("test_flag_must_be_clear_Type").Name.LocalName);
        Assert.Equal("EnumeratedParameterType", Type("TEST_MODE_mode_Type").Name.LocalName);
        Assert.Equal("EnumeratedParameterType", Type("test_state_Type").Name.LocalName);
        Assert.Equal([("0", "IDLE"), ("1", "BUSY"), ("2", "DONE")], Type("test_state_Type").Descendants(X + "Enumeration")
            .Select(e => ((string?)e.Attribute("value"), (string?)e.Attribute("label"))));
        Assert.Equal("EnumeratedParameterType", Type("hk_structure_id_Type").Name.LocalName);
        Assert.Equal("EnumeratedArgumentType", Type("TEST_ALL_TYPES_level_Type").Name.LocalName);
        Assert.Equal("IntegerArgumentType", Type("TEST_ALL_TYPES_offset_Type").Name.LocalName);
        Assert.Equal("BinaryArgumentType", Type("TEST_UPLOAD_data_Type").Name.LocalName);
        Assert.Equal("length", (string?)Type("TEST_UPLOAD_data_Type").Descendants(X + "ArgumentInstanceRef").Single().Attribute("argumentRef"));
        Assert.Equal(("-1000", "1000"), Range(Type("TEST_ALL_TYPES_offset_Type")));
        Assert.Equal(("-50", "80"), Alarm(Type("test_temperature_Type")));
        Assert.Equal(("25", "95"), Alarm(Type("test_inverted_Type"))); // raw 10..150 at scale -0.5, offset 100
        Assert.Equal((null, "5"), Alarm(Type("test_count_Type")));
        Assert.Equal(("-5", null), Alarm(Type("test_signed_Type")));
        Assert.Empty(Type("test_doubled_Type").Descendants(X + "DefaultAlarm"));
        Assert.Single(xtce.Descendants(X + "MetaCommand").Single(m => (string?)m.Attribute("name") == "TEST_NOOP").Element(X + "CommandContainer")!.Elements(X + "EntryList"));
    }

    [Fact]
    public void The_flight_dictionary_without_structures_gets_a_plain_structure_id()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new ParameterDefinition(1, "only.one", DataType.UInt8, "", "Alone"));

        XDocument xtce = XtceWriter.Write(builder.Build());

        XElement type = xtce.Descendants().Single(e => (string?)e.Attribute("name") == "hk_structure_id_Type");
        Assert.Equal("IntegerParameterType", type.Name.LocalName);
        Assert.Empty(XtceSchema.Validator.Validate(xtce));
        Assert.Empty(XtceReferenceChecker.Check(xtce));
    }

    [Fact]
    public void The_header_carries_the_dictionary_hash()
    {
        MissionDictionary dictionary = RichDictionary.Build();

        XDocument xtce = XtceWriter.Write(dictionary);

        Assert.Equal("0x" + dictionary.Hash.ToString("X8"), (string?)xtce.Root!.Element(X + "Header")!.Attribute("version"));
        Assert.Equal("Payload", (string?)xtce.Root.Attribute("name"));
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void Output_is_deterministic(string name)
    {
        Assert.Equal(XtceWriter.Format(XtceWriter.Write(Dictionaries.Get(name))), XtceWriter.Format(XtceWriter.Write(Dictionaries.Get(name))));
    }

    [Fact]
    public void Names_that_collide_in_xtce_are_refused()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new ParameterDefinition(1, "a.b", DataType.UInt8, "", "Dotted"));
        builder.Add(new ParameterDefinition(2, "a_b", DataType.UInt8, "", "Underscored"));

        var error = Assert.Throws<InvalidOperationException>(() => XtceWriter.Write(builder.Build()));

        Assert.Contains("a_b", error.Message);
        Assert.Contains("a.b", error.Message);
    }

    [Fact]
    public void A_bytes_parameter_is_refused()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new ParameterDefinition(1, "blob", DataType.Bytes, "", "Not a telemetry type"));

        var error = Assert.Throws<InvalidOperationException>(() => XtceWriter.Write(builder.Build()));

        Assert.Contains("command arguments only", error.Message);
    }

    [Fact]
    public void A_bytes_argument_without_a_length_before_it_is_refused()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new CommandDefinition("X_BLOB", 200, 1, "Bytes first", [new ArgumentDefinition("data", DataType.Bytes, "", 0, 10, "Data")], 7, 1));

        var error = Assert.Throws<InvalidOperationException>(() => XtceWriter.Write(builder.Build()));

        Assert.Contains("length argument", error.Message);
    }

    [Fact]
    public void An_argument_named_like_a_header_argument_is_refused()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new CommandDefinition("X_CLASH", 200, 1, "Clash", [new ArgumentDefinition("tc_service", DataType.UInt8, "", "Clash")], 7, 1));

        var error = Assert.Throws<InvalidOperationException>(() => XtceWriter.Write(builder.Build()));

        Assert.Contains("tc_service", error.Message);
    }

    private static XElement Container(XDocument xtce, string name) =>
        xtce.Descendants(X + "SequenceContainer").Single(c => (string?)c.Attribute("name") == name);

    private static string? BaseOf(XElement container) => (string?)container.Element(X + "BaseContainer")?.Attribute("containerRef");

    private static (string, string)[] Restrictions(XElement container) =>
        container.Element(X + "BaseContainer")!.Descendants(X + "Comparison")
            .Select(c => ((string)c.Attribute("parameterRef")!, (string)c.Attribute("value")!)).ToArray();

    private static string[] Entries(XElement container) =>
        container.Element(X + "EntryList")!.Elements(X + "ParameterRefEntry").Select(e => (string)e.Attribute("parameterRef")!).ToArray();

    /// <summary>Encoded bits of the parameters, from their types' IntegerDataEncoding.</summary>
    private static int Bits(XDocument xtce, IEnumerable<string> parameters) => parameters.Sum(p =>
    {
        string type = (string)xtce.Descendants(X + "Parameter").Single(e => (string?)e.Attribute("name") == p).Attribute("parameterTypeRef")!;
        XElement typeElement = xtce.Descendants(X + "ParameterTypeSet").Elements().Single(e => (string?)e.Attribute("name") == type);
        return (int)typeElement.Element(X + "IntegerDataEncoding")!.Attribute("sizeInBits")!;
    });

    private static int ArgumentTypeBits(XDocument xtce, XElement command, string argument)
    {
        string type = (string)command.Descendants(X + "Argument").Single(a => (string?)a.Attribute("name") == argument).Attribute("argumentTypeRef")!;
        XElement typeElement = xtce.Descendants(X + "ArgumentTypeSet").Elements().Single(e => (string?)e.Attribute("name") == type);
        return (int)typeElement.Element(X + "IntegerDataEncoding")!.Attribute("sizeInBits")!;
    }

    private static (string?, string?) Range(XElement type)
    {
        XElement range = type.Descendants(X + "ValidRange").Single();
        return ((string?)range.Attribute("minInclusive"), (string?)range.Attribute("maxInclusive"));
    }

    private static (string?, string?) Alarm(XElement type)
    {
        XElement range = type.Descendants(X + "WarningRange").Single();
        return ((string?)range.Attribute("minInclusive"), (string?)range.Attribute("maxInclusive"));
    }
}
