namespace Payload.Dictionary.Json;

/// <summary>A value and its UPPER_SNAKE name: a mode, a failure code or an enumeration label.</summary>
public sealed class NamedValueDocument
{
    /// <summary>The raw value on the wire.</summary>
    public required long Value { get; init; }

    /// <summary>What operators call it.</summary>
    public required string Name { get; init; }
}
