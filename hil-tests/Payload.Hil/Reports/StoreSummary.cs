namespace Payload.Hil;

/// <summary>A TM[15,13] packet store summary (layout in the flight code's PacketStoreService).</summary>
public sealed record StoreSummary
{
    /// <summary>Packets held.</summary>
    public required long PacketsHeld { get; init; }

    /// <summary>Octets of packets held.</summary>
    public required long BytesUsed { get; init; }

    /// <summary>Capacity in octets.</summary>
    public required long CapacityBytes { get; init; }

    /// <summary>Capacity in packets.</summary>
    public required long CapacityPackets { get; init; }

    /// <summary>Time of the oldest packet held (0 when empty).</summary>
    public required long OldestMissionMicroseconds { get; init; }

    /// <summary>Time of the newest packet held (0 when empty).</summary>
    public required long NewestMissionMicroseconds { get; init; }

    /// <summary>Sequence count of the oldest packet held.</summary>
    public required int OldestSequenceCount { get; init; }

    /// <summary>Sequence count of the newest packet held.</summary>
    public required int NewestSequenceCount { get; init; }

    /// <summary>Overflow policy: 0 CIRCULAR, 1 STOP_WHEN_FULL.</summary>
    public required int Policy { get; init; }

    /// <summary>True while storage is on.</summary>
    public required bool Enabled { get; init; }

    /// <summary>Packets stored since boot.</summary>
    public required long Stored { get; init; }

    /// <summary>Packets overwritten since boot.</summary>
    public required long Overwritten { get; init; }

    /// <summary>Packets refused since boot.</summary>
    public required long Refused { get; init; }

    /// <summary>Packets deleted by command since boot.</summary>
    public required long Deleted { get; init; }

    /// <summary>Reads a TM[15,13] packet (50 octets).</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static StoreSummary Read(ReceivedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (packet.Report is not { Service: 15, Subtype: 13 }) throw new FormatException($"{packet.Report.Type} is not a TM[15,13] store summary");
        ReadOnlySpan<byte> d = packet.Report.ApplicationData.Span;
        ReportReader.Expect(d, 50, "TM[15,13]");
        return new StoreSummary
        {
            PacketsHeld = ReportReader.Unsigned(d, 0, 4),
            BytesUsed = ReportReader.Unsigned(d, 4, 4),
            CapacityBytes = ReportReader.Unsigned(d, 8, 4),
            CapacityPackets = ReportReader.Unsigned(d, 12, 4),
            OldestMissionMicroseconds = ReportReader.Time(d, 16),
            NewestMissionMicroseconds = ReportReader.Time(d, 22),
            OldestSequenceCount = (int)ReportReader.Unsigned(d, 28, 2),
            NewestSequenceCount = (int)ReportReader.Unsigned(d, 30, 2),
            Policy = d[32],
            Enabled = d[33] != 0,
            Stored = ReportReader.Unsigned(d, 34, 4),
            Overwritten = ReportReader.Unsigned(d, 38, 4),
            Refused = ReportReader.Unsigned(d, 42, 4),
            Deleted = ReportReader.Unsigned(d, 46, 4),
        };
    }
}
