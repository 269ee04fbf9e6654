using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>A short session against the simulated board archived, then queried by time range.</summary>
public sealed class ArchiveSessionTests
{
    [Fact]
    public void EveryPacketIsArchivedAndParametersComeBackByNameAndTimeRange()
    {
        using var rig = new ArchiveRig().Booted();
        rig.Await(rig.Session.Send("PARAM_REPORT", new NamedArgument("param_id", "tm.store_always_mask")));
        rig.RunFor(4);
        using ArchiveReader archive = rig.Read();

        Assert.Equal(rig.Received.Count, archive.Count("packets"));
        // By on-board time, then arrival: urgent reports overtake routine ones generated in the same frame.
        Assert.Equal(rig.Received.OrderBy(r => r.MissionMicroseconds).Select(r => (r.MissionMicroseconds, (int)r.Service, (int)r.Subtype, (int)r.SequenceCount, r.Packet)),
            archive.Packets().Select(p => (p.MissionMicroseconds, p.Service, p.Subtype, p.SequenceCount, p.Bytes)));

        var range = new TimeRange(1_500_000, 3_500_000);
        IReadOnlyList<ParameterSample> uptime = archive.Parameters("sys.uptime", range);
        ParameterSample[] expected = Values(rig.Received, "sys.uptime").Where(v => range.Contains(v.MissionMicroseconds)).ToArray();
        Assert.Equal(2, expected.Length);
        Assert.Equal(expected, uptime);
        Assert.All(uptime, v => Assert.Equal(("s", "NOMINAL", "HK_CORE"), (v.Unit, v.Limit, v.Source)));
        Assert.Equal(Values(rig.Received, "sys.uptime"), archive.Parameters("sys.uptime"));

        ParameterSample reported = Assert.Single(archive.Parameters("tm.store_always_mask"));
        Assert.Equal(("TM[20,2]", 313), (reported.Source, reported.ParameterId));
        Assert.Contains("sys.uptime", archive.ParameterNames());
        Assert.Empty(archive.Parameters("sys.uptime", new TimeRange(100_000_000, null)));
    }

    [Fact]
    public void EventsComeBackByTimeRangeAndSeverityWithTheirArgumentsAsJson()
    {
        using var rig = new ArchiveRig().Booted();
        long before = rig.Board.NowMicroseconds;
        rig.Await(rig.Session.Send("MODE_SET", "mode=STANDBY"));
        rig.Session.SendRaw([0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00]);
        rig.RunFor(2);
        using ArchiveReader archive = rig.Read();

        var all = rig.Received.OfType<EventReport>().ToArray();
        Assert.Equal(all.Select(Row), archive.Events());

        var range = new TimeRange(before, null);
        ArchivedEvent[] later = all.Where(e => range.Contains(e.MissionMicroseconds)).Select(Row).ToArray();
        Assert.Equal(later, archive.Events(range));
        Assert.DoesNotContain(later, e => e.Name == "SYS_BOOT");

        ArchivedEvent changed = Assert.Single(archive.Events(range, name: "MODE_CHANGED"));
        Assert.Equal("""{"from":"SAFE","to":"STANDBY"}""", changed.Arguments);
        Assert.Equal("MODE_CHANGED from=SAFE to=STANDBY", changed.Message);

        ArchivedEvent[] anomalies = all.Where(e => e.Severity >= Severity.Low).Select(Row).ToArray();
        Assert.NotEmpty(anomalies);
        Assert.Equal(anomalies, archive.Events(minimumSeverity: Severity.Low));
        Assert.Equal(all.Where(e => e.Severity >= Severity.High).Select(Row), archive.Events(minimumSeverity: Severity.High));
    }

