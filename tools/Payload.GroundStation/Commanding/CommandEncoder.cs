using System.Globalization;
using Payload.Flight.Config;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;

namespace Payload.GroundStation.Commanding;

/// <summary>
/// Builds telecommands by mnemonic from a <see cref="MissionDictionary"/>: binds positional and named arguments,
/// converts and range-checks them as the flight code will, computes the length before a Bytes argument, and numbers
/// each packet (14-bit sequence count, wrapping).
/// </summary>
/// <remarks>
/// Arguments may be given positionally (in wire order, computed lengths left out) or by name, as "name=value" strings
/// or <see cref="NamedArgument"/>s; positional ones come first. Values may be numbers, bools, enums, strings (decimal,
/// 0x hex, 0b binary, an enumeration label, or for param_id/event_id/sid/function_id the item's name; for PARAM_SET's
/// value, a label of the labelled parameter its param_id names), and for Bytes
/// arguments byte[] or hex strings or another <see cref="EncodedCommand"/> (its packet). Every problem is a
/// <see cref="CommandEncodingException"/> whose message says what is wrong and what is allowed. Thread-safe.
/// </remarks>
public sealed class CommandEncoder
{
    private readonly Dictionary<string, CommandDefinition> _commands;
    private readonly Lock _sequenceLock = new();
    private ushort _nextSequenceCount;

