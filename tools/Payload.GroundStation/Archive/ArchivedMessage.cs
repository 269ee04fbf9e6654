using Payload.GroundStation.Instrument;

namespace Payload.GroundStation.Archive;

/// <summary>One archived ST[13] message (complete, or what was missing when the session ended).</summary>
/// <param name="Id">Its row.</param>
/// <param name="PassId">The pass it belongs to, or null (not an instrument message).</param>
/// <param name="TransactionId">The large message transaction identifier.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="FirstMissionMicroseconds">On-board time of its first part.</param>
/// <param name="LastMissionMicroseconds">On-board time of its last part.</param>
/// <param name="Parts">Parts received.</param>
/// <param name="Complete">True when every part arrived.</param>
/// <param name="MissingParts">"3,5-7" when incomplete, else null.</param>
/// <param name="ReplayRanges">Sequence ranges for STORE_DOWNLINK_SEQ ("1200-1201 1250"), or null.</param>
/// <param name="Bytes">The message (null when incomplete).</param>
/// <param name="Values">The decoded values as JSON, or null.</param>
public sealed record ArchivedMessage(
    long Id, long? PassId, int TransactionId, InstrumentMessageKind Kind, long FirstMissionMicroseconds, long LastMissionMicroseconds,
    int Parts, bool Complete, string? MissingParts, string? ReplayRanges, byte[]? Bytes, string? Values);
