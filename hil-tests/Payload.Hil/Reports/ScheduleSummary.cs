using Payload.GroundStation.Commanding;

namespace Payload.Hil;

/// <summary>A TM[11,13] schedule summary: every time-tagged command waiting, in release order.</summary>
/// <param name="Entries">The entries in release order.</param>
public sealed record ScheduleSummary(IReadOnlyList<ScheduleSummary.Entry> Entries)
{
    /// <summary>One waiting command: its release time and request ID.</summary>
    /// <param name="ReleaseMissionMicroseconds">When it is released.</param>
    /// <param name="RequestId">The request ID its reports will carry.</param>
    public sealed record Entry(long ReleaseMissionMicroseconds, RequestId RequestId);

    /// <summary>Reads a TM[11,13] packet: count (u16), then per entry CUC (6) + packet ID (u16) + sequence control (u16).</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static ScheduleSummary Read(ReceivedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (packet.Report is not { Service: 11, Subtype: 13 }) throw new FormatException($"{packet.Report.Type} is not a TM[11,13] schedule summary");
        ReadOnlySpan<byte> data = packet.Report.ApplicationData.Span;
        int count = (int)ReportReader.Unsigned(data, 0, 2);
        ReportReader.Expect(data, 2 + 10 * count, "TM[11,13]");
        var entries = new Entry[count];
        for (int i = 0; i < count; i++)
        {
            int at = 2 + 10 * i;
            entries[i] = new Entry(ReportReader.Time(data, at),
                new RequestId((ushort)ReportReader.Unsigned(data, at + 6, 2), (ushort)ReportReader.Unsigned(data, at + 8, 2)));
        }
        return new ScheduleSummary(entries);
    }
}