    [Fact]
    public void CommandsComeBackWithTheirFinalStateFailureAndStageTimes()
    {
        using var rig = new ArchiveRig().Booted();
        TrackedCommand mode = rig.Await(rig.Session.Send("MODE_SET", "mode=STANDBY"));
        TrackedCommand alive = rig.Await(rig.Session.Send("TEST_ARE_YOU_ALIVE"));
        EncodedCommand encoded = rig.Session.Encoder.Encode("TEST_ARE_YOU_ALIVE");
        byte[] corrupted = (byte[])encoded.Packet.Clone();
        corrupted[^1] ^= 0x01;
        TrackedCommand broken = rig.Await(rig.Session.SendPacket(corrupted)!);
        rig.RunFor(1);
        TrackedCommand unanswered = rig.Session.Send("TEST_ARE_YOU_ALIVE");
        using ArchiveReader archive = rig.Read();

        IReadOnlyList<ArchivedCommand> commands = archive.Commands();
        Assert.Equal(
            [
                new ArchivedCommand(mode.SentAtMicroseconds, "MODE_SET", "mode=STANDBY", mode.RequestId.ToString(), "All", "Completed", null, null, null,
                    Arrival(mode, VerificationStage.Acceptance), Arrival(mode, VerificationStage.Start), 0, Arrival(mode, VerificationStage.Completion), null),
                new ArchivedCommand(alive.SentAtMicroseconds, "TEST_ARE_YOU_ALIVE", "", alive.RequestId.ToString(), "All", "Completed", null, null, null,
                    Arrival(alive, VerificationStage.Acceptance), Arrival(alive, VerificationStage.Start), 0, Arrival(alive, VerificationStage.Completion), null),
                new ArchivedCommand(broken.SentAtMicroseconds, "TEST_ARE_YOU_ALIVE", "", broken.RequestId.ToString(), "All", "Failed", "BadCrc",
                    broken.Failure!.FailureData, "Acceptance", null, null, 0, null, broken.Failure.ReceivedAtMicroseconds),
                new ArchivedCommand(unanswered.SentAtMicroseconds, "TEST_ARE_YOU_ALIVE", "", unanswered.RequestId.ToString(), "All", "Sent", null, null, null,
                    null, null, 0, null, null),
            ],
            commands);
        Assert.True(mode.SentAtMicroseconds < commands[0].AcceptedMicroseconds && commands[0].AcceptedMicroseconds <= commands[0].CompletedMicroseconds);
        Assert.Equal(FailureCode.BadCrc, broken.FailureCode);

        Assert.Equal(commands.Skip(1).Take(2), archive.Commands(new TimeRange(alive.SentAtMicroseconds, broken.SentAtMicroseconds)));
        Assert.Equal(commands.Skip(3), archive.Commands(new TimeRange(unanswered.SentAtMicroseconds, null)));
    }

    [Fact]
    public void ASecondSessionAppendsToTheSameArchive()
    {
        using var first = new ArchiveRig().Booted();
        first.RunFor(1);
        first.Read().Dispose();
        long packets;
        using (var archive = new ArchiveReader(first.DatabasePath)) packets = archive.Count("packets");

        using (var second = new ArchiveWriter(first.DatabasePath, options: new ArchiveWriterOptions { FlushInterval = TimeSpan.Zero }))
        {
            foreach (TelemetryReport report in first.Received) second.Write(report);
        }

        using var reread = new ArchiveReader(first.DatabasePath);
        Assert.Equal(first.Received.Count, packets);
        Assert.Equal(2 * packets, reread.Count("packets"));
        Assert.Equal(2, reread.Count("sessions"));
    }

    private static IEnumerable<ParameterSample> Values(IEnumerable<TelemetryReport> received, string name) =>
        received.SelectMany(r => r switch
        {
            HousekeepingReport h => h.Values.Select(v => (r, v, h.Structure.Name)),
            ParameterReport p => p.Values.Select(v => (r, v, r.Type)),
            _ => [],
        })
        .Where(x => x.v.Name == name)
        .Select(x => new ParameterSample(x.r.MissionMicroseconds, name, x.v.Definition.Id, x.v.Raw, x.v.Engineering, x.v.Unit,
            x.v.Limit.ToString().ToUpperInvariant(), x.Item3))
        .OrderBy(v => v.MissionMicroseconds);

    private static ArchivedEvent Row(EventReport e) => new(e.MissionMicroseconds, e.EventId, e.Name, e.Severity,
        "{" + string.Join(',', e.Arguments.Select(a => $"\"{a.Name}\":" + ((a.Label ?? a.Reference) is { } text ? $"\"{text}\"" : a.Raw.ToString(System.Globalization.CultureInfo.InvariantCulture)))) + "}",
        e.Describe());

    private static long? Arrival(TrackedCommand command, VerificationStage stage) =>
        command.Reports.Single(r => r.Success && r.Stage == stage).ReceivedAtMicroseconds;
}
