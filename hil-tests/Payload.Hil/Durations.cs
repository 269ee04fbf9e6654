namespace Payload.Hil;

/// <summary>Short forms for windows and waits: <c>5.Seconds()</c>, <c>200.Milliseconds()</c>, <c>50.Frames()</c>.</summary>
public static class Durations
{
    /// <summary>One minor frame of the flight software (10 ms).</summary>
    public static readonly TimeSpan Frame = TimeSpan.FromMicroseconds(Payload.Flight.Config.FlightConfiguration.MinorFrameMicroseconds);

    /// <summary><paramref name="seconds"/> seconds.</summary>
    public static TimeSpan Seconds(this int seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary><paramref name="seconds"/> seconds.</summary>
    public static TimeSpan Seconds(this double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary><paramref name="milliseconds"/> milliseconds.</summary>
    public static TimeSpan Milliseconds(this int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary><paramref name="frames"/> minor frames.</summary>
    public static TimeSpan Frames(this int frames) => Frame * frames;

    /// <summary><paramref name="frames"/> minor frames.</summary>
    public static TimeSpan Frames(this long frames) => Frame * frames;

    /// <summary>Microseconds of <paramref name="span"/>.</summary>
    internal static long Micros(this TimeSpan span) => span.Ticks / 10;
}
