using System.Globalization;
using System.Xml.Linq;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;

namespace Payload.Dictionary.Xtce;

/// <summary>The command side: an abstract PUS-C telecommand and one MetaCommand per dictionary command.</summary>
internal sealed partial class XtceDocumentBuilder
{
    internal const string TelecommandBase = "PUS_TC";
    internal const string TcService = "tc_service";
    internal const string TcSubtype = "tc_subtype";
    internal const string TcAckFlags = "tc_ack_flags";
    internal const string TcSourceId = "tc_source_id";

    private static readonly string[] BaseArguments = [TcService, TcSubtype, TcAckFlags, TcSourceId];

    private void AddCommands()
    {
        AddTelecommandBase();
        foreach (CommandDefinition command in _dictionary.Commands)
        {
            AddCommand(command);
        }
    }

    /// <summary>
    /// The abstract telecommand: primary header and PUS-C TC secondary header. Version, type, secondary header flag, APID,
    /// sequence flags and PUS version are fixed; sequence count and packet length are placeholders the link fills (as
    /// YAMCS's PusCommandPostprocessor does); ack flags and source ID are arguments with defaults; service and subtype
    /// are assigned by each command. The packet error control is appended by the link as well (see README.md).
    /// </summary>
    private void AddTelecommandBase()
    {
        AddArgumentType(IntegerArgumentType(TypeOf(TcService), "Service type ID", 8, signed: false, unit: null, 0, 255));
        AddArgumentType(IntegerArgumentType(TypeOf(TcSubtype), "Message subtype ID", 8, signed: false, unit: null, 0, 255));
        AddArgumentType(IntegerArgumentType(TypeOf(TcAckFlags), "Acknowledgement flags: 1 acceptance, 2 start, 4 progress, 8 completion",
            4, signed: false, unit: null, 0, (long)AckFlags.All));
        AddArgumentType(IntegerArgumentType(TypeOf(TcSourceId), "Source ID of the sender", 16, signed: false, unit: null, 0, ushort.MaxValue));

        string name = _names.Claim(XtceNameKind.MetaCommand, TelecommandBase, "the telecommand base");
        _names.Claim(XtceNameKind.CommandContainer, TelecommandBase, "the telecommand base");
        _metaCommands.Add(new XElement(Ns + "MetaCommand",
            new XAttribute("name", name), new XAttribute("abstract", true),
            Describe("PUS-C telecommand to the payload (CCSDS 133.0-B-2 primary header, ECSS-E-ST-70-41C TC secondary header)"),
            new XElement(Ns + "ArgumentList",
                Argument(TcService, TypeOf(TcService), "Service type ID", initialValue: null),
                Argument(TcSubtype, TypeOf(TcSubtype), "Message subtype ID", initialValue: null),
                Argument(TcAckFlags, TypeOf(TcAckFlags), "Which successful verification stages to report",
                    ((int)_options.AckFlags).ToString(CultureInfo.InvariantCulture)),
                Argument(TcSourceId, TypeOf(TcSourceId), "Source ID of the sender", _options.SourceId.ToString(CultureInfo.InvariantCulture))),
            new XElement(Ns + "CommandContainer",
                new XAttribute("name", TelecommandBase),
                new XElement(Ns + "EntryList",
                    FixedEntry(CcsdsVersion, 0, 3),
                    FixedEntry(CcsdsPacketType, 1, 1),
                    FixedEntry(CcsdsSecondaryHeaderFlag, 1, 1),
                    FixedEntry(CcsdsApid, _options.Apid, 11),
                    FixedEntry(CcsdsSequenceFlags, (long)SequenceFlags.Unsegmented, 2),
                    FixedEntry(CcsdsSequenceCount, 0, 14, "filled by the link"),
                    FixedEntry(CcsdsPacketLength, 0, 16, "filled by the link"),
                    FixedEntry(PusVersion, PusTcHeader.PusVersionC, 4),
                    ArgumentEntry(TcAckFlags),
                    ArgumentEntry(TcService),
                    ArgumentEntry(TcSubtype),
                    ArgumentEntry(TcSourceId)))));
    }

