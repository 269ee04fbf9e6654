using Payload.GroundStation;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

/// <summary>A telemetry packet as the bench received it: the decoded report, when it arrived, and whether it was a replay.</summary>
public class ReceivedPacket
{
    /// <summary>Wraps <paramref name="report"/>, received at bench time <paramref name="receivedAtMicroseconds"/>.</summary>
    public ReceivedPacket(TelemetryReport report, long receivedAtMicroseconds, bool isReplay, int index)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
        ReceivedAtMicroseconds = receivedAtMicroseconds;
        IsReplay = isReplay;
        Index = index;
    }

    /// <summary>The decoded report.</summary>
    public TelemetryReport Report { get; }

    /// <summary>Bench time of arrival (microseconds).</summary>
    public long ReceivedAtMicroseconds { get; }

    /// <summary>True for a packet replayed from the on-board store (older than live telemetry, or a copy of one already received).</summary>
    public bool IsReplay { get; }

    /// <summary>Position in the order of arrival (0 is the first packet of the bench).</summary>
    public int Index { get; }

    /// <summary>The mark just after this packet: searches since it see only what came later.</summary>
    public Mark After => new(Index + 1, ReceivedAtMicroseconds);

    /// <summary>On-board generation time, mission microseconds.</summary>
    public long MissionMicroseconds => Report.MissionMicroseconds;

    /// <summary>PUS service type.</summary>
    public byte Service => Report.Service;

    /// <summary>PUS message subtype.</summary>
    public byte Subtype => Report.Subtype;

    /// <summary>The packet sequence count.</summary>
    public ushort SequenceCount => Report.SequenceCount;

    /// <summary>"t=12.340  TM[s,t]  content (replay)".</summary>
    public override string ToString() => $"{Report}{(IsReplay ? "  (replay)" : "")}";

    /// <summary>The view of <paramref name="report"/> by kind: <see cref="EventView"/>, <see cref="HousekeepingView"/> or a plain packet.</summary>
    internal static ReceivedPacket Wrap(TelemetryReport report, long receivedAt, bool isReplay, int index) => report switch
    {
        EventReport e => new EventView(e, receivedAt, isReplay, index),
        HousekeepingReport h => new HousekeepingView(h, receivedAt, isReplay, index),
        _ => new ReceivedPacket(report, receivedAt, isReplay, index),
    };

    /// <summary>Seconds with milliseconds, for messages.</summary>
    internal static string Seconds(long microseconds) => ValueFormat.Seconds(microseconds);
}
