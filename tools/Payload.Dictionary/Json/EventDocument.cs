namespace Payload.Dictionary.Json;

/// <summary>An on-board event, reported as TM[5, severity].</summary>
public sealed class EventDocument
{
    /// <summary>Event definition identifier, the first field of the ST[5] report.</summary>
    public required int Id { get; init; }

    /// <summary>UPPER_SNAKE name.</summary>
    public required string Name { get; init; }

    /// <summary>INFORMATIVE, LOW, MEDIUM or HIGH.</summary>
    public required string Severity { get; init; }

    /// <summary>The ST[5] subtype that carries it (1 informative … 4 high).</summary>
    public required int Subtype { get; init; }

    /// <summary>One line for operators.</summary>
    public required string Description { get; init; }

    /// <summary>Reports allowed per throttle window.</summary>
    public required int ThrottleLimit { get; init; }

    /// <summary>Arguments in report order.</summary>
    public required IReadOnlyList<ArgumentDocument> Arguments { get; init; }
}
