namespace Payload.GroundStation.LargeTransfer;

/// <summary>One ST[13] large message rebuilt from its parts.</summary>
public sealed record LargeMessage
{
    /// <summary>The large message transaction identifier.</summary>
    public required ushort TransactionId { get; init; }

    /// <summary>The message: every part's data, in part order.</summary>
    public required byte[] Data { get; init; }

    /// <summary>Parts it came down in.</summary>
    public required int Parts { get; init; }

    /// <summary>On-board time of the first part (mission microseconds).</summary>
    public required long FirstMissionMicroseconds { get; init; }

    /// <summary>On-board time of the last part (mission microseconds).</summary>
    public required long LastMissionMicroseconds { get; init; }

    /// <summary>When the part that completed it arrived, in the ground's clock (microseconds).</summary>
    public required long ReceivedAtMicroseconds { get; init; }
}
