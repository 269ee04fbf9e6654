namespace Payload.Dictionary.Json;

/// <summary>A telecommand: TC[service, subtype] with its arguments in wire order.</summary>
public sealed class CommandDocument
{
    /// <summary>UPPER_SNAKE name, prefixed by its concept.</summary>
    public required string Mnemonic { get; init; }

    /// <summary>PUS service type.</summary>
    public required int Service { get; init; }

    /// <summary>PUS message subtype.</summary>
    public required int Subtype { get; init; }

    /// <summary>One line for operators.</summary>
    public required string Description { get; init; }

    /// <summary>Names of the modes (<see cref="DictionaryDocument.Modes"/>) in which the board accepts it.</summary>
    public required IReadOnlyList<string> AllowedModes { get; init; }

    /// <summary>Minor frames it may run before it fails with a timeout.</summary>
    public required int TimeoutTicks { get; init; }

    /// <summary>Arguments in the order they appear in the application data.</summary>
    public required IReadOnlyList<ArgumentDocument> Arguments { get; init; }
}
