using System.Globalization;
using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Commanding;

/// <summary>Turns what an operator or a script gives for one argument (number, string, label, name, octets) into its wire value.</summary>
/// <remarks>Range checks are the encoder's; this only converts, and says what form was expected when it cannot.</remarks>
internal static class ArgumentParser
{
    /// <summary>
    /// The integer <paramref name="value"/> stands for, for a fixed-size argument; a label of <paramref name="subject"/> too,
    /// when the argument sets that labelled parameter.
    /// </summary>
    public static long ToInteger(MissionDictionary dictionary, CommandDefinition command, ArgumentDefinition argument, object? value,
        ParameterDefinition? subject = null)
    {
        switch (value)
        {
            case null:
                throw Error(command, argument, "has no value");
            case bool flag:
                return flag ? 1 : 0;
            case Enum enumeration:
                return Convert.ToInt64(enumeration, CultureInfo.InvariantCulture);
            case ulong large when large > long.MaxValue:
                throw Error(command, argument, $"= {large} is out of range {Range(argument)}");
            case sbyte or byte or short or ushort or int or uint or long or ulong:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case float or double or decimal:
                double real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (real != Math.Floor(real) || real < long.MinValue || real > long.MaxValue)
                    throw Error(command, argument, $"= {real.ToString(CultureInfo.InvariantCulture)} is not an integer ({Expected(argument)})");
                return (long)real;
            case string text:
                return ParseInteger(dictionary, command, argument, text, subject);
            default:
                throw Error(command, argument, $"cannot be given as a {value.GetType().Name} ({Expected(argument)})");
        }
    }

    /// <summary>The octets <paramref name="value"/> stands for, for a <see cref="DataType.Bytes"/> argument.</summary>
    public static byte[] ToBytes(CommandDefinition command, ArgumentDefinition argument, object? value)
    {
        switch (value)
        {
            case null:
                throw Error(command, argument, "has no value");
            case byte[] octets:
                return octets;
            case ArraySegment<byte> segment:
                return segment.ToArray();
            case ReadOnlyMemory<byte> memory:
                return memory.ToArray();
            case Memory<byte> memory:
                return memory.ToArray();
            case EncodedCommand embedded:
                return embedded.Packet;
            case string text:
                return ParseHex(text) ?? throw Error(command, argument, $"= '{text}' is not hex octets (e.g. 0A1B2C or 0x0A1B2C)");
            default:
                throw Error(command, argument, $"cannot be given as a {value.GetType().Name} (octets: byte[] or a hex string)");
        }
    }

    /// <summary>"lo..hi".</summary>
    public static string Range(ArgumentDefinition argument) =>
        $"{argument.Minimum.ToString(CultureInfo.InvariantCulture)}..{argument.Maximum.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What forms a value of <paramref name="argument"/> may take, for messages.</summary>
    public static string Expected(ArgumentDefinition argument)
    {
        if (argument.Type == DataType.Bytes) return $"hex octets, {Range(argument)} of them";
        string forms = $"{argument.Type}, {Range(argument)}";
        if (ValueFormat.Labels(argument) is { } labels) forms += ": " + labels;
        if (argument.Type == DataType.Boolean) forms += ": true or false";
        if (ReferenceNames.Describe(argument.Name) is { } named) forms += ", or " + named;
        return forms;
    }

    /// <summary>An exception whose message starts "MNEMONIC: argument 'name' ".</summary>
    public static CommandEncodingException Error(CommandDefinition command, ArgumentDefinition argument, string problem) =>
        new(command.Mnemonic, $"{command.Mnemonic}: argument '{argument.Name}' {problem}");

    private static long ParseInteger(MissionDictionary dictionary, CommandDefinition command, ArgumentDefinition argument, string text,
        ParameterDefinition? subject)
    {
        string trimmed = text.Trim();
        if (argument.EnumerationLabels is { } labels)
        {
            int index = Array.FindIndex(labels, label => Same(label, trimmed));
            if (index >= 0) return argument.Minimum + index;
        }

        if (subject?.EnumerationLabels is { } parameterLabels)
        {
            int index = Array.FindIndex(parameterLabels, label => Same(label, trimmed));
            if (index >= 0) return index;
        }

        if (argument.Type == DataType.Boolean)
        {
            switch (trimmed.ToLowerInvariant())
            {
                case "true" or "on" or "yes": return 1;
                case "false" or "off" or "no": return 0;
            }
        }

        if (TryParseNumber(trimmed, out long number)) return number;

        if (ReferenceNames.ValueOf(dictionary, argument.Name, trimmed) is { } id) return id;

        string expected = subject?.EnumerationLabels is { } named ? $"a number or a label of {subject.Name} ({string.Join(", ", named)})"
            : ValueFormat.Labels(argument) is { } known ? $"a number or one of {known}"
            : argument.Type == DataType.Boolean ? "true, false, 1 or 0"
            : ReferenceNames.Describe(argument.Name) is { } what ? $"a number or {what}"
            : $"an integer ({argument.Type}, {Range(argument)})";
        throw Error(command, argument, $"= '{text}' is not {expected}");
    }

    private static bool TryParseNumber(string text, out long value)
    {
        string digits = text.Replace("_", "", StringComparison.Ordinal);
        bool negative = digits.StartsWith('-');
        string magnitude = negative || digits.StartsWith('+') ? digits[1..] : digits;
        bool parsed;
        ulong unsigned;
        if (magnitude.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            parsed = ulong.TryParse(magnitude.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out unsigned);
        else if (magnitude.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            parsed = ulong.TryParse(magnitude.AsSpan(2), NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture, out unsigned);
        else
            parsed = ulong.TryParse(magnitude, NumberStyles.None, CultureInfo.InvariantCulture, out unsigned);
        value = 0;
        if (!parsed || magnitude.Length == 0) return false;
        if (negative)
        {
            if (unsigned > (ulong)long.MaxValue + 1) return false;
            value = unchecked(-(long)unsigned);
            return true;
        }
        if (unsigned > long.MaxValue) return false;
        value = (long)unsigned;
        return true;
    }

    private static byte[]? ParseHex(string text)
    {
        string hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex[2..];
        hex = string.Concat(hex.Where(c => c is not (' ' or ':' or '-' or '_')));
        if (hex.Length % 2 != 0) return null;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
