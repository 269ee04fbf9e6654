using System.Globalization;
using Payload.GroundStation;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

/// <summary>
/// One telemetered value (a parameter in a housekeeping or parameter report, an event argument) that predicates compare
/// directly: <c>v == 1</c>, <c>v &gt; 3</c>, <c>v == "STANDBY"</c> or <c>e["to"] == "STANDBY"</c> (an enumerated parameter's or
/// argument's label, or the name it refers to), <c>v == true</c>.
/// </summary>
/// <remarks>Comparisons with numbers use the raw value; <see cref="Engineering"/> has the scaled one.</remarks>
public readonly struct TmValue : IEquatable<TmValue>
{
    /// <summary>Creates a value.</summary>
    public TmValue(string name, long raw, double engineering, string unit = "", string? label = null, string? reference = null)
    {
        Name = name;
        Raw = raw;
        Engineering = engineering;
        Unit = unit;
        Label = label;
        Reference = reference;
    }

    /// <summary>The parameter's or argument's name.</summary>
    public string Name { get; }

    /// <summary>The value as sent.</summary>
    public long Raw { get; }

    /// <summary>The value in engineering units.</summary>
    public double Engineering { get; }

    /// <summary>The engineering unit ("" when none).</summary>
    public string Unit { get; }

    /// <summary>The enumeration label of the value, or null.</summary>
    public string? Label { get; }

    /// <summary>The name of the item the value refers to (a parameter for param_id, a failure code…), or null.</summary>
    public string? Reference { get; }

    /// <summary>The value of a housekeeping or parameter report.</summary>
    public static TmValue Of(ParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new TmValue(value.Name, value.Raw, value.Engineering, value.Unit, value.Label);
    }

    /// <summary>An event argument.</summary>
    public static TmValue Of(DecodedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new TmValue(value.Name, value.Raw, value.Raw, value.Unit, value.Label, value.Reference);
    }

    /// <summary>True when <paramref name="text"/> is the value's label, the name it refers to, or its raw value in decimal (case-insensitive).</summary>
    public bool Is(string text) =>
        text is not null && (string.Equals(Label, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Reference, text, StringComparison.OrdinalIgnoreCase)
            || (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) && number == Raw));

    /// <summary>The raw value.</summary>
    public static implicit operator long(TmValue value) => value.Raw;

    /// <summary>Raw value equals <paramref name="right"/>.</summary>
    public static bool operator ==(TmValue left, long right) => left.Raw == right;

    /// <summary>Raw value differs from <paramref name="right"/>.</summary>
    public static bool operator !=(TmValue left, long right) => left.Raw != right;

    /// <summary>Label, reference name or decimal value equals <paramref name="right"/>.</summary>
    public static bool operator ==(TmValue left, string right) => left.Is(right);

    /// <summary>Label, reference name and decimal value all differ from <paramref name="right"/>.</summary>
    public static bool operator !=(TmValue left, string right) => !left.Is(right);

    /// <summary>A Boolean value (non-zero is true) equals <paramref name="right"/>.</summary>
    public static bool operator ==(TmValue left, bool right) => (left.Raw != 0) == right;

    /// <summary>A Boolean value (non-zero is true) differs from <paramref name="right"/>.</summary>
    public static bool operator !=(TmValue left, bool right) => (left.Raw != 0) != right;

    /// <summary>Raw value below <paramref name="right"/>.</summary>
    public static bool operator <(TmValue left, long right) => left.Raw < right;

    /// <summary>Raw value above <paramref name="right"/>.</summary>
    public static bool operator >(TmValue left, long right) => left.Raw > right;

    /// <summary>Raw value at most <paramref name="right"/>.</summary>
    public static bool operator <=(TmValue left, long right) => left.Raw <= right;

    /// <summary>Raw value at least <paramref name="right"/>.</summary>
    public static bool operator >=(TmValue left, long right) => left.Raw >= right;

    /// <summary>Two values of the same item with the same raw value.</summary>
    public bool Equals(TmValue other) => Name == other.Name && Raw == other.Raw;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TmValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Raw);

    /// <summary>"name=value unit" with the label or reference when there is one.</summary>
    public override string ToString()
    {
        string value = Label ?? Reference ?? (Engineering == Raw ? Raw.ToString(CultureInfo.InvariantCulture) : ValueFormat.Engineering(Engineering));
        return Unit.Length == 0 || Label is not null || Reference is not null ? $"{Name}={value}" : $"{Name}={value} {Unit}";
    }
}
