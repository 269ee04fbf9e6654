using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using Payload.Flight.Tests.Telemetry;

namespace Payload.Flight.Tests.Storage;

public class SteadyStateAllocationTests
{
    [Fact]
    public void Downlink_store_and_replay_allocate_nothing_over_10000_frames_with_every_class_busy()
    {
        var rig = new DownlinkRig(urgent: 8, routine: 8, bulk: 4, storeBytes: 128 * 1024, storePackets: 512, progressEvery: 20, recordFrames: false);
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, Downlink.AllClasses);
        var small = new byte[12];
        var housekeeping = new byte[80];
        var bulk = new byte[600];
        var replays = Enumerable.Range(0, 8)
            .Select(_ => rig.StoreCommand(PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, PacketLimits.MaxSequenceCount)))
            .ToArray();
        int nextReplay = 0;
        int replaysStarted = 0;

        void Frame(int frame)
        {
            rig.Downlink.Send(TelemetryClass.Urgent, 5, 4, small, 0, small.Length);
            if (frame % 2 == 0) rig.Downlink.Send(TelemetryClass.Routine, 3, 25, housekeeping, 0, housekeeping.Length);
            if (frame % 5 == 0) rig.Downlink.Send(TelemetryClass.Bulk, 13, 1, bulk, 0, bulk.Length);
            if (!rig.StoreService.IsReplaying && rig.Queue.Count == 0)
            {
                var replay = replays[nextReplay++ % replays.Length];
                // Not Assert.Equal inside the measured loop: its comparer allocates.
                if (rig.Receiver.Submit(replay, 0, replay.Length, CommandSource.Link) != FailureCode.None) throw new InvalidOperationException("replay refused");
                replaysStarted++;
            }
            rig.RunFrame();
        }

        for (int i = 0; i < 3_000; i++) Frame(i);
        long sentBefore = rig.Downlink.Sent(TelemetryClass.Urgent) + rig.Downlink.Sent(TelemetryClass.Routine) + rig.Downlink.Sent(TelemetryClass.Bulk);
        long replayedBefore = rig.Parameters.Get(PacketStore.ReplayedParameter);
        int replaysBefore = replaysStarted;
        long overwrittenBefore = rig.Store.Overwritten;

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) Frame(i);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(0, allocated);
        // The window was busy: every class went down, the store wrapped, and replays ran and completed.
        Assert.True(rig.Downlink.Sent(TelemetryClass.Urgent) + rig.Downlink.Sent(TelemetryClass.Routine) + rig.Downlink.Sent(TelemetryClass.Bulk) - sentBefore > 10_000);
        Assert.True(rig.Downlink.Sent(TelemetryClass.Bulk) > 0 && rig.Downlink.Sent(TelemetryClass.Routine) > 0);
        Assert.True(rig.Parameters.Get(PacketStore.ReplayedParameter) - replayedBefore > 500);
        Assert.True(replaysStarted - replaysBefore >= 2);
        Assert.True(rig.Store.Overwritten > overwrittenBefore);
    }
}
