namespace Payload.GroundStation.LargeTransfer;

/// <summary>What has arrived of an ST[13] message that is still missing parts.</summary>
public sealed record LargeMessageProgress
{
    /// <summary>The large message transaction identifier.</summary>
    public required ushort TransactionId { get; init; }

    /// <summary>Parts received.</summary>
    public required int PartsReceived { get; init; }

    /// <summary>The number of the last part when it has arrived, else null (the length is not known yet).</summary>
    public required int? LastPart { get; init; }

    /// <summary>Parts missing up to the last part (or up to the highest received).</summary>
    public required IReadOnlyList<int> Missing { get; init; }

    /// <summary>Sequence-count ranges an ST[15] replay should cover to recover the missing parts that are bracketed by received ones.</summary>
    public required IReadOnlyList<SequenceRange> ReplayRanges { get; init; }

    /// <summary>On-board time of the earliest part received (mission microseconds).</summary>
    public required long FirstMissionMicroseconds { get; init; }

    /// <summary>On-board time of the latest part received (mission microseconds).</summary>
    public required long LastMissionMicroseconds { get; init; }
}
