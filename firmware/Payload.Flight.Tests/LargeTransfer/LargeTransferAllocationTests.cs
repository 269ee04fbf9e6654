using Payload.Flight.Commanding;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.LargeTransfer;

public class LargeTransferAllocationTests
{
    [Fact]
    public void Transfers_of_64_KB_with_urgent_traffic_resend_and_abort_commands_allocate_nothing()
    {
        var events = new CountingEventSink();
        var rig = new LargeTransferRig(recordFrames: false, events: events, storePackets: 512);
        var message = LargeTransferRig.Message(64 * 1024, seed: 64);
        var urgent = new byte[14];
        // Telecommands are built beforehand, as they would arrive from the link.
        var resends = Enumerable.Range(0, 10).Select(i => rig.Resend((ushort)i, 1, 10)).ToArray();
        var aborts = Enumerable.Range(0, 10).Select(i => rig.Abort((ushort)i)).ToArray();
        long partsPerTransfer = LargePacketSender.PartsFor(message.Length, LargePacketSender.DefaultPartSize);

        void Submit(byte[] telecommand)
        {
            // Not Assert.Equal inside the measured loop: its comparer allocates.
            if (rig.Receiver.Submit(telecommand, 0, telecommand.Length, CommandSource.Link) != FailureCode.None) throw new InvalidOperationException("refused");
        }

        void Transfer(ushort id, bool abortMidway)
        {
            if (rig.Sender.TryStart(id, message, 0, message.Length) != TransferStatus.Started) throw new InvalidOperationException("busy");
            for (int frame = 0; rig.Sender.IsActive || rig.Sender.IsResending || rig.Dispatcher.RunningCount > 0 || rig.Queue.Count > 0; frame++)
            {
                if (frame % 10 == 0) rig.Downlink.Send(TelemetryClass.Urgent, 5, 4, urgent, 0, urgent.Length);
                if (frame == 200) Submit(resends[id]);
                if (abortMidway && frame == 400) Submit(aborts[id]);
                rig.RunFrame();
            }
            rig.RunFrames(20);
        }

        Transfer(1, abortMidway: false);
        Transfer(2, abortMidway: true);
        long started = events.Count(LargePacketSender.StartedEvent);
        long completed = events.Count(LargePacketSender.CompletedEvent);
        long aborted = events.Count(LargePacketSender.AbortedEvent);
        long parts = rig.Parameters.Get(LargePacketSender.PartsSentParameter);
        long resent = rig.Parameters.Get(LargePacketSender.PartsResentParameter);

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (ushort id = 3; id <= 7; id++) Transfer(id, abortMidway: false);
        Transfer(8, abortMidway: true);
        Transfer(9, abortMidway: false);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(0, allocated);
        // The window did the work: seven transfers, six whole, one aborted, each with a resend of ten parts.
        Assert.Equal(7, events.Count(LargePacketSender.StartedEvent) - started);
        Assert.Equal(6, events.Count(LargePacketSender.CompletedEvent) - completed);
        Assert.Equal(1, events.Count(LargePacketSender.AbortedEvent) - aborted);
        Assert.True(rig.Parameters.Get(LargePacketSender.PartsSentParameter) - parts > 6 * partsPerTransfer);
        Assert.Equal(70, rig.Parameters.Get(LargePacketSender.PartsResentParameter) - resent);
        Assert.Equal(0, rig.Downlink.Dropped(TelemetryClass.Bulk));
    }
}
