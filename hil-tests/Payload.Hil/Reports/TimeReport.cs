using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

/// <summary>A TM[9,2] time report: on-board mission time (CUC) and whether the ground has set it.</summary>
/// <param name="MissionMicroseconds">The time reported.</param>
/// <param name="Synchronised">True when the ground set the time since boot.</param>
/// <param name="Packet">The packet it came in.</param>
public sealed record TimeReport(long MissionMicroseconds, bool Synchronised, ReceivedPacket Packet)
{
    /// <summary>Reads a TM[9,2] packet.</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static TimeReport Read(ReceivedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        TelemetryReport report = packet.Report;
        if (report is not { Service: 9, Subtype: 2 }) throw new FormatException($"{report.Type} is not a TM[9,2] time report");
        ReadOnlySpan<byte> data = report.ApplicationData.Span;
        ReportReader.Expect(data, 7, "TM[9,2]");
        return new TimeReport(ReportReader.Time(data, 0), data[6] != 0, packet);
    }
}
