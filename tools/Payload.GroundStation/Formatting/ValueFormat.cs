using System.Globalization;
using Payload.Flight.Dictionary;

namespace Payload.GroundStation;

/// <summary>How the ground writes values for people: integers, labels, octets and mission times.</summary>
public static class ValueFormat
{
    /// <summary>The enumeration label of <paramref name="value"/> (labels are indexed from the argument's minimum), or null.</summary>
    public static string? Label(ArgumentDefinition definition, long value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        string[]? labels = definition.EnumerationLabels;
        long index = value - definition.Minimum;
        return labels is not null && index >= 0 && index < labels.Length ? labels[index] : null;
    }

    /// <summary>The enumeration label of a parameter's raw <paramref name="value"/> (labels are indexed from 0), or null.</summary>
    public static string? Label(ParameterDefinition definition, long value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        string[]? labels = definition.EnumerationLabels;
        return labels is not null && value >= 0 && value < labels.Length ? labels[value] : null;
    }

    /// <summary>The labels of an enumerated argument as "SAFE, STANDBY, ACQUIRE"; null when it has none.</summary>
    public static string? Labels(ArgumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.EnumerationLabels is { Length: > 0 } labels ? string.Join(", ", labels) : null;
    }

    /// <summary>A raw integer in decimal (Boolean as true/false).</summary>
    public static string Integer(DataType type, long value) =>
        type == DataType.Boolean ? (value != 0 ? "true" : "false") : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A 32-bit value as 0x followed by eight hex digits, the way dictionary hashes are written.</summary>
    public static string Hash(long value) => "0x" + ((uint)value).ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Octets as hex, cut after <paramref name="maxOctets"/> with the total count.</summary>
    public static string Hex(ReadOnlySpan<byte> octets, int maxOctets = int.MaxValue)
    {
        if (octets.Length <= maxOctets) return Convert.ToHexString(octets);
        return Convert.ToHexString(octets[..maxOctets]) + $"…({octets.Length} octets)";
    }

    /// <summary>Mission microseconds as seconds with millisecond precision, e.g. "12.340".</summary>
    public static string Seconds(long microseconds) =>
        (microseconds / 1e6).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>An engineering value: integers without decimals, others with up to six significant digits.</summary>
    public static string Engineering(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("G6", CultureInfo.InvariantCulture);
}
