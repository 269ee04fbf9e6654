using Payload.Flight.LargeTransfer;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Instrument;
using Payload.GroundStation.LargeTransfer;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>ST[13] messages sent by the flight code on the simulated board, rebuilt and archived by the ground.</summary>
public sealed class ArchiveLargeTransferTests
{
    [Fact]
    public void AMessageFromTheBoardIsRebuiltAndArchivedWithItsBytes()
    {
        using var rig = new ArchiveRig().Booted();
        byte[] message = Tm.Message(5000, seed: 11);
        var rebuilt = new List<LargeMessage>();
        rig.Writer.MessageRebuilt += (m, _) => rebuilt.Add(m);

        Assert.Equal(TransferStatus.Started, rig.Board.Software.LargeTransfer.TryStart(42, message, 0, message.Length));
        Assert.True(rig.Board.RunUntil(() => rebuilt.Count > 0, 10_000_000), "the message never came down");
        using ArchiveReader archive = rig.Read();

        Assert.Equal(message, Assert.Single(rebuilt).Data);
        ArchivedMessage row = Assert.Single(archive.Messages());
        Assert.Equal((42, InstrumentMessageKind.Unknown, 6, true, (long?)null), (row.TransactionId, row.Kind, row.Parts, row.Complete, row.PassId));
        Assert.Equal(message, row.Bytes);
        TelemetryReport[] parts = rig.Received.Where(r => r.Service == LargePacketSender.Service).ToArray();
        Assert.Equal((parts[0].MissionMicroseconds, parts[^1].MissionMicroseconds), (row.FirstMissionMicroseconds, row.LastMissionMicroseconds));
    }

    [Fact]
    public void ALostPartIsRecoveredByAStoreReplayOfTheSequenceRangeTheAssemblerComputes()
    {
        using var rig = new ArchiveRig().Booted();
        byte[] message = Tm.Message(8 * LargePacketSender.DefaultPartSize + 10, seed: 12);
        var assembler = new LargeMessageAssembler();
        var rebuilt = new List<LargeMessage>();
        assembler.MessageCompleted += rebuilt.Add;
        bool dropping = true;
        // The ground's own assembler loses part 4 of the live transfer.
        rig.Session.Received += report =>
        {
            if (dropping && report.Service == LargePacketSender.Service && report.ApplicationData.Span[3] == 4) return;
            assembler.Accept(report);
        };

        rig.Board.Software.LargeTransfer.TryStart(43, message, 0, message.Length);
        Assert.True(rig.Board.RunUntil(() => rig.Received.Count(r => r.Service == LargePacketSender.Service) == 9, 10_000_000));
        dropping = false;
        Assert.Equal([4], assembler.Missing(43));
        SequenceRange range = assembler.SequenceRangeFor(43, 4);
        Assert.Equal([range], assembler.ReplayRanges(43));

        TrackedCommand replay = rig.Await(rig.Session.Send("STORE_DOWNLINK_SEQ", range.From, range.To));
        rig.RunFor(1);

        Assert.True(replay.Completed, replay.ToString());
        Assert.Equal(message, Assert.Single(rebuilt).Data);
        Assert.Empty(assembler.Incomplete);
    }

    [Fact]
    public void AMessageStillMissingPartsWhenTheSessionEndsIsArchivedAsIncompleteWithItsReplayRange()
    {
        string directory = Path.Combine(Path.GetTempPath(), "payload-archive-tests", Guid.NewGuid().ToString("N"));
        string path = Path.Combine(directory, "archive.db");
        try
        {
            List<TelemetryReport> parts = Tm.Parts(77, Tm.Message(5 * 896, seed: 13), 896, 10_000_000, firstSequenceCount: 200, sequenceStep: 2);
            using (var writer = new ArchiveWriter(path, options: new ArchiveWriterOptions { FlushInterval = TimeSpan.Zero }))
            {
                foreach (TelemetryReport part in parts.Where((_, i) => i != 2)) writer.Write(part);
            }

            using var archive = new ArchiveReader(path);
            ArchivedMessage row = Assert.Single(archive.Messages());
            Assert.Equal((77, 4, false, "3", "203-205", (byte[]?)null), (row.TransactionId, row.Parts, row.Complete, row.MissingParts, row.ReplayRanges, row.Bytes));
            Assert.Equal(4, archive.Count("packets"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
