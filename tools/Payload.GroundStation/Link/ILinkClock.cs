namespace Payload.GroundStation.Link;

/// <summary>A link that knows the time at its ends (the simulated board's virtual time); the station stamps with it.</summary>
public interface ILinkClock
{
    /// <summary>The present time in microseconds.</summary>
    long NowMicroseconds { get; }
}
