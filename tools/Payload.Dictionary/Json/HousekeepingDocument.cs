namespace Payload.Dictionary.Json;

/// <summary>A housekeeping structure, reported as TM[3,25]: structure id, then the parameters in order.</summary>
public sealed class HousekeepingDocument
{
    /// <summary>Structure identifier, the first field of the report.</summary>
    public required int Id { get; init; }

    /// <summary>UPPER_SNAKE name.</summary>
    public required string Name { get; init; }

    /// <summary>One line for operators.</summary>
    public required string Description { get; init; }

    /// <summary>Default collection interval in minor frames.</summary>
    public required int IntervalTicks { get; init; }

    /// <summary>True when periodic generation is on after boot.</summary>
    public required bool EnabledAtBoot { get; init; }

    /// <summary>Identifiers of the parameters (<see cref="ParameterDocument.Id"/>) in report order.</summary>
    public required IReadOnlyList<int> Parameters { get; init; }
}
