namespace Payload.GroundStation.Commanding;

/// <summary>An argument given by name rather than by position (the same as the string "name=value").</summary>
public readonly record struct NamedArgument(string Name, object? Value)
{
    /// <summary>"name=value".</summary>
    public override string ToString() => $"{Name}={Value}";
}
