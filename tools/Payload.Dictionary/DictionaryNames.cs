using System.Globalization;
using System.Text;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;

namespace Payload.Dictionary;

/// <summary>The names the exported dictionaries give to flight enumerations: types, severities, modes, failure codes.</summary>
public static class DictionaryNames
{
    /// <summary>Lower-case wire type name, e.g. "uint16" or "bytes".</summary>
    public static string TypeName(DataType type) => Enum.IsDefined(type)
        ? type.ToString().ToLowerInvariant()
        : throw new ArgumentOutOfRangeException(nameof(type), type, "not a flight data type");

    /// <summary>The data type named <paramref name="name"/> (as <see cref="TypeName"/> writes it).</summary>
    /// <exception cref="FormatException">No type has that name.</exception>
    public static DataType ParseType(string name)
    {
        foreach (DataType type in Enum.GetValues<DataType>())
        {
            if (TypeName(type) == name)
            {
                return type;
            }
        }

        throw new FormatException($"unknown data type '{name}'");
    }

    /// <summary>UPPER_SNAKE severity name, e.g. "INFORMATIVE".</summary>
    public static string SeverityName(Severity severity) => Enum.IsDefined(severity)
        ? UpperSnake(severity.ToString())
        : throw new ArgumentOutOfRangeException(nameof(severity), severity, "not an event severity");

    /// <summary>The severity named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">No severity has that name.</exception>
    public static Severity ParseSeverity(string name)
    {
        foreach (Severity severity in Enum.GetValues<Severity>())
        {
            if (SeverityName(severity) == name)
            {
                return severity;
            }
        }

        throw new FormatException($"unknown severity '{name}'");
    }

    /// <summary>UPPER_SNAKE mode name, e.g. "STANDBY".</summary>
    public static string ModeName(Mode mode) => UpperSnake(mode.ToString());

    /// <summary>The payload's modes and their names, in mask-bit order.</summary>
    public static IReadOnlyList<(Mode Mode, string Name)> Modes { get; } =
        Enum.GetValues<Mode>().OrderBy(m => (int)m).Select(m => (m, ModeName(m))).ToArray();

    /// <summary>ST[1] failure codes and their UPPER_SNAKE names, in value order.</summary>
    public static IReadOnlyList<(FailureCode Code, string Name)> FailureCodes { get; } =
        Enum.GetValues<FailureCode>().OrderBy(c => (int)c).Select(c => (c, UpperSnake(c.ToString()))).ToArray();

    /// <summary>The names of the modes in <paramref name="mask"/> (a <see cref="ModeMask"/> value).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mask has a bit no mode owns.</exception>
    public static IReadOnlyList<string> ModeNames(byte mask)
    {
        int known = Modes.Aggregate(0, (bits, m) => bits | (1 << (int)m.Mode));
        if ((mask & ~known) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mask), $"mode mask 0x{mask:X2} has bits no mode owns");
        }

        return Modes.Where(m => ModeMask.Contains(mask, m.Mode)).Select(m => m.Name).ToArray();
    }

    /// <summary>The mode mask of the modes named in <paramref name="names"/>.</summary>
    /// <exception cref="FormatException">A name is not a mode.</exception>
    public static byte ModeMaskOf(IEnumerable<string> names)
    {
        int mask = 0;
        foreach (string name in names)
        {
            (Mode Mode, string Name) mode = Modes.FirstOrDefault(m => m.Name == name);
            if (mode.Name is null)
            {
                throw new FormatException($"unknown mode '{name}'");
            }

            mask |= 1 << (int)mode.Mode;
        }

        return (byte)mask;
    }

    /// <summary>"0x" and eight upper-case hex digits: how the board and the ground print the dictionary hash.</summary>
    public static string HashText(uint hash) => "0x" + hash.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Turns a PascalCase identifier into UPPER_SNAKE ("BadPusHeader" → "BAD_PUS_HEADER").</summary>
    public static string UpperSnake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(c));
        }

        return text.ToString();
    }
}
