using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Telemetry;

/// <summary>One named argument value of an event (raw integer, with its enumeration label when it has one).</summary>
public sealed record DecodedValue
{
    /// <summary>The argument's declaration.</summary>
    public required ArgumentDefinition Definition { get; init; }

    /// <summary>The value as sent.</summary>
    public required long Raw { get; init; }

    /// <summary>The name of what the value refers to (a parameter for param_id, a failure code for failure_code…), or null.</summary>
    public string? Reference { get; init; }

    /// <summary>The argument's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The enumeration label of <see cref="Raw"/>, or null.</summary>
    public string? Label => ValueFormat.Label(Definition, Raw);

    /// <summary>The engineering unit ("" when none).</summary>
    public string Unit => Definition.Unit;

    /// <summary>"name=value" with the label or unit.</summary>
    public override string ToString()
    {
        if (Label is { } label) return $"{Name}={label}";
        if (Reference is { } reference) return $"{Name}={reference}";
        string value = Name.EndsWith("hash", StringComparison.Ordinal) ? ValueFormat.Hash(Raw) : ValueFormat.Integer(Definition.Type, Raw);
        return Unit.Length == 0 ? $"{Name}={value}" : $"{Name}={value} {Unit}";
    }
}
