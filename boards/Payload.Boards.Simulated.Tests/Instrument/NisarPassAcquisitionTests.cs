using Payload.Boards.Simulated.Scene;
using Payload.Flight.Commanding;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Protocol;
using Xunit.Abstractions;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Boards.Simulated.Tests.Instrument;

/// <summary>Radar passes end to end: scene → chip model → flight driver → acquisition controller → pass products and raw records for ST[13].</summary>
public class NisarPassAcquisitionTests(ITestOutputHelper output)
{
    private const long Second = AcquisitionBench.Second;

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)] // ESP32: edges reach managed code merged, up to a 20 ms time slice late
    public void A_clean_NISAR_pass_is_acquired_whole_and_its_products_and_raw_records_go_down(long edgeLatencyMicroseconds)
    {
        var bench = new AcquisitionBench(edgeLatencyMicroseconds).Start();
        Assert.Equal(FailureCode.None, bench.Arm().Code);
        var pass = bench.FlyPass(RadarProfile.NisarL());

        Assert.True(bench.RunUntilIdleWithProducts(20));

        var controller = bench.Controller;
        int threshold = bench.Settings.Threshold;
        int detectable = pass.Pulses.Count(p => !p.IsDropped && p.ComparatorCode >= threshold && p.WidthTicks >= bench.Settings.MinWidthTicks);
        output.WriteLine($"scene {pass.Pulses.Count} pulses, {detectable} above threshold; pass {controller.Pass.Pulses}, outside {controller.Pass.RecordsOutsidePass}; " +
            $"edges {controller.Edges} (read {controller.EdgeReads}, skipped {controller.EdgesSkipped}), frame reads {controller.FrameReads}");
        Assert.Equal(detectable, bench.Chip.PulseCount);
        // A clean bus loses nothing: every record the chip made is in the pass or was counted before it started.
        Assert.Equal((0L, 0L, 0L, 0L, 0L), (bench.Chip.LostCount, bench.Driver.RecordsLost, bench.Driver.RingOverflows, bench.Driver.CrcErrors, controller.Raw.Dropped));
        Assert.Equal(detectable, controller.Pass.Pulses + controller.Pass.RecordsOutsidePass);
        Assert.InRange(controller.Pass.RecordsOutsidePass, 0, detectable / 100);
        Assert.Equal(PassEndReason.LossOfSignal, controller.Pass.LastEndReason);

        var products = controller.Pass.Products;
        Assert.Equal(controller.Pass.Pulses, products.PulseCount);
        Assert.InRange(products.PrfMilliHz, 1_640_000, 1_660_000);
        double peakErrorS = (products.PeakToa - pass.Truth.PeakToaTicks) / 80e6;
        double beamwidthDeg = products.BeamwidthMicroDeg / 1e6;
        output.WriteLine($"peak {peakErrorS * 1000:F1} ms off, beamwidth {beamwidthDeg:F4} deg (truth {pass.Truth.BeamwidthDeg:F4}), validity {products.Validity}");
        Assert.InRange(peakErrorS, -0.05, 0.05);
        Assert.InRange(beamwidthDeg, pass.Truth.BeamwidthDeg * 0.9, pass.Truth.BeamwidthDeg * 1.1);

        byte[] message = Assert.Single(bench.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Equal(AcquisitionMessage.ProductsLength, message.Length);
        Assert.Equal(products.PulseCount, (int)BigEndian.ReadUInt32(message, AcquisitionMessage.ProductsOffset + 13));
        var chunks = bench.Downlink.OfKind(AcquisitionMessage.RawRecordsKind);
        int chunkRecords = bench.Settings.RawChunkRecords;
        Assert.Equal((products.PulseCount + chunkRecords) / chunkRecords, chunks.Count);
        Assert.All(chunks, c => Assert.Equal(AcquisitionMessage.RawLength(BigEndian.ReadUInt16(c, 10)), c.Length));
        Assert.Equal(products.PulseCount, chunks.Sum(c => BigEndian.ReadUInt16(c, 10)));
        Assert.Equal(1, chunks[^1][8]);
        Assert.Equal(products.FirstToa, PulseRecordCodec.ReadToaTicks(chunks[0], AcquisitionMessage.RawHeaderLength));
        var started = Assert.Single(bench.Log.Of(PassStartedEvent));
        Assert.Equal([1L, products.FirstToa / 80_000], started);
    }

    [Fact]
    public void A_sentinel1_pass_with_its_bursts_is_acquired_and_ends_by_loss_of_signal()
    {
        var bench = new AcquisitionBench(20_000).Start();
        Assert.Equal(FailureCode.None, bench.Arm(radar: ExpectedRadar.Sentinel1).Code);
        var pass = bench.FlyPass(RadarProfile.Sentinel1Iw());

        Assert.True(bench.RunUntilIdleWithProducts(20));

        var products = bench.Controller.Pass.Products;
        output.WriteLine($"pulses {products.PulseCount}, clusters {products.PriClusterCount}, PRF {products.PrfMilliHz} mHz, end {bench.Controller.Pass.LastEndReason}");
        Assert.Equal(bench.Chip.PulseCount, bench.Controller.Pass.Pulses + bench.Controller.Pass.RecordsOutsidePass);
        Assert.Equal(PassEndReason.LossOfSignal, bench.Controller.Pass.LastEndReason);
        Assert.InRange(products.PrfMilliHz, 1_445_000, 1_460_000); // IW2, the sub-swath aimed at the receiver
    }
}
