using System.Diagnostics;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Telemetry;
using Xunit.Abstractions;

namespace Payload.GroundStation.Tests.Archive;

public sealed class ArchiveBatchingTests(ITestOutputHelper output)
{
    [Fact]
    public void ThousandsOfPacketsAreWrittenInBatchesOfOneTransactionEach()
    {
        using var rig = new ArchiveRig().Booted();
        rig.RunFor(5);
        TelemetryReport[] sample = rig.Received.ToArray();
        string path = Path.Combine(rig.Directory, "batched.db");
        const int Packets = 20_000;
        const int BatchSize = 500;

        var watch = Stopwatch.StartNew();
        long batches;
        using (var writer = new ArchiveWriter(path, options: new ArchiveWriterOptions { BatchSize = BatchSize, FlushInterval = TimeSpan.Zero }))
        {
            for (int i = 0; i < Packets; i++)
            {
                TelemetryReport report = sample[i % sample.Length];
                writer.Write(report with { ReceivedAtMicroseconds = i });
            }
            Assert.Equal(Packets, writer.PacketsWritten);
            batches = writer.Batches;
        }
        watch.Stop();
        output.WriteLine($"{Packets} packets ({sample.Length} distinct, with their parameters and events) archived in {watch.Elapsed.TotalMilliseconds:0} ms: {Packets / watch.Elapsed.TotalSeconds:0} packets/s");

        Assert.Equal(Packets / BatchSize, batches);
        using var archive = new ArchiveReader(path);
        Assert.Equal(Packets, archive.Count("packets"));
        int perRound = sample.OfType<HousekeepingReport>().Sum(h => h.Values.Count);
        Assert.Equal((long)perRound * (Packets / sample.Length) + sample.Take(Packets % sample.Length).OfType<HousekeepingReport>().Sum(h => h.Values.Count),
            archive.Count("parameters"));
    }

    [Fact]
    public void APartialBatchWaitsForFlushAndIsWrittenByIt()
    {
        using var rig = new ArchiveRig(new ArchiveWriterOptions { BatchSize = 1000, FlushInterval = TimeSpan.Zero }).Booted();
        rig.RunFor(2);
        Assert.Equal(0, rig.Writer.PacketsWritten);

        rig.Writer.Flush();

        Assert.Equal(rig.Received.Count, rig.Writer.PacketsWritten);
        Assert.Equal(1, rig.Writer.Batches);
    }

    [Fact]
    public void TheTimerFlushesWithoutBeingAsked()
    {
        using var rig = new ArchiveRig(new ArchiveWriterOptions { BatchSize = 1000, FlushInterval = TimeSpan.FromMilliseconds(20) }).Booted();

        Assert.True(SpinWait.SpinUntil(() => rig.Writer.PacketsWritten > 0, TimeSpan.FromSeconds(10)), "the timer never flushed");
    }
}
