namespace Payload.Dictionary.Json;

/// <summary>One argument of a command, event or function.</summary>
public sealed class ArgumentDocument
{
    /// <summary>Lower-case snake name, unique within its command or event.</summary>
    public required string Name { get; init; }

    /// <summary>Wire type: boolean, uint8, uint16, uint32, int8, int16, int32 or bytes.</summary>
    public required string Type { get; init; }

    /// <summary>Engineering unit ("" when dimensionless).</summary>
    public required string Unit { get; init; }

    /// <summary>Smallest accepted value (for bytes: smallest length).</summary>
    public required long Min { get; init; }

    /// <summary>Largest accepted value (for bytes: largest length).</summary>
    public required long Max { get; init; }

    /// <summary>One line for operators.</summary>
    public required string Description { get; init; }

    /// <summary>Names of the values from <see cref="Min"/> upwards, one per value; absent when the argument is a plain number.</summary>
    public IReadOnlyList<NamedValueDocument>? Enumeration { get; init; }
}
