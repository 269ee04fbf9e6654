namespace Payload.GroundStation.Link;

/// <summary>A change of a link's state: the new state, why, and for a reconnection which attempt is next.</summary>
/// <param name="State">The state entered.</param>
/// <param name="Detail">Why, for people ("connection reset by peer", "connected to 127.0.0.1:5010").</param>
/// <param name="Attempt">For <see cref="LinkState.Reconnecting"/>: the attempt about to be made (1-based); else 0.</param>
/// <param name="MaxAttempts">For <see cref="LinkState.Reconnecting"/>: how many attempts will be made at most; else 0.</param>
public sealed record LinkStateChange(LinkState State, string Detail, int Attempt = 0, int MaxAttempts = 0)
{
    /// <summary>"connected: …", "reconnecting (attempt 2 of 10): …".</summary>
    public override string ToString() => State switch
    {
        LinkState.Reconnecting => $"reconnecting (attempt {Attempt} of {MaxAttempts}): {Detail}",
        _ => $"{State.ToString().ToLowerInvariant()}: {Detail}",
    };
}
