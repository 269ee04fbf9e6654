using Payload.Flight.LargeTransfer;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Instrument;
using Payload.GroundStation.LargeTransfer;
using Payload.GroundStation.Tests.Reports;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>A pass's instrument messages sent by the board's ST[13] sender, archived and grouped into the pass.</summary>
public sealed class ArchivePassTests
{
    [Fact]
    public void RawChunksAndProductsOfAPassAreGroupedAndLoadBackWithTheHousekeepingAroundIt()
    {
        ScenePass scene = ScenePass.Nisar(seed: 1, passNumber: 3, decimation: 8);
        using var rig = new ArchiveRig().Booted();
        List<byte[]> messages = [.. scene.RawChunks(1000, passNumber: 3), scene.ProductsMessage];
        var rebuilt = new List<InstrumentMessage>();
        rig.Writer.MessageRebuilt += (_, decoded) => rebuilt.Add(decoded);

        Send(rig, messages);
        rig.RunFor(2);
        using ArchiveReader archive = rig.Read();

        Assert.Equal(messages.Count, rebuilt.Count);
        ArchivedPass pass = Assert.Single(archive.Passes());
        Assert.Equal((3, "LOSS_OF_SIGNAL", "NISAR", 8, messages.Count - 1, scene.RawPulses.Count),
            (pass.PassNumber, pass.EndReason, pass.ExpectedRadar, pass.Decimation!.Value, pass.RawChunks, pass.Records));
        Assert.Equal(messages, archive.Messages(pass.Id).Select(m => m.Bytes));
        Assert.All(archive.Messages(pass.Id), m => Assert.Equal(pass.Id, m.PassId));
        Assert.Equal(archive.Messages(pass.Id)[^1].Id, pass.ProductsId);

        PassData data = archive.LoadPass(pass.Id);
        Assert.Equal(scene.RawPulses, data.Pulses);
        Assert.Equal(scene.Pulses.Count, data.Products!.Products!.PulseCount);
        ParameterSeries uptime = Assert.Single(data.Housekeeping, s => s.Name == "sys.uptime");
        Assert.Equal("s", uptime.Unit);
        Assert.True(uptime.Points.Count >= 5, $"{uptime.Points.Count} uptime samples around the pass");
        Assert.Contains("\"end_reason\":\"LOSS_OF_SIGNAL\"", archive.Messages(pass.Id)[^1].Values, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNextPassNumberOrARepeatedChunkStartsANewPass()
    {
        ScenePass first = ScenePass.Nisar(seed: 1, passNumber: 1, decimation: 50);
        ScenePass second = ScenePass.Nisar(seed: 2, passNumber: 2, decimation: 50);
        string directory = Path.Combine(Path.GetTempPath(), "payload-archive-tests", Guid.NewGuid().ToString("N"));
        string path = Path.Combine(directory, "archive.db");
        try
        {
            ushort transaction = 1;
            ushort sequence = 0;
            long time = 1_000_000;
            using (var writer = new ArchiveWriter(path, options: new ArchiveWriterOptions { FlushInterval = TimeSpan.Zero }))
            {
                // Pass 1, pass 2, then pass 1 again after a reboot (its numbers start over).
                foreach (byte[] message in first.RawChunks(400).Append(first.ProductsMessage)
                    .Concat(second.RawChunks(400, passNumber: 2)).Append(second.ProductsMessage)
                    .Concat(first.RawChunks(400)))
                {
                    foreach (var part in Tm.Parts(transaction++, message, 896, time, sequence)) writer.Write(part);
                    sequence += 100;
                    time += 1_000_000;
                }
            }

            using var archive = new ArchiveReader(path);
            IReadOnlyList<ArchivedPass> passes = archive.Passes();
            Assert.Equal([1, 2, 1], passes.Select(p => p.PassNumber));
            Assert.Equal([first.RawPulses.Count, second.RawPulses.Count, first.RawPulses.Count], passes.Select(p => p.Records));
            Assert.Equal(["LOSS_OF_SIGNAL", "LOSS_OF_SIGNAL", null], passes.Select(p => p.EndReason));
            Assert.Null(archive.LoadPass(passes[2].Id).Products);
            var missing = Assert.Throws<KeyNotFoundException>(() => archive.LoadPass(9));
            Assert.Contains("no pass 9", missing.Message, StringComparison.Ordinal);
            Assert.Contains("(passes: 1, 2, 3)", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Send(ArchiveRig rig, IEnumerable<byte[]> messages)
    {
        LargePacketSender sender = rig.Board.Software.LargeTransfer;
        ushort transaction = 100;
        foreach (byte[] message in messages)
        {
            Assert.True(rig.Board.RunUntil(() => !sender.IsActive, 60_000_000), "the previous transfer never finished");
            Assert.Equal(TransferStatus.Started, sender.TryStart(transaction++, message, 0, message.Length));
        }
        Assert.True(rig.Board.RunUntil(() => !sender.IsActive && rig.Writer.Assembler.Incomplete.Count == 0
            && rig.Writer.Assembler.Count(LargePartOutcome.Accepted) >= messages.Sum(m => LargePacketSender.PartsFor(m.Length, sender.PartSize)), 60_000_000),
            "the messages never came down");
    }
}
