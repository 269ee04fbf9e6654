using CsCheck;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.LargeTransfer;

public class LargePacketSenderTests
{
    private const int PartSize = LargePacketSender.DefaultPartSize;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(PartSize - 1)]
    [InlineData(PartSize)]
    [InlineData(PartSize + 1)]
    [InlineData(2 * PartSize)]
    [InlineData(64 * 1024)]
    public void A_message_goes_down_in_first_intermediate_and_last_parts_and_reassembles_exactly(int length)
    {
        var rig = new LargeTransferRig();
        var message = LargeTransferRig.Message(length, seed: length);

        Assert.Equal(TransferStatus.Started, rig.Sender.TryStart(0xBEEF, message, 0, length));
        rig.Drain();

        var parts = rig.PartsOnWire();
        int expectedParts = Math.Max(2, (length + PartSize - 1) / PartSize);
        Assert.Equal(expectedParts, parts.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            byte expectedSubtype = i == 0 ? LargePacketSender.FirstPartSubtype
                : i == parts.Count - 1 ? LargePacketSender.LastPartSubtype : LargePacketSender.IntermediatePartSubtype;
            Assert.Equal(expectedSubtype, parts[i].ServiceSubtype);
            Assert.Equal(0xBEEF, PacketFields.U16(parts[i], 0));
            Assert.Equal(i + 1, PacketFields.U16(parts[i], 2));
            Assert.InRange(parts[i].ApplicationDataLength - LargePacketSender.HeaderLength, 0, PartSize);
            Assert.True(parts[i].PacketLength <= PacketLimits.MaxPacketLength);
        }

        var ground = new LargeMessageReassembler();
        ground.AcceptAll(parts);
        Assert.Equal(message, ground.Message(0xBEEF));
        Assert.Equal(parts.Count, ground.Count(PartOutcome.Accepted));
        Assert.Equal(0, rig.Downlink.Dropped(TelemetryClass.Bulk));
        Assert.Equal(new long[] { 0xBEEF, length, expectedParts }, rig.RecordedEvents.Raised.Single(e => e.Id == LargePacketSender.StartedEvent).Arguments);
        Assert.Equal(new long[] { 0xBEEF, expectedParts }, rig.RecordedEvents.Raised.Single(e => e.Id == LargePacketSender.CompletedEvent).Arguments);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(PartSize)]
    public void A_message_of_one_part_or_less_goes_as_a_first_part_with_all_its_data_and_an_empty_last_part(int length)
    {
        var rig = new LargeTransferRig();
        var message = LargeTransferRig.Message(length, seed: 3);

        rig.Sender.TryStart(7, message, 0, length);
        rig.Drain();

        var parts = rig.PartsOnWire();
        Assert.Equal(new byte[] { LargePacketSender.FirstPartSubtype, LargePacketSender.LastPartSubtype }, parts.Select(p => p.ServiceSubtype));
        Assert.Equal(LargePacketSender.HeaderLength + length, parts[0].ApplicationDataLength);
        Assert.Equal(LargePacketSender.HeaderLength, parts[1].ApplicationDataLength);
        Assert.Equal(2, PacketFields.U16(parts[1], 2));
    }

    [Fact]
    public void Any_length_and_part_size_reassembles_exactly()
    {
        var gen = Gen.Select(Gen.Int[0, 6000], Gen.Int[1, LargePacketSender.MaxPartSize], Gen.Int[0, 100], (length, partSize, offset) => (length, partSize, offset));
        Prop.ForAll(gen, c =>
        {
            var rig = new LargeTransferRig(capacity: 6000, partSize: c.partSize, storePackets: 8192);
            var source = LargeTransferRig.Message(c.offset + c.length + 5, seed: c.length);
            var expected = source.AsSpan(c.offset, c.length).ToArray();

            Assert.Equal(TransferStatus.Started, rig.Sender.TryStart(42, source, c.offset, c.length));
            rig.Drain();

            var ground = new LargeMessageReassembler();
            Assert.Equal(LargePacketSender.PartsFor(c.length, c.partSize), ground.AcceptAll(rig.Received()));
            Assert.Equal(expected, ground.Message(42));
        }, seed: 1301, iterations: 40);
    }

    [Fact]
    public void The_message_is_copied_so_the_producer_may_reuse_its_buffer_at_once()
    {
        var rig = new LargeTransferRig();
        var source = LargeTransferRig.Message(5000, seed: 9);
        var original = source.ToArray();

        rig.Sender.TryStart(1, source, 0, source.Length);
        Array.Clear(source);
        rig.Drain();

        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Received());
        Assert.Equal(original, ground.Message(1));
    }

    [Fact]
    public void TryStart_says_why_it_refuses_and_refuses_nothing_it_can_take()
    {
        var rig = new LargeTransferRig(capacity: 4096);
        var source = new byte[5000];

        Assert.Equal(TransferStatus.TooLong, rig.Sender.TryStart(1, source, 0, 4097));
        Assert.Equal(TransferStatus.InvalidRange, rig.Sender.TryStart(1, null!, 0, 0));
        Assert.Equal(TransferStatus.InvalidRange, rig.Sender.TryStart(1, source, -1, 10));
        Assert.Equal(TransferStatus.InvalidRange, rig.Sender.TryStart(1, source, 0, -1));
        Assert.Equal(TransferStatus.InvalidRange, rig.Sender.TryStart(1, source, 4990, 11));
        Assert.Equal(TransferStatus.InvalidRange, rig.Sender.TryStart(1, source, int.MaxValue, 10));
        Assert.False(rig.Sender.IsActive);
        Assert.Equal(0, rig.Parameters.Get(LargePacketSender.StartedParameter));

        Assert.Equal(TransferStatus.Started, rig.Sender.TryStart(1, source, 904, 4096));
        Assert.Equal(TransferStatus.Busy, rig.Sender.TryStart(2, source, 0, 10));
        rig.Drain();
        Assert.Equal(TransferStatus.Started, rig.Sender.TryStart(2, source, 0, 10));
        Assert.Equal(2, rig.Parameters.Get(LargePacketSender.StartedParameter));
    }

    [Fact]
    public void Parts_are_paced_by_bulk_room_and_none_is_dropped_while_another_producer_keeps_the_bulk_queue_full()
    {
        var rig = new LargeTransferRig(bulk: 4);
        var message = LargeTransferRig.Message(20_000, seed: 5);
        var filler = new byte[600];
        bool competing = true;
        int fillerSent = 0;
        rig.BeforeSender = () =>
        {
            while (competing && rig.Downlink.FreeSlots(TelemetryClass.Bulk) > 0)
            {
                Assert.True(rig.Downlink.Send(TelemetryClass.Bulk, 200, 1, filler, 0, filler.Length));
                fillerSent++;
            }
        };

        rig.Sender.TryStart(77, message, 0, message.Length);
        rig.RunFrames(300);
        // The other producer took every slot: the transfer waited instead of losing parts.
        Assert.Empty(rig.PartsOnWire());
        Assert.Equal(0, rig.Sender.PartsQueued);
        Assert.True(rig.Sender.IsActive);
        Assert.Equal(20_000, rig.Parameters.Get(LargePacketSender.OctetsPendingParameter));
        Assert.True(fillerSent > 40, $"{fillerSent} filler packets");

        competing = false;
        rig.Drain();

        Assert.Equal(0, rig.Downlink.Dropped(TelemetryClass.Bulk));
        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Received());
        Assert.Equal(message, ground.Message(77));
        Assert.Equal(0, ground.Count(PartOutcome.OutOfOrder) + ground.Count(PartOutcome.Duplicate) + ground.Count(PartOutcome.Malformed));
    }

    [Fact]
    public void Each_frame_queues_at_most_the_free_bulk_slots_and_at_most_parts_per_frame()
    {
        var rig = new LargeTransferRig(bulk: 8, partsPerFrame: 3);
        rig.Sender.TryStart(5, new byte[30 * PartSize], 0, 30 * PartSize);
        int previous = 0;
        while (rig.Sender.IsActive)
        {
            int free = rig.Downlink.FreeSlots(TelemetryClass.Bulk);
            rig.RunFrame();
            int queued = rig.Sender.PartsQueued - previous;
            Assert.InRange(queued, 0, Math.Min(free, 3));
            previous = rig.Sender.PartsQueued;
        }
        Assert.Equal(30, previous);
        Assert.Equal(0, rig.Downlink.Dropped(TelemetryClass.Bulk));
    }

    [Fact]
    public void A_part_the_downlink_refuses_is_tried_again_with_the_same_number_and_none_is_skipped()
    {
        // Link down with bulk diverted into a store that refuses when full: Send returns false although the queue has room.
        var rig = new LargeTransferRig(storeBytes: 8 * 1024, storePackets: 64);
        rig.Store.Policy = Payload.Flight.Storage.StoreOverflowPolicy.StopWhenFull;
        rig.Downlink.SetLinkUp(false);
        var message = LargeTransferRig.Message(30 * PartSize, seed: 11);

        rig.Sender.TryStart(9, message, 0, message.Length);
        rig.RunFrames(50);
        int queuedWhileFull = rig.Sender.PartsQueued;
        Assert.True(queuedWhileFull > 0 && queuedWhileFull < 30, $"{queuedWhileFull} parts queued");
        Assert.True(rig.Store.Refused > 0);
        Assert.True(rig.Sender.IsActive);

        // The link comes back: the remaining parts go out live (and are stored when there is room).
        rig.Downlink.SetLinkUp(true);
        rig.Drain();

        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Stored().Take(queuedWhileFull));
        ground.AcceptAll(rig.PartsOnWire());
        Assert.Equal(message, ground.Message(9));
        Assert.Equal(0, ground.Count(PartOutcome.Duplicate));
    }

    [Theory]
    [InlineData(1504)]
    [InlineData(1505)]
    public void Urgent_telemetry_overtakes_a_transfer_and_waits_behind_at_most_one_part_that_had_not_started(int seed)
    {
        var rig = new LargeTransferRig(bulk: 8);
        var message = LargeTransferRig.Message(64 * 1024, seed: seed);
        var random = new Random(seed);
        var submitted = new Dictionary<int, long>();
        var report = new byte[14];

        rig.Sender.TryStart(3, message, 0, message.Length);
        while (rig.Sender.IsActive || rig.Downlink.Depth(TelemetryClass.Bulk) > 0)
        {
            long frameStart = rig.Frame * LargeTransferRig.FrameMicroseconds;
            rig.RunFrame();
            if (random.Next(20) == 0)
            {
                long at = frameStart + 1 + random.Next((int)LargeTransferRig.FrameMicroseconds - 1);
                rig.AdvanceTo(at);
                int tag = submitted.Count + 1;
                BitConverter.TryWriteBytes(report.AsSpan(0, 4), tag);
                Assert.True(rig.Downlink.Send(TelemetryClass.Urgent, 5, 4, report, 0, report.Length));
                submitted[tag] = at;
            }
        }
        rig.Drain();

        var frames = rig.Uart.Frames;
        int checkedUrgent = 0;
        bool someWaited = false;
        for (int i = 0; i < frames.Count; i++)
        {
            var tm = frames[i].Telemetry;
            if (tm.ServiceType != 5) continue;
            long at = submitted[BitConverter.ToInt32(tm.Buffer, tm.ApplicationDataOffset)];
            int partsAhead = 0;
            for (int j = i - 1; j >= 0 && frames[j].StartMicroseconds > at; j--)
            {
                if (frames[j].Telemetry.ServiceType == LargePacketSender.Service) partsAhead++;
            }
            Assert.InRange(partsAhead, 0, 1);
            someWaited |= partsAhead == 1;
            checkedUrgent++;
        }
        Assert.Equal(submitted.Count, checkedUrgent);
        Assert.True(checkedUrgent > 20);
        Assert.True(someWaited);
        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Received());
        Assert.Equal(message, ground.Message(3));
    }

    [Fact]
    public void Abort_stops_the_transfer_keeps_what_was_queued_and_lets_the_next_one_start()
    {
        var rig = new LargeTransferRig();
        var message = LargeTransferRig.Message(40 * PartSize, seed: 2);
        rig.Sender.TryStart(21, message, 0, message.Length);
        rig.RunFrames(100);
        int queued = rig.Sender.PartsQueued;
        Assert.InRange(queued, 1, 39);

        Assert.False(rig.Sender.Abort(22));
        Assert.True(rig.Sender.Abort(21));
        rig.Drain();

        Assert.False(rig.Sender.IsActive);
        Assert.False(rig.Sender.IsHolding);
        Assert.Equal(queued, rig.PartsOnWire().Count);
        Assert.Equal(new long[] { 21, queued, 40 }, rig.RecordedEvents.Raised.Single(e => e.Id == LargePacketSender.AbortedEvent).Arguments);
        Assert.Equal(0, rig.RecordedEvents.Count(LargePacketSender.CompletedEvent));
        Assert.Equal(1, rig.Parameters.Get(LargePacketSender.AbortedParameter));
        Assert.Equal(0, rig.Parameters.Get(LargePacketSender.ActiveParameter));
        Assert.False(rig.Sender.Abort(21));

        Assert.Equal(TransferStatus.Started, rig.Sender.TryStart(23, message, 0, 100));
        rig.Drain();
        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Received());
        Assert.False(ground.IsComplete(21));
        Assert.Equal(message.AsSpan(0, 100).ToArray(), ground.Message(23));
    }

    [Fact]
    public void Parameters_follow_a_transfer()
    {
        var rig = new LargeTransferRig(bulk: 4);
        rig.Sender.TryStart(0x0102, new byte[10 * PartSize + 5], 0, 10 * PartSize + 5);
        Assert.Equal(1, rig.Parameters.Get(LargePacketSender.ActiveParameter));
        Assert.Equal(0x0102, rig.Parameters.Get(LargePacketSender.ActiveIdParameter));
        Assert.Equal(10 * PartSize + 5, rig.Parameters.Get(LargePacketSender.OctetsPendingParameter));

        rig.RunFrame();
        Assert.Equal(4, rig.Parameters.Get(LargePacketSender.PartsSentParameter));
        Assert.Equal(6 * PartSize + 5, rig.Parameters.Get(LargePacketSender.OctetsPendingParameter));

        rig.Drain();
        Assert.Equal(1, rig.Parameters.Get(LargePacketSender.StartedParameter));
        Assert.Equal(1, rig.Parameters.Get(LargePacketSender.CompletedParameter));
        Assert.Equal(11, rig.Parameters.Get(LargePacketSender.PartsSentParameter));
        Assert.Equal(0, rig.Parameters.Get(LargePacketSender.ActiveParameter));
        Assert.Equal(0, rig.Parameters.Get(LargePacketSender.OctetsPendingParameter));
        Assert.Equal(0x0102, rig.Parameters.Get(LargePacketSender.ActiveIdParameter));
    }

    [Fact]
    public void The_constructor_refuses_part_sizes_that_do_not_fit_a_packet_and_capacities_beyond_65535_parts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LargeTransferRig(partSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LargeTransferRig(partSize: LargePacketSender.MaxPartSize + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LargeTransferRig(capacity: 65536, partSize: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LargeTransferRig(partsPerFrame: 0));
        var largest = new LargeTransferRig(capacity: 65535, partSize: 1);
        Assert.Equal(65535, largest.Sender.Capacity);
        // The largest part still makes a packet within the link's limit.
        Assert.Equal(PacketLimits.MaxPacketLength, PacketLimits.MinTelemetryLength + LargePacketSender.HeaderLength + LargePacketSender.MaxPartSize);
    }
}
