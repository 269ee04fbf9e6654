using Payload.Flight.Dictionary;

namespace Payload.Hil;

/// <summary>A TM[5,8] report: the events whose reports the ground has disabled, by name.</summary>
/// <param name="Names">Event names, in identifier order (unknown identifiers as "#id").</param>
public sealed record DisabledEventList(IReadOnlyList<string> Names)
{
    /// <summary>Reads a TM[5,8] packet: count (u16), then each identifier (u16).</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static DisabledEventList Read(ReceivedPacket packet, MissionDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(dictionary);
        if (packet.Report is not { Service: 5, Subtype: 8 }) throw new FormatException($"{packet.Report.Type} is not a TM[5,8] disabled-events report");
        ReadOnlySpan<byte> data = packet.Report.ApplicationData.Span;
        int count = (int)ReportReader.Unsigned(data, 0, 2);
        ReportReader.Expect(data, 2 + 2 * count, "TM[5,8]");
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            var id = (ushort)ReportReader.Unsigned(data, 2 + 2 * i, 2);
            names[i] = dictionary.Events.FirstOrDefault(e => e.Id == id)?.Name ?? $"#{id}";
        }
        return new DisabledEventList(names);
    }
}
