using Payload.Flight.Commanding;
using Payload.Flight.Events;
using Payload.Flight.Instrument.Acquisition;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>The acquisition loop allocates nothing per block, per record or per frame: a whole pass, arming to idle, products and raw records included.</summary>
public class AcquisitionAllocationTests
{
    private const long Second = 80_000_000;
    private const int Pri = 48_485;

    private sealed class CountingEventSink : IEventSink
    {
        public long Count;
        public void Raise(ushort eventId) => Count++;
        public void Raise(ushort eventId, long argument0) => Count++;
        public void Raise(ushort eventId, long argument0, long argument1) => Count++;
        public void Raise(ushort eventId, long argument0, long argument1, long argument2) => Count++;
    }

    [Fact]
    public void A_pass_from_arming_to_idle_allocates_nothing_once_warm()
    {
        var events = new CountingEventSink();
        var rig = new AcquisitionRig(events) { Edges = true };
        rig.Downlink.Keep = false;
        rig.Downlink.FramesPerTransfer = 5;
        rig.Start();
        // Two passes, 20 s apart, queued on the chip before measuring; the first warms every path.
        long first = rig.NowTicks + Second / 2;
        long second = first + 20 * Second;
        rig.Train(first, 4000, Pri, AcquisitionRig.Beam(4000, 800));
        rig.Train(second, 4000, Pri, AcquisitionRig.Beam(4000, 800));
        rig.Chip.DamageBursts = 0;

        Assert.Equal(FailureCode.None, Pass(rig, first));
        long blocks = rig.Driver.BlocksRead;
        long starts = rig.Downlink.Starts;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        FailureCode armed = Pass(rig, second);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(FailureCode.None, armed);
        Assert.Equal(0, allocated);
        Assert.Equal(PassState.Idle, rig.Controller.Pass.State);
        Assert.Equal(4000, rig.Controller.Pass.Products.PulseCount);
        Assert.True(rig.Driver.BlocksRead - blocks >= 4000 / AcquisitionRig.BlockRecords);
        Assert.Equal(1 + 4000 / 64 + 1, rig.Downlink.Starts - starts); // products and every raw chunk
        Assert.True(rig.Controller.EdgeReads > 0 && rig.Controller.FrameReads > 0);
        Assert.True(events.Count > 0);
    }

    private static FailureCode Pass(AcquisitionRig rig, long pulsesFrom)
    {
        while (rig.NowTicks < pulsesFrom - Second / 4) rig.Step();
        FailureCode armed = rig.Controller.Arm(60, 120, ExpectedRadar.Nisar, 0, 0, out _);
        for (int frame = 0; frame < 1500 && !(rig.Controller.Pass.State == PassState.Idle && rig.Controller.Pass.HasProducts && rig.NowTicks > pulsesFrom); frame++)
        {
            rig.Step();
        }

        return armed;
    }
}
