using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Commanding;

/// <summary>One argument of an encoded telecommand, as it went on the wire.</summary>
public sealed record ArgumentValue
{
    /// <summary>The argument's declaration.</summary>
    public required ArgumentDefinition Definition { get; init; }

    /// <summary>The integer on the wire; for a <see cref="DataType.Bytes"/> argument, its octet count.</summary>
    public required long Value { get; init; }

    /// <summary>The octets of a <see cref="DataType.Bytes"/> argument; null for the others.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>The name of what the value refers to (a parameter for param_id…), or null.</summary>
    public string? Reference { get; init; }

    /// <summary>True when the encoder computed the value (the length before a Bytes argument).</summary>
    public bool Computed { get; init; }

    /// <summary>The argument's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The enumeration label of <see cref="Value"/> (the argument's own, or the set parameter's for PARAM_SET's value), or null.</summary>
    public string? Label
    {
        get => _label ?? ValueFormat.Label(Definition, Value);
        init => _label = value;
    }

    private readonly string? _label;

    /// <summary>"name=value", with the label for enumerations and hex for octets.</summary>
    public override string ToString() => Bytes is not null
        ? $"{Name}={ValueFormat.Hex(Bytes, 16)}"
        : Reference is not null ? $"{Name}={Reference}"
        : $"{Name}={Label ?? ValueFormat.Integer(Definition.Type, Value)}";
}
