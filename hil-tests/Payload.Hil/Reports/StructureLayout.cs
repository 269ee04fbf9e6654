namespace Payload.Hil;

/// <summary>A TM[3,10] housekeeping structure report: identifier, state, interval and the parameters it holds.</summary>
/// <param name="StructureId">The structure identifier.</param>
/// <param name="Enabled">True while periodic reports are on.</param>
/// <param name="IntervalTicks">Collection interval in minor frames.</param>
/// <param name="ParameterIds">The parameters, in report order.</param>
public sealed record StructureLayout(byte StructureId, bool Enabled, long IntervalTicks, IReadOnlyList<ushort> ParameterIds)
{
    /// <summary>Reads a TM[3,10] packet: id (u8), enabled (u8), interval (u32), count (u16), ids (u16 each).</summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static StructureLayout Read(ReceivedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (packet.Report is not { Service: 3, Subtype: 10 }) throw new FormatException($"{packet.Report.Type} is not a TM[3,10] structure report");
        ReadOnlySpan<byte> data = packet.Report.ApplicationData.Span;
        int count = (int)ReportReader.Unsigned(data, 6, 2);
        ReportReader.Expect(data, 8 + 2 * count, "TM[3,10]");
        var ids = new ushort[count];
        for (int i = 0; i < count; i++) ids[i] = (ushort)ReportReader.Unsigned(data, 8 + 2 * i, 2);
        return new StructureLayout(data[0], data[1] != 0, ReportReader.Unsigned(data, 2, 4), ids);
    }
}
