using System.Globalization;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tests.Archive;

public sealed class ArchiveCsvTests
{
    [Fact]
    public void AParameterQueryAsCsvHasAHeaderAndOneExactLinePerValue()
    {
        using var rig = new ArchiveRig().Booted();
        rig.RunFor(3);
        using ArchiveReader archive = rig.Read();
        var writer = new StringWriter();

        int rows = archive.ParametersCsv(writer, "sys.uptime", new TimeRange(0, 2_500_000));

        var expected = rig.Received.OfType<HousekeepingReport>().Where(h => h.MissionMicroseconds <= 2_500_000 && h.Find("sys.uptime") is not null)
            .Select(h => string.Create(CultureInfo.InvariantCulture,
                $"{h.MissionMicroseconds},sys.uptime,2,{h["sys.uptime"].Raw},{h["sys.uptime"].Engineering:R},s,NOMINAL,HK_CORE"))
            .Prepend("mission_us,name,parameter_id,raw,engineering,unit,limit_state,source");
        Assert.True(rows >= 2, $"{rows} rows");
        Assert.Equal(rows + 1, expected.Count());
        Assert.Equal(string.Join('\n', expected) + "\n", writer.ToString());
    }

    [Fact]
    public void EventsAsCsvQuoteTheirJsonArguments()
    {
        using var rig = new ArchiveRig().Booted();
        rig.Await(rig.Session.Send("MODE_SET", "mode=STANDBY"));
        using ArchiveReader archive = rig.Read();
        var writer = new StringWriter();

        archive.EventsCsv(writer, name: "MODE_CHANGED");

        EventReport changed = rig.Received.OfType<EventReport>().Single(e => e.Name == "MODE_CHANGED");
        Assert.Equal(
            "mission_us,event_id,name,severity,arguments,message\n"
            + $"{changed.MissionMicroseconds},{changed.EventId},MODE_CHANGED,1,\"{{\"\"from\"\":\"\"SAFE\"\",\"\"to\"\":\"\"STANDBY\"\"}}\",MODE_CHANGED from=SAFE to=STANDBY\n",
            writer.ToString());
    }

    [Fact]
    public void ExportWritesOneCsvPerTableWithEveryRowAndColumn()
    {
        using var rig = new ArchiveRig().Booted();
        rig.Await(rig.Session.Send("TEST_ARE_YOU_ALIVE"));
        using ArchiveReader archive = rig.Read();
        string directory = Path.Combine(rig.Directory, "csv");

        IReadOnlyList<string> files = archive.ExportCsv(directory);

        Assert.Equal(ArchiveSchema.Tables.Select(t => Path.Combine(directory, t + ".csv")), files);
        foreach (string table in ArchiveSchema.Tables)
        {
            string[] lines = File.ReadAllLines(Path.Combine(directory, table + ".csv"));
            Assert.Equal(archive.Count(table) + 1, lines.Length);
            Assert.StartsWith("id,", lines[0], StringComparison.Ordinal);
        }
        string[] packets = File.ReadAllLines(Path.Combine(directory, "packets.csv"));
        Assert.Equal("id,session_id,received_us,mission_us,apid,service,subtype,sequence_count,bytes", packets[0]);
        TelemetryReport firstPacket = rig.Received[0];
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
                $"1,1,{firstPacket.ReceivedAtMicroseconds},{firstPacket.MissionMicroseconds},{firstPacket.Apid},{firstPacket.Service},{firstPacket.Subtype},{firstPacket.SequenceCount},{Convert.ToHexString(firstPacket.Packet)}"),
            packets[1]);
        string[] commands = File.ReadAllLines(Path.Combine(directory, "commands.csv"));
        Assert.Equal(2, commands.Length);
        Assert.Contains(",TEST_ARE_YOU_ALIVE,,", commands[1], StringComparison.Ordinal);
        Assert.Contains(",Completed,", commands[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void FieldsAreQuotedOnlyWhenTheyMustBe(string value, string field) => Assert.Equal(field, Csv.Field(value));

    [Fact]
    public void NumbersAndBlobsHaveOneSpelling() =>
        Assert.Equal(["", "0.1", "-5", "00FF10"], new object?[] { null, 0.1, -5L, new byte[] { 0, 255, 16 } }.Select(Csv.Field));
}
