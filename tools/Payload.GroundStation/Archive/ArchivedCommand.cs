namespace Payload.GroundStation.Archive;

/// <summary>One archived telecommand and how far it got; stage times are the ground's clock when each report arrived.</summary>
/// <param name="SentMicroseconds">When it was sent, in the ground's clock.</param>
/// <param name="Mnemonic">The mnemonic ("?" for a raw packet the dictionary does not know).</param>
/// <param name="Arguments">"name=value …" as an operator types them ("" for raw packets).</param>
/// <param name="RequestId">"apid/sequence".</param>
/// <param name="AckFlags">The success stages it asked to hear of.</param>
/// <param name="State">The furthest stage heard of (a <see cref="Tracking.CommandState"/> name).</param>
/// <param name="FailureCode">Why it failed, or null.</param>
/// <param name="FailureData">The failure data, or null.</param>
/// <param name="FailedStage">The stage that failed, or null.</param>
/// <param name="AcceptedMicroseconds">Arrival of the acceptance success report, or null.</param>
/// <param name="StartedMicroseconds">Arrival of the start success report, or null.</param>
/// <param name="ProgressSteps">Progress steps reported.</param>
/// <param name="CompletedMicroseconds">Arrival of the completion success report, or null.</param>
/// <param name="FailedMicroseconds">Arrival of the failure report, or null.</param>
public sealed record ArchivedCommand(
    long SentMicroseconds, string Mnemonic, string Arguments, string RequestId, string AckFlags, string State,
    string? FailureCode, long? FailureData, string? FailedStage,
    long? AcceptedMicroseconds, long? StartedMicroseconds, int ProgressSteps, long? CompletedMicroseconds, long? FailedMicroseconds);
