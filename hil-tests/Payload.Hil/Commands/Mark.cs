namespace Payload.Hil;

/// <summary>A point in the bench's received telemetry: searches "since" a mark see only what arrived after it.</summary>
/// <param name="Position">How many packets had arrived at the mark.</param>
/// <param name="BenchMicroseconds">Bench time at the mark.</param>
public readonly record struct Mark(int Position, long BenchMicroseconds)
{
    /// <summary>Before the first packet of the bench: searches since it see everything.</summary>
    public static Mark Beginning => default;
}
