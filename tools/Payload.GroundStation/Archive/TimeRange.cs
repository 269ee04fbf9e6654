namespace Payload.GroundStation.Archive;

/// <summary>An inclusive time range in microseconds; a null end is open.</summary>
public readonly record struct TimeRange(long? FromMicroseconds, long? ToMicroseconds)
{
    /// <summary>Every time.</summary>
    public static TimeRange All => default;

    /// <summary>The range from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/> (either may be null).</summary>
    public static TimeRange Seconds(double? fromSeconds, double? toSeconds) =>
        new(fromSeconds is { } f ? (long)Math.Round(f * 1e6) : null, toSeconds is { } t ? (long)Math.Round(t * 1e6) : null);

    /// <summary>True when <paramref name="microseconds"/> lies in the range.</summary>
    public bool Contains(long microseconds) => (FromMicroseconds is not { } f || microseconds >= f) && (ToMicroseconds is not { } t || microseconds <= t);
}
