namespace Payload.GroundStation;

/// <summary>What a station has sent and received so far.</summary>
public sealed record GroundStatistics
{
    /// <summary>Octets sent on the link (frames, raw packets and raw octets).</summary>
    public required long OctetsSent { get; init; }

    /// <summary>Octets received from the link.</summary>
    public required long OctetsReceived { get; init; }

    /// <summary>Telecommands sent (encoded and raw packets).</summary>
    public required long CommandsSent { get; init; }

    /// <summary>Telemetry packets decoded.</summary>
    public required long PacketsReceived { get; init; }

    /// <summary>Frames that were not valid telemetry packets (bad CRC, wrong length…).</summary>
    public required long PacketsRejected { get; init; }

    /// <summary>Frames the deframer threw away.</summary>
    public required long FramesDiscarded { get; init; }

    /// <summary>Octets thrown away with them.</summary>
    public required long GarbageOctets { get; init; }

    /// <summary>Packets received per report type ("TM[3,25]" → count).</summary>
    public required IReadOnlyDictionary<string, long> PacketsByType { get; init; }
}
