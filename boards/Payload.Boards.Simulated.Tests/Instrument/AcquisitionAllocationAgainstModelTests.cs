using Payload.Boards.Simulated.Scene;
using Payload.Flight.Commanding;
using Payload.Flight.Instrument.Acquisition;

namespace Payload.Boards.Simulated.Tests.Instrument;

/// <summary>A whole NISAR pass through the chip model, the driver and the acquisition allocates nothing once a first pass has warmed every path.</summary>
public class AcquisitionAllocationAgainstModelTests
{
    [Fact]
    public void A_second_NISAR_pass_allocates_nothing_per_block_per_record_or_per_frame()
    {
        var events = new EventCounter();
        var bench = new AcquisitionBench(20_000, events).Start();
        bench.Downlink.Keep = false;
        var first = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Clock = new ToaClock { EpochTicks = 1 * AcquisitionBench.Second } });
        var second = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Seed = 2, Clock = new ToaClock { EpochTicks = 30 * AcquisitionBench.Second } });
        var firstSource = first.CreateSource();
        var secondSource = second.CreateSource();

        bench.Antenna.Switch(firstSource);
        Assert.Equal(FailureCode.None, bench.Arm().Code);
        Assert.True(bench.RunUntilIdleWithProducts(25));
        long blocks = bench.Driver.BlocksRead;
        long starts = bench.Downlink.Starts;
        bench.Antenna.Switch(secondSource);

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        FailureCode armed = bench.Controller.Arm(30, 60, ExpectedRadar.Nisar, 0, 0, out _);
        bool done = bench.RunUntilIdleWithProducts(40);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal((FailureCode.None, true), (armed, done));
        Assert.Equal(0, allocated);
        Assert.True(bench.Controller.Pass.Pulses > 10_000);
        Assert.True(bench.Driver.BlocksRead - blocks > 150);
        Assert.True(bench.Downlink.Starts - starts > bench.Controller.Pass.Pulses / bench.Settings.RawChunkRecords);
        Assert.Equal(2, bench.Controller.Pass.PassNumber);
        Assert.True(events.Count >= 8);
    }
}
