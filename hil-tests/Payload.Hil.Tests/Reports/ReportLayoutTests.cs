using Payload.Flight.Instrument;
using Payload.Flight.Protocol;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil.Tests.Reports;

public sealed class ReportLayoutTests
{
    private static readonly Payload.Flight.Dictionary.MissionDictionary Dictionary = InstrumentSoftware.BuildDictionary();

    [Fact]
    public void ATimeReportIsACucTimeAndAFlag()
    {
        TimeReport report = TimeReport.Read(Packet(9, 2, [0x00, 0x00, 0x00, 0x0A, 0x80, 0x00, 0x01]));

        Assert.Equal(10_500_000, report.MissionMicroseconds);
        Assert.True(report.Synchronised);
    }

    [Fact]
    public void AScheduleSummaryListsReleaseTimesAndRequestIds()
    {
        ScheduleSummary summary = ScheduleSummary.Read(Packet(11, 13,
            [0x00, 0x02, 0, 0, 0, 5, 0, 0, 0x18, 0x64, 0xC0, 0x07, 0, 0, 0, 6, 0x40, 0, 0x18, 0x64, 0xC0, 0x08]));

        Assert.Equal([5_000_000L, 6_250_000L], summary.Entries.Select(e => e.ReleaseMissionMicroseconds));
        Assert.Equal([7, 8], summary.Entries.Select(e => (int)e.RequestId.SequenceCount));
        Assert.All(summary.Entries, e => Assert.Equal(0x64, e.RequestId.Apid));
    }

    [Fact]
    public void TheDisabledEventsAreNamed()
    {
        DisabledEventList list = DisabledEventList.Read(Packet(5, 8, [0x00, 0x02, 0x02, 0x58, 0x99, 0x99]), Dictionary);

        Assert.Equal(["SCHED_RELEASED", "#39321"], list.Names);
    }

    [Fact]
    public void AStructureLayoutHasItsParameters()
    {
        StructureLayout layout = StructureLayout.Read(Packet(3, 10, [0x02, 0x01, 0, 0, 0x01, 0xF4, 0x00, 0x02, 0x00, 0xC8, 0x00, 0xC9]));

        Assert.Equal(2, layout.StructureId);
        Assert.True(layout.Enabled);
        Assert.Equal(500, layout.IntervalTicks);
        Assert.Equal([200, 201], layout.ParameterIds.Select(i => (int)i));
    }

    [Fact]
    public void AStoreSummaryHasFiftyOctets()
    {
        byte[] data = new byte[50];
        data[3] = 7;        // packets held
        data[33] = 1;       // enabled
        data[49] = 2;       // deleted
        StoreSummary summary = StoreSummary.Read(Packet(15, 13, data));

        Assert.Equal(7, summary.PacketsHeld);
        Assert.True(summary.Enabled);
        Assert.Equal(2, summary.Deleted);
        Assert.Throws<FormatException>(() => StoreSummary.Read(Packet(15, 13, data[..49])));
    }

    [Fact]
    public void AReportOfAnotherKindOrLengthIsRefused()
    {
        Assert.Throws<FormatException>(() => TimeReport.Read(Packet(17, 2, [])));
        Assert.Throws<FormatException>(() => TimeReport.Read(Packet(9, 2, [0, 0, 0, 1, 0, 0])));
        Assert.Throws<FormatException>(() => ScheduleSummary.Read(Packet(11, 13, [0x00, 0x01, 0, 0])));
    }

    private static ReceivedPacket Packet(byte service, byte subtype, byte[] data)
    {
        var packet = new byte[PacketLimits.MinTelemetryLength + data.Length];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(0x64, 1, service, subtype, 0, 1, CucTime.FromMicroseconds(1_000_000),
            data, 0, data.Length, packet, 0, out int written));
        TelemetryReport report = new TelemetryDecoder(Dictionary).Decode(packet, 0, written);
        return new ReceivedPacket(report, 0, false, 0);
    }
}