    /// <summary>Creates an encoder for commands to <paramref name="apid"/> from <paramref name="sourceId"/>.</summary>
    public CommandEncoder(MissionDictionary dictionary, ushort apid = FlightConfiguration.Apid, ushort sourceId = FlightConfiguration.GroundId)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        if (apid > PacketLimits.MaxApid) throw new ArgumentOutOfRangeException(nameof(apid));
        Dictionary = dictionary;
        Apid = apid;
        SourceId = sourceId;
        _commands = dictionary.Commands.ToDictionary(c => c.Mnemonic, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The dictionary commands are built from.</summary>
    public MissionDictionary Dictionary { get; }

    /// <summary>The destination APID.</summary>
    public ushort Apid { get; }

    /// <summary>The PUS source ID written into every telecommand.</summary>
    public ushort SourceId { get; }

    /// <summary>The acknowledgement flags of commands built without explicit ones.</summary>
    public AckFlags DefaultAckFlags { get; set; } = AckFlags.All;

    /// <summary>The sequence count the next command gets (0..16383); it wraps to 0 after 16383.</summary>
    public ushort NextSequenceCount
    {
        get { lock (_sequenceLock) return _nextSequenceCount; }
        set
        {
            if (value > PacketLimits.MaxSequenceCount) throw new ArgumentOutOfRangeException(nameof(value), "sequence counts have 14 bits (0..16383)");
            lock (_sequenceLock) _nextSequenceCount = value;
        }
    }

    /// <summary>The command called <paramref name="mnemonic"/> (any case).</summary>
    /// <exception cref="CommandEncodingException">No such command; the message suggests close mnemonics.</exception>
    public CommandDefinition Find(string mnemonic)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        if (_commands.TryGetValue(mnemonic.Trim(), out CommandDefinition? definition)) return definition;
        string[] close = _commands.Keys
            .Select(k => (Name: k, Distance: EditDistance(k, mnemonic.Trim().ToUpperInvariant())))
            .Where(k => k.Distance <= 3 || k.Name.Contains(mnemonic.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(3).Select(k => k.Name).ToArray();
        string hint = close.Length > 0 ? $"; did you mean {string.Join(" or ", close)}?" : $"; {_commands.Count} commands are declared";
        throw new CommandEncodingException(null, $"unknown command '{mnemonic}'{hint}");
    }

    /// <summary>Builds <paramref name="mnemonic"/> with <paramref name="arguments"/> and the default acknowledgement flags.</summary>
    /// <exception cref="CommandEncodingException">The mnemonic or an argument is wrong.</exception>
    public EncodedCommand Encode(string mnemonic, params object?[] arguments) => Encode(mnemonic, arguments, DefaultAckFlags);

    /// <summary>Builds <paramref name="mnemonic"/> with <paramref name="arguments"/>, asking for the verification stages in <paramref name="ackFlags"/>.</summary>
    /// <exception cref="CommandEncodingException">The mnemonic or an argument is wrong.</exception>
    public EncodedCommand Encode(string mnemonic, IReadOnlyList<object?> arguments, AckFlags ackFlags) =>
        Encode(Find(mnemonic), arguments, ackFlags);

    /// <summary>Builds <paramref name="command"/> with <paramref name="arguments"/>, asking for the verification stages in <paramref name="ackFlags"/>.</summary>
    /// <exception cref="CommandEncodingException">An argument is wrong.</exception>
    public EncodedCommand Encode(CommandDefinition command, IReadOnlyList<object?> arguments, AckFlags ackFlags)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        if (((int)ackFlags & ~(int)AckFlags.All) != 0) throw new ArgumentOutOfRangeException(nameof(ackFlags), "acknowledgement flags have 4 bits");
        ArgumentValue[] values = Bind(command, arguments);
        byte[] appData = Serialise(command, values);

        // The count is taken only once everything else has been checked, so a refused command leaves no gap.
        ushort sequence;
        lock (_sequenceLock)
        {
            sequence = _nextSequenceCount;
            _nextSequenceCount = (ushort)((sequence + 1) & PacketLimits.MaxSequenceCount);
        }

        var packet = new byte[PacketLimits.MinTelecommandLength + appData.Length];
        PacketStatus status = TelecommandCodec.TryEncode(Apid, sequence, ackFlags, command.Service, command.Subtype, SourceId,
            appData, 0, appData.Length, packet, 0, out int written);
        if (status != PacketStatus.Ok || written != packet.Length)
            throw new CommandEncodingException(command.Mnemonic, $"{command.Mnemonic}: the packet could not be built ({status})");
        return new EncodedCommand
        {
            Definition = command,
            Arguments = values,
            Packet = packet,
            RequestId = RequestId.Of(packet),
            AckFlags = ackFlags,
            SourceId = SourceId,
        };
    }

    /// <summary>Builds a command from one line as an operator types it: "MODE_SET mode=STANDBY" or "MODE_SET STANDBY".</summary>
    /// <remarks>Tokens are separated by white space or commas; a token "name=value" is a named argument.</remarks>
    /// <exception cref="CommandEncodingException">The line is empty, or the mnemonic or an argument is wrong.</exception>
    public EncodedCommand Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] tokens = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) throw new CommandEncodingException(null, "no command given");
        return Encode(tokens[0], tokens.Skip(1).Cast<object?>().ToArray(), DefaultAckFlags);
    }

    /// <summary>A one-line synopsis of a command, e.g. "MODE_SET mode:UInt8 0..2 (SAFE, STANDBY, ACQUIRE)".</summary>
    public static string Synopsis(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        IEnumerable<string> arguments = command.Arguments
            .Where((a, i) => !IsComputedLength(command, i))
            .Select(a => $"{a.Name}:{a.Type} {ArgumentParser.Range(a)}" + (ValueFormat.Labels(a) is { } labels ? $" ({labels})" : ""));
        return string.Join(' ', arguments.Prepend(command.Mnemonic));
    }

    /// <summary>True when argument <paramref name="index"/> is the length of the Bytes argument after it, which the encoder computes.</summary>
    public static bool IsComputedLength(CommandDefinition command, int index)
    {
        ArgumentNullException.ThrowIfNull(command);
        return index + 1 < command.Arguments.Length && command.Arguments[index + 1].Type == DataType.Bytes;
    }

    private ArgumentValue[] Bind(CommandDefinition command, IReadOnlyList<object?> given)
    {
        ArgumentDefinition[] declared = command.Arguments;
        var supplied = new object?[declared.Length];
        var present = new bool[declared.Length];
        int[] positional = Enumerable.Range(0, declared.Length).Where(i => !IsComputedLength(command, i)).ToArray();
        int nextPositional = 0;
        bool namedSeen = false;

        foreach (object? argument in given)
        {
            if (TryNamed(argument, out string? name, out object? value))
            {
                int index = Array.FindIndex(declared, a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    string names = declared.Length == 0 ? "it takes none" : "arguments are: " + string.Join(", ", declared.Select(a => a.Name));
                    throw new CommandEncodingException(command.Mnemonic, $"{command.Mnemonic}: no argument named '{name}'; {names}");
                }
                if (present[index]) throw ArgumentParser.Error(command, declared[index], "is given twice");
                supplied[index] = value;
                present[index] = true;
                namedSeen = true;
                continue;
            }

            if (namedSeen)
                throw new CommandEncodingException(command.Mnemonic, $"{command.Mnemonic}: positional argument '{argument}' after a named one; give positional arguments first");
            if (nextPositional >= positional.Length)
                throw new CommandEncodingException(command.Mnemonic,
                    $"{command.Mnemonic}: too many arguments: expected {Count(positional.Length)}{Listing(command, positional)}, got {given.Count}{ComputedNote(command)}");
            int slot = positional[nextPositional++];
            if (present[slot]) throw ArgumentParser.Error(command, declared[slot], "is given twice");
            supplied[slot] = argument;
            present[slot] = true;
        }

        var values = new ArgumentValue[declared.Length];
        // Bytes first, so the computed length before each is known when it is bound.
        for (int i = declared.Length - 1; i >= 0; i--)
        {
            ArgumentDefinition argument = declared[i];
            if (argument.Type == DataType.Bytes)
            {
                if (i != declared.Length - 1 || i == 0)
                    throw new CommandEncodingException(command.Mnemonic, $"{command.Mnemonic}: the dictionary declares Bytes argument '{argument.Name}' where the flight code cannot decode it (it must be last, after its length)");
                if (!present[i]) throw Missing(command, argument);
                byte[] octets = ArgumentParser.ToBytes(command, argument, supplied[i]);
                if (octets.Length < argument.Minimum || octets.Length > argument.Maximum)
                    throw ArgumentParser.Error(command, argument, $"has {octets.Length} octets; allowed {ArgumentParser.Range(argument)}");
                values[i] = new ArgumentValue { Definition = argument, Value = octets.Length, Bytes = octets };
                continue;
            }

            if (IsComputedLength(command, i))
            {
                long length = values[i + 1].Value;
                if (present[i])
                {
                    long stated = ArgumentParser.ToInteger(Dictionary, command, argument, supplied[i]);
                    if (stated != length)
                        throw ArgumentParser.Error(command, argument, $"= {stated} does not match the {length} octets of '{declared[i + 1].Name}' (leave it out: it is computed)");
                }
                CheckRange(command, argument, length);
                values[i] = new ArgumentValue { Definition = argument, Value = length, Computed = true };
                continue;
            }

            if (!present[i]) throw Missing(command, argument);
            ParameterDefinition? subject = SubjectOf(command, i, supplied, present);
            long integer = ArgumentParser.ToInteger(Dictionary, command, argument, supplied[i], subject);
            CheckRange(command, argument, integer);
            values[i] = new ArgumentValue
            {
                Definition = argument,
                Value = integer,
                Reference = ReferenceNames.NameOf(Dictionary, argument.Name, integer),
                Label = subject is null ? null : ValueFormat.Label(subject, integer),
            };
        }
        return values;
    }

    // The labelled parameter a value argument sets; its param_id is bound after it (the loop runs backwards), so it is read here.
    private ParameterDefinition? SubjectOf(CommandDefinition command, int index, object?[] supplied, bool[] present)
    {
        int parameterId = ParameterValueArgument.ParameterIdIndex(command, index);
        if (parameterId < 0 || !present[parameterId]) return null;
        long id = ArgumentParser.ToInteger(Dictionary, command, command.Arguments[parameterId], supplied[parameterId]);
        return ParameterValueArgument.Labelled(Dictionary, id);
    }

    private static byte[] Serialise(CommandDefinition command, ArgumentValue[] values)
    {
        int length = values.Sum(v => v.Bytes?.Length ?? DataTypes.SizeOf(v.Definition.Type));
        if (length > PacketLimits.MaxTelecommandApplicationDataLength)
            throw new CommandEncodingException(command.Mnemonic,
                $"{command.Mnemonic}: {length} octets of arguments exceed the {PacketLimits.MaxTelecommandApplicationDataLength} a telecommand can carry");
        var data = new byte[length];
        int offset = 0;
        foreach (ArgumentValue value in values)
        {
            if (value.Bytes is { } octets)
            {
                octets.CopyTo(data, offset);
                offset += octets.Length;
            }
            else
            {
                offset += DataTypes.Write(value.Definition.Type, value.Value, data, offset);
            }
        }
        return data;
    }

    private static void CheckRange(CommandDefinition command, ArgumentDefinition argument, long value)
    {
        if (value >= argument.Minimum && value <= argument.Maximum) return;
        string labels = ValueFormat.Labels(argument) is { } known ? $" ({known})" : "";
        throw ArgumentParser.Error(command, argument, $"= {value.ToString(CultureInfo.InvariantCulture)} is out of range {ArgumentParser.Range(argument)}{labels}");
    }

    private static CommandEncodingException Missing(CommandDefinition command, ArgumentDefinition argument) =>
        ArgumentParser.Error(command, argument, $"is missing ({ArgumentParser.Expected(argument)})");

    private static bool TryNamed(object? argument, out string? name, out object? value)
    {
        switch (argument)
        {
            case NamedArgument named:
                (name, value) = (named.Name, named.Value);
                return true;
            case KeyValuePair<string, object?> pair:
                (name, value) = (pair.Key, pair.Value);
                return true;
            case string text when text.IndexOf('=') is > 0 and var at && IsIdentifier(text.AsSpan(0, at)):
                (name, value) = (text[..at], text[(at + 1)..]);
                return true;
            default:
                (name, value) = (null, null);
                return false;
        }
    }

    private static bool IsIdentifier(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !(char.IsAsciiLetter(text[0]) || text[0] == '_')) return false;
        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    private static string ComputedNote(CommandDefinition command)
    {
        string[] computed = command.Arguments.Where((_, i) => IsComputedLength(command, i)).Select(a => a.Name).ToArray();
        return computed.Length == 0 ? "" : $"; {string.Join(", ", computed)} {(computed.Length == 1 ? "is" : "are")} computed";
    }

    private static string Count(int n) => n == 1 ? "1 argument" : $"{n} arguments";

    private static string Listing(CommandDefinition command, int[] positional) =>
        positional.Length == 0 ? "" : " (" + string.Join(", ", positional.Select(i => command.Arguments[i].Name)) + ")";

    private static int EditDistance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
