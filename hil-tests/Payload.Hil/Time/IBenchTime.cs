namespace Payload.Hil;

/// <summary>How the bench lets time pass: virtual time it runs itself, or real time it waits through.</summary>
internal interface IBenchTime
{
    /// <summary>True when time only passes when the bench runs it (the in-process simulated board).</summary>
    bool IsVirtual { get; }

    /// <summary>Bench time now, microseconds: on-board time as far as the bench can tell.</summary>
    long Now { get; }

    /// <summary>Lets time pass until <paramref name="condition"/> holds or <paramref name="windowMicroseconds"/> of bench time are over; true when it held.</summary>
    /// <remarks>The condition is evaluated under <paramref name="gate"/>, the lock the received telemetry is recorded under.</remarks>
    bool WaitUntil(object gate, Func<bool> condition, long windowMicroseconds);
}
