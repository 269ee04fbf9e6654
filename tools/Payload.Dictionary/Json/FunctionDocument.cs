namespace Payload.Dictionary.Json;

/// <summary>An on-board function that ST[8] perform-function starts.</summary>
public sealed class FunctionDocument
{
    /// <summary>Function identifier.</summary>
    public required int Id { get; init; }

    /// <summary>UPPER_SNAKE name.</summary>
    public required string Name { get; init; }

    /// <summary>One line for operators.</summary>
    public required string Description { get; init; }

    /// <summary>The function's one argument.</summary>
    public required ArgumentDocument Argument { get; init; }
}
