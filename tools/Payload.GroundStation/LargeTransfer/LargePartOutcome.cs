namespace Payload.GroundStation.LargeTransfer;

/// <summary>What the <see cref="LargeMessageAssembler"/> made of one telemetry packet.</summary>
public enum LargePartOutcome
{
    /// <summary>A part not seen before, numbered above every part received so far.</summary>
    Accepted,

    /// <summary>A part not seen before, numbered below a part already received (a resend or a replay filling a gap).</summary>
    OutOfOrder,

    /// <summary>A part already received with the same data (a resend or replay of it, or of a message already rebuilt).</summary>
    Duplicate,

    /// <summary>Not an ST[13] downlink part.</summary>
    Ignored,

    /// <summary>An ST[13] part that contradicts the others (part 0, a first part not numbered 1, two different last parts, a part after the last, changed data).</summary>
    Malformed,
}
