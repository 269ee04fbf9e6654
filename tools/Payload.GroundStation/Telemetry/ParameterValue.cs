using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Telemetry;

/// <summary>One telemetered parameter value: raw, engineering (raw × scale + offset), unit and limit state.</summary>
public sealed record ParameterValue
{
    /// <summary>The parameter's declaration.</summary>
    public required ParameterDefinition Definition { get; init; }

    /// <summary>The value as sent.</summary>
    public required long Raw { get; init; }

    /// <summary>The parameter's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The value in engineering units: raw × scale + offset.</summary>
    public double Engineering => Raw * Definition.Scale + Definition.Offset;

    /// <summary>The enumeration label of <see cref="Raw"/>, or null (a plain number, or a value the dictionary names no label for).</summary>
    public string? Label => ValueFormat.Label(Definition, Raw);

    /// <summary>The engineering unit ("" when none).</summary>
    public string Unit => Definition.Unit;

    /// <summary>The raw value against the declared limits.</summary>
    public LimitState Limit => Raw < Definition.LowLimit ? LimitState.Low : Raw > Definition.HighLimit ? LimitState.High : LimitState.Nominal;

    /// <summary>Creates the value of <paramref name="definition"/> read as <paramref name="raw"/>.</summary>
    public static ParameterValue Of(ParameterDefinition definition, long raw) => new() { Definition = definition, Raw = raw };

    /// <summary>"name=value unit", enumerations by label, hashes in hex, with "(LOW)"/"(HIGH)" when out of limits.</summary>
    public override string ToString()
    {
        string limit = Limit == LimitState.Nominal ? "" : $" ({Limit.ToString().ToUpperInvariant()})";
        if (Label is { } label) return $"{Name}={label}{limit}";
        string value = Name.EndsWith("hash", StringComparison.Ordinal) ? ValueFormat.Hash(Raw)
            : Definition.Type == DataType.Boolean ? ValueFormat.Integer(DataType.Boolean, Raw)
            : ValueFormat.Engineering(Engineering);
        string unit = Unit.Length == 0 ? "" : " " + Unit;
        return $"{Name}={value}{unit}{limit}";
    }
}
