using Payload.Flight.Commanding;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.LargeTransfer;

public class LargeTransferStoreTests
{
    private const int PartSize = LargePacketSender.DefaultPartSize;

    [Fact]
    public void Every_part_is_kept_in_the_packet_store_though_bulk_is_not_in_the_store_always_mask()
    {
        var rig = new LargeTransferRig();
        Assert.Equal(Downlink.UrgentOnly, rig.Parameters.Get(Downlink.StoreAlwaysMaskParameter));
        var message = LargeTransferRig.Message(20_000, seed: 15);
        var other = new byte[50];

        rig.Sender.TryStart(15, message, 0, message.Length);
        Assert.True(rig.Downlink.Send(TelemetryClass.Bulk, 200, 1, other, 0, other.Length));
        rig.Drain();

        var stored = rig.Stored();
        var onWire = rig.PartsOnWire();
        Assert.Equal(onWire.Select(PacketFields.Bytes), stored.Where(t => t.ServiceType == LargePacketSender.Service).Select(PacketFields.Bytes));
        // The rule is per service: other bulk telemetry still follows the class mask.
        Assert.DoesNotContain(stored, t => t.ServiceType == 200);
        Assert.Contains(rig.Received(), t => t.ServiceType == 200);
    }

    [Fact]
    public void With_the_store_disabled_parts_are_not_stored()
    {
        var rig = new LargeTransferRig();
        rig.Store.Enabled = false;
        rig.Sender.TryStart(16, new byte[3000], 0, 3000);
        rig.Drain();

        Assert.Equal(4, rig.PartsOnWire().Count);
        Assert.Equal(0, rig.Store.Count);
    }

    [Fact]
    public void A_STORE_DOWNLINK_SEQ_replay_recovers_a_lost_part_once_the_message_is_no_longer_held()
    {
        var rig = new LargeTransferRig();
        var message = LargeTransferRig.Message(30 * PartSize + 100, seed: 17);
        rig.Sender.TryStart(17, message, 0, message.Length);
        // Routine and urgent traffic interleaves, so the lost part's neighbours are not adjacent in sequence count.
        var housekeeping = new byte[80];
        for (int i = 0; i < 400; i++)
        {
            if (i % 3 == 0) rig.Downlink.Send(TelemetryClass.Routine, 3, 25, housekeeping, 0, housekeeping.Length);
            if (i % 7 == 0) rig.Downlink.Send(TelemetryClass.Urgent, 5, 4, housekeeping, 0, 10);
            rig.RunFrame();
        }
        rig.Drain();
        rig.Sender.TryStart(18, message, 0, 10);
        rig.Drain();

        var ground = new LargeMessageReassembler();
        foreach (var tm in rig.PartsOnWire().Where(t => PacketFields.U16(t, 2) != 12 || PacketFields.U16(t, 0) != 17)) ground.Accept(tm);
        Assert.Equal(new List<int> { 12 }, ground.Missing(17));
        var resend = rig.Resend(17, 12, 12);
        rig.Submit(resend);
        rig.Drain();
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.UnknownIdentifier, 17L), rig.FinalReport(resend));

        var (from, to) = ground.SequenceRangeFor(17, 12);
        Assert.True(to - from > 0, "other packets lie between the neighbours of the lost part");
        int seen = rig.Uart.Frames.Count;
        var replay = rig.ReplayBySequence(from, to);
        rig.Submit(replay);
        rig.Drain();

        Assert.Equal(VerificationReporter.CompletionSuccess, rig.FinalReport(replay).Subtype);
        var replayed = rig.Uart.Frames.Skip(seen).Select(f => f.Telemetry).ToList();
        Assert.Contains(replayed, t => t.ServiceType != LargePacketSender.Service && t.ServiceType != VerificationReporter.Service);
        ground.AcceptAll(replayed);
        Assert.Equal(message, ground.Message(17));
        Assert.Equal(1, ground.Count(PartOutcome.OutOfOrder));
    }

    [Fact]
    public void While_the_link_is_down_parts_go_to_the_store_and_a_replay_brings_the_whole_message()
    {
        var rig = new LargeTransferRig(partsPerFrame: 4);
        rig.Downlink.SetLinkUp(false);
        var message = LargeTransferRig.Message(16 * 1024, seed: 19);

        rig.Sender.TryStart(19, message, 0, message.Length);
        rig.RunFrames(3);
        // partsPerFrame bounds the work per frame even though the diverted parts never fill the queue.
        Assert.Equal(12, rig.Sender.PartsQueued);
        rig.Drain();
        Assert.Empty(rig.Uart.Frames);
        Assert.Equal(1, rig.RecordedEvents.Count(LargePacketSender.CompletedEvent));
        Assert.Equal(19, rig.Store.Count);

        rig.Downlink.SetLinkUp(true);
        var replay = rig.ReplayBySequence(0, PacketLimits.MaxSequenceCount);
        rig.Submit(replay);
        rig.Drain();

        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Received());
        Assert.Equal(message, ground.Message(19));
        Assert.Equal(0, ground.Count(PartOutcome.Duplicate));
    }

    [Fact]
    public void With_bulk_kept_out_of_the_store_when_down_the_transfer_waits_for_the_link_and_is_stored_as_it_goes()
    {
        var rig = new LargeTransferRig(bulk: 4);
        rig.Parameters.Set(Downlink.StoreWhenDownMaskParameter, Downlink.AllClasses & ~(1 << (int)TelemetryClass.Bulk));
        rig.Downlink.SetLinkUp(false);
        var message = LargeTransferRig.Message(10 * PartSize, seed: 20);

        rig.Sender.TryStart(20, message, 0, message.Length);
        rig.RunFrames(100);
        Assert.Equal(4, rig.Sender.PartsQueued);
        Assert.Empty(rig.Uart.Frames);

        rig.Downlink.SetLinkUp(true);
        rig.Drain();
        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Received());
        Assert.Equal(message, ground.Message(20));
        Assert.Equal(10, rig.Stored().Count(t => t.ServiceType == LargePacketSender.Service));
        Assert.Equal(0, rig.Downlink.Dropped(TelemetryClass.Bulk));
    }
}