    private void AddCommand(CommandDefinition command)
    {
        string owner = "command " + command.Mnemonic;
        string name = _names.Claim(XtceNameKind.MetaCommand, command.Mnemonic, owner);
        _names.Claim(XtceNameKind.CommandContainer, name, owner);
        var argumentNames = new HashSet<string>(BaseArguments);
        var arguments = new List<XElement>();
        var entries = new List<XElement>();
        string? previous = null;
        foreach (ArgumentDefinition a in command.Arguments)
        {
            string argumentOwner = $"argument {a.Name} of {owner}";
            string argument = XtceNames.Sanitize(a.Name);
            if (!argumentNames.Add(argument))
            {
                throw new InvalidOperationException($"{argumentOwner}: XTCE argument name '{argument}' is already used by the command or by {TelecommandBase}");
            }

            string type = _names.Claim(XtceNameKind.ArgumentType, $"{name}_{argument}_Type", argumentOwner);
            _argumentTypes.Add(CommandArgumentType(type, argumentOwner, a, previous));
            arguments.Add(Argument(argument, type, a.Description, initialValue: null));
            entries.Add(ArgumentEntry(argument));
            previous = argument;
        }

        _metaCommands.Add(new XElement(Ns + "MetaCommand",
            new XAttribute("name", name), Describe(command.Description),
            AliasSet(("PUS", $"TC[{command.Service},{command.Subtype}]")),
            new XElement(Ns + "AncillaryDataSet",
                Ancillary("allowed_modes", string.Join(' ', DictionaryNames.ModeNames(command.AllowedModes))),
                Ancillary("timeout_ticks", command.TimeoutTicks.ToString(CultureInfo.InvariantCulture))),
            new XElement(Ns + "BaseMetaCommand",
                new XAttribute("metaCommandRef", TelecommandBase),
                new XElement(Ns + "ArgumentAssignmentList",
                    Assignment(TcService, command.Service),
                    Assignment(TcSubtype, command.Subtype))),
            arguments.Count == 0 ? null : new XElement(Ns + "ArgumentList", arguments),
            new XElement(Ns + "CommandContainer",
                new XAttribute("name", name),
                new XElement(Ns + "EntryList", entries),
                new XElement(Ns + "BaseContainer", new XAttribute("containerRef", TelecommandBase)))));
    }

    /// <summary>The type of a command argument: binary sized by the argument before it, enumerated, or an integer with its accepted range.</summary>
    private static XElement CommandArgumentType(string name, string owner, ArgumentDefinition a, string? previous)
    {
        if (a.Type == DataType.Bytes)
        {
            if (previous is null)
            {
                throw new InvalidOperationException($"{owner}: a bytes argument needs a length argument before it");
            }

            return new XElement(Ns + "BinaryArgumentType", new XAttribute("name", name),
                Describe($"{a.Description} ({a.Minimum}..{a.Maximum} octets, as many as {previous} says)"),
                UnitSet(a.Unit),
                new XElement(Ns + "BinaryDataEncoding",
                    new XElement(Ns + "SizeInBits",
                        new XElement(Ns + "DynamicValue",
                            new XElement(Ns + "ArgumentInstanceRef", new XAttribute("argumentRef", previous), new XAttribute("useCalibratedValue", false)),
                            new XElement(Ns + "LinearAdjustment", new XAttribute("slope", 8))))));
        }

        int bits = 8 * DataTypes.SizeOf(a.Type);
        bool signed = DataTypes.IsSigned(a.Type);
        if (a.EnumerationLabels is { Length: > 0 } labels)
        {
            return new XElement(Ns + "EnumeratedArgumentType", new XAttribute("name", name), Describe(a.Description),
                UnitSet(a.Unit), IntegerEncoding(bits, signed),
                EnumerationList(labels.Select((label, i) => (a.Minimum + i, label))));
        }

        return IntegerArgumentType(name, a.Description, bits, signed, a.Unit, a.Minimum, a.Maximum);
    }

    private static XElement IntegerArgumentType(string name, string description, int bits, bool signed, string? unit, long minimum, long maximum) =>
        new(Ns + "IntegerArgumentType", new XAttribute("name", name), Describe(description),
            new XAttribute("signed", signed), new XAttribute("sizeInBits", EngineeringBits(bits)),
            UnitSet(unit), IntegerEncoding(bits, signed),
            new XElement(Ns + "ValidRangeSet",
                new XElement(Ns + "ValidRange", new XAttribute("minInclusive", minimum), new XAttribute("maxInclusive", maximum))));

    private void AddArgumentType(XElement type)
    {
        string name = (string)type.Attribute("name")!;
        _names.Claim(XtceNameKind.ArgumentType, name, "type " + name);
        _argumentTypes.Add(type);
    }

    private static XElement Argument(string name, string type, string description, string? initialValue) =>
        new(Ns + "Argument", new XAttribute("name", name), new XAttribute("argumentTypeRef", type), Describe(description),
            initialValue is null ? null : new XAttribute("initialValue", initialValue));

    private static XElement ArgumentEntry(string argument) =>
        new(Ns + "ArgumentRefEntry", new XAttribute("argumentRef", argument));

    private static XElement Assignment(string argument, long value) =>
        new(Ns + "ArgumentAssignment", new XAttribute("argumentName", argument), new XAttribute("argumentValue", value));

    private static XElement FixedEntry(string name, long value, int bits, string? note = null) =>
        new(Ns + "FixedValueEntry",
            new XAttribute("name", name),
            note is null ? null : new XAttribute("shortDescription", note),
            new XAttribute("binaryValue", FixedHex(value, bits)),
            new XAttribute("sizeInBits", bits));
}
