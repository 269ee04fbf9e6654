using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Tests.Telemetry;

public class DownlinkTests
{
    private const int FrameBytes = 116; // one 10 ms frame at 11 520 B/s, rounded up

    [Fact]
    public void A_sent_packet_goes_out_as_one_COBS_frame_with_its_headers()
    {
        var rig = new DownlinkRig();
        rig.Time.IsSynchronised = true;
        rig.AdvanceTo(0);
        var data = new byte[] { 0, 1, 0, 2, 0 };

        Assert.True(rig.Downlink.Send(TelemetryClass.Routine, 3, 25, data, 0, data.Length));
        rig.RunFrame();

        var frame = Assert.Single(rig.Uart.Frames);
        Assert.Equal(Cobs.Delimiter, frame.Bytes[^1]);
        Assert.DoesNotContain((byte)0, frame.Bytes[..^1]);
        var tm = frame.Telemetry;
        Assert.Equal(DownlinkRig.Apid, tm.Apid);
        Assert.Equal(0, tm.SequenceCount);
        Assert.Equal(DownlinkRig.GroundId, tm.Pus.DestinationId);
        Assert.Equal(CucTime.FromMicroseconds(DownlinkRig.EpochOffsetMicroseconds), tm.Time);
        Assert.Equal(TelemetryPacketizer.TimeSynchronised, tm.Pus.TimeReferenceStatus);
        Assert.Equal(data, tm.Buffer.AsSpan(tm.ApplicationDataOffset, tm.ApplicationDataLength).ToArray());
    }

    [Fact]
    public void Headers_count_sequence_per_APID_and_messages_per_type_across_classes()
    {
        var rig = new DownlinkRig();
        rig.Send(TelemetryClass.Bulk, 13, 1, 1, 10);
        rig.Send(TelemetryClass.Routine, 3, 25, 2, 10);
        rig.Send(TelemetryClass.Urgent, 5, 4, 3, 10);
        rig.Send(TelemetryClass.Routine, 3, 25, 4, 10);
        rig.Drain();

        var byTag = rig.Received().ToDictionary(DownlinkRig.TagOf);
        Assert.Equal(new[] { 0, 1, 2, 3 }, new[] { 1, 2, 3, 4 }.Select(t => (int)byTag[t].SequenceCount));
        Assert.Equal(new[] { 0, 0, 0, 1 }, new[] { 1, 2, 3, 4 }.Select(t => (int)byTag[t].Pus.MessageTypeCounter));
    }

    [Fact]
    public void Classes_go_out_in_strict_priority_order_and_in_order_within_a_class()
    {
        var rig = new DownlinkRig();
        int tag = 0;
        foreach (var priority in new[] { TelemetryClass.Bulk, TelemetryClass.Routine, TelemetryClass.Urgent })
        {
            for (int i = 0; i < 3; i++) rig.Send(priority, (byte)(10 + (int)priority), 1, ++tag, 40);
        }
        rig.Drain();

        Assert.Equal(new[] { 7, 8, 9, 4, 5, 6, 1, 2, 3 }, rig.Received().Select(DownlinkRig.TagOf));
    }

    [Fact]
    public void A_full_queue_drops_the_packet_counts_it_per_class_and_leaves_a_sequence_gap()
    {
        var rig = new DownlinkRig(urgent: 2, routine: 1, bulk: 1);

        Assert.True(rig.Send(TelemetryClass.Routine, 3, 25, 1, 10));
        Assert.False(rig.Send(TelemetryClass.Routine, 3, 25, 2, 10));
        Assert.False(rig.Send(TelemetryClass.Routine, 3, 25, 3, 10));
        Assert.True(rig.Send(TelemetryClass.Urgent, 5, 4, 4, 10));
        rig.RunFrame();

        Assert.Equal(2, rig.Downlink.Dropped(TelemetryClass.Routine));
        Assert.Equal(0, rig.Downlink.Dropped(TelemetryClass.Urgent));
        Assert.Equal(2, rig.Parameters.Get(Downlink.DroppedParameterBase + (int)TelemetryClass.Routine));
        Assert.Equal(0, rig.Parameters.Get(Downlink.DroppedParameterBase + (int)TelemetryClass.Bulk));
        Assert.Equal(new[] { 3, 0 }, rig.Received().Select(t => (int)t.SequenceCount));
    }

    [Fact]
    public void Data_too_long_for_a_packet_is_dropped_and_counted()
    {
        var rig = new DownlinkRig();
        var data = new byte[PacketLimits.MaxTelemetryApplicationDataLength + 1];

        Assert.False(rig.Downlink.Send(TelemetryClass.Bulk, 13, 1, data, 0, data.Length));
        Assert.Equal(1, rig.Downlink.Dropped(TelemetryClass.Bulk));
    }

    [Fact]
    public void Bytes_handed_to_the_link_never_exceed_the_rate_plus_one_frame_of_bytes_plus_one_packet()
    {
        var rig = new DownlinkRig(urgent: 4, routine: 4, bulk: 4, recordFrames: false);
        var random = new Random(1502);
        int tag = 0;
        for (int frame = 0; frame < 60 * 100; frame++)
        {
            foreach (var priority in new[] { TelemetryClass.Urgent, TelemetryClass.Routine, TelemetryClass.Bulk })
            {
                while (rig.Downlink.FreeSlots(priority) > 0)
                {
                    rig.Send(priority, 13, 1, ++tag, random.Next(0, PacketLimits.MaxTelemetryApplicationDataLength + 1));
                }
            }
            rig.RunFrame();
            long now = (rig.Frame - 1) * DownlinkRig.FrameMicroseconds;
            Assert.True(rig.Uart.BytesHanded <= (DownlinkRig.BytesPerSecond * now / 1_000_000) + FrameBytes + PacketLimits.MaxFrameLength,
                $"{rig.Uart.BytesHanded} bytes handed by {now} us");
        }

        // And the budget is used: a minute at 11 520 B/s less at most one frame and one packet.
        Assert.True(rig.Uart.BytesHanded >= (DownlinkRig.BytesPerSecond * 60) - FrameBytes - PacketLimits.MaxFrameLength);
        Assert.Equal(rig.Uart.BytesHanded, rig.Downlink.BytesSent);
        Assert.Equal(rig.Uart.BytesHanded, rig.Parameters.Get(Downlink.BytesSentParameter));
    }

    [Theory]
    [InlineData(1503, true)]
    [InlineData(1506, false)]
    public void With_bulk_always_pending_the_link_is_busy_at_least_95_percent_of_the_time(int seed, bool maxSizeBulk)
    {
        // Bulk packets of any size, not only 1 KB ones, whose 1030-octet frames happen to fill almost exactly nine frames of time.
        var traffic = new DownlinkTraffic(new DownlinkRig(urgent: 16, routine: 16, bulk: 4), seed,
            bulkLength: r => maxSizeBulk ? DownlinkTraffic.MaxBulkData : r.Next(200, DownlinkTraffic.MaxBulkData + 1),
            housekeepingPerSecond: 2, urgentPerSecond: 1);
        for (int i = 0; i < 60 * 100; i++) traffic.Step();

        double end = (traffic.Rig.Frame - 1) * DownlinkRig.FrameMicroseconds;
        double busy = traffic.Rig.Uart.BusyMicroseconds(end) / end;
        Assert.True(busy >= 0.95, $"link busy {busy:P2}");
        Assert.InRange(traffic.Rig.Parameters.Get(Downlink.UtilisationParameter), 950, 1000);
        Assert.Equal(0, traffic.Rig.Downlink.Dropped(TelemetryClass.Urgent) + traffic.Rig.Downlink.Dropped(TelemetryClass.Routine));
    }

    [Theory]
    [InlineData(1504, true)]
    [InlineData(1505, false)]
    public void An_urgent_packet_never_waits_behind_more_than_one_bulk_packet_that_had_not_started(int seed, bool largeBulk)
    {
        var traffic = new DownlinkTraffic(new DownlinkRig(urgent: 16, routine: 16, bulk: 8), seed,
            bulkLength: r => largeBulk ? DownlinkTraffic.MaxBulkData : r.Next(0, 200), housekeepingPerSecond: 5, urgentPerSecond: 5);
        for (int i = 0; i < 60 * 100; i++) traffic.Step();
        traffic.Rig.Drain();

        var outcomes = traffic.UrgentOutcomes();
        Assert.Equal(traffic.UrgentSubmitted, outcomes.Count);
        Assert.True(outcomes.Count > 200);
        Assert.All(outcomes, o => Assert.InRange(o.BulkAhead, 0, 1));
        // The bound is reached, so the test measures something: some urgent packets did wait behind a bulk one.
        Assert.Contains(outcomes, o => o.BulkAhead == 1);
        // One frame to be released, then at most: one frame of backlog, one bulk packet, housekeeping ahead, itself.
        Assert.All(outcomes, o => Assert.True(o.LatencyMicroseconds < 250_000, $"latency {o.LatencyMicroseconds} us"));
    }

    [Fact]
    public void While_the_link_is_down_nothing_is_transmitted_and_telemetry_goes_to_the_store()
    {
        var rig = new DownlinkRig();
        rig.Downlink.SetLinkUp(false);
        for (int i = 0; i < 5; i++) Assert.True(rig.Send((TelemetryClass)(i % 3), 3, 25, i, 30));
        rig.RunFrames(10);

        Assert.Empty(rig.Uart.Frames);
        Assert.Equal(5, rig.Store.Count);
        Assert.Equal(5, rig.Downlink.Diverted);
        Assert.Equal(5, rig.Parameters.Get(Downlink.DivertedParameter));
        Assert.Equal(0, rig.Parameters.Get(Downlink.LinkUpParameter));
        Assert.Equal(0, rig.Downlink.Depth(TelemetryClass.Urgent) + rig.Downlink.Depth(TelemetryClass.Routine) + rig.Downlink.Depth(TelemetryClass.Bulk));

        rig.Downlink.SetLinkUp(true);
        rig.Send(TelemetryClass.Routine, 3, 25, 99, 30);
        rig.Drain();
        Assert.Equal(new[] { 99 }, rig.Received().Select(DownlinkRig.TagOf));
        Assert.Equal(1, rig.Parameters.Get(Downlink.LinkUpParameter));
    }

    [Fact]
    public void Packets_queued_before_the_link_went_down_wait_for_it()
    {
        var rig = new DownlinkRig();
        rig.Send(TelemetryClass.Routine, 3, 25, 1, 30);
        rig.Downlink.SetLinkUp(false);
        rig.RunFrames(5);
        Assert.Empty(rig.Uart.Frames);

        rig.Downlink.SetLinkUp(true);
        rig.Drain();
        Assert.Equal(new[] { 1 }, rig.Received().Select(DownlinkRig.TagOf));
        Assert.Equal(0, rig.Store.Count);
    }

    [Fact]
    public void A_class_outside_the_store_when_down_mask_waits_in_its_queue_instead()
    {
        var rig = new DownlinkRig(routine: 2);
        rig.Parameters.Set(Downlink.StoreWhenDownMaskParameter, 1 << (int)TelemetryClass.Bulk);
        rig.Downlink.SetLinkUp(false);

        Assert.True(rig.Send(TelemetryClass.Routine, 3, 25, 1, 30));
        Assert.True(rig.Send(TelemetryClass.Routine, 3, 25, 2, 30));
        Assert.False(rig.Send(TelemetryClass.Routine, 3, 25, 3, 30));
        Assert.True(rig.Send(TelemetryClass.Bulk, 13, 1, 4, 30));
        rig.RunFrames(3);

        Assert.Equal(1, rig.Store.Count);
        Assert.Equal(1, rig.Downlink.Dropped(TelemetryClass.Routine));
        rig.Downlink.SetLinkUp(true);
        rig.Drain();
        Assert.Equal(new[] { 1, 2 }, rig.Received().Select(DownlinkRig.TagOf));
    }

    [Fact]
    public void With_the_store_disabled_telemetry_waits_in_the_queues_while_the_link_is_down()
    {
        var rig = new DownlinkRig();
        rig.Store.Enabled = false;
        rig.Downlink.SetLinkUp(false);
        rig.Send(TelemetryClass.Urgent, 5, 4, 1, 10);
        rig.RunFrames(3);

        Assert.Equal(0, rig.Store.Count);
        Assert.Equal(1, rig.Downlink.Depth(TelemetryClass.Urgent));
        rig.Downlink.SetLinkUp(true);
        rig.Drain();
        Assert.Equal(new[] { 1 }, rig.Received().Select(DownlinkRig.TagOf));
    }

    [Fact]
    public void Classes_in_the_store_always_mask_are_stored_and_transmitted_while_the_link_is_up()
    {
        var rig = new DownlinkRig();
        Assert.Equal(Downlink.UrgentOnly, rig.Parameters.Get(Downlink.StoreAlwaysMaskParameter));
        rig.Send(TelemetryClass.Urgent, 5, 4, 1, 10);
        rig.Send(TelemetryClass.Routine, 3, 25, 2, 10);
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, 1 << (int)TelemetryClass.Routine);
        rig.Send(TelemetryClass.Urgent, 5, 4, 3, 10);
        rig.Send(TelemetryClass.Routine, 3, 25, 4, 10);
        rig.Drain();

        Assert.Equal(new[] { 1, 3, 2, 4 }, rig.Received().Select(DownlinkRig.TagOf));
        Assert.Equal(2, rig.Store.Count);
        var stored = Enumerable.Range(0, 2).Select(i => rig.Store.SequenceCountOf(rig.Store.FirstRecord + i)).ToArray();
        Assert.Equal(new ushort[] { 0, 3 }, stored);
        Assert.Equal(0, rig.Downlink.Diverted);
    }

    [Fact]
    public void A_packet_the_store_refuses_while_the_link_is_down_is_reported_as_not_sent()
    {
        var rig = new DownlinkRig(storeBytes: 100, storePackets: 4);
        rig.Store.Policy = StoreOverflowPolicy.StopWhenFull;
        rig.Downlink.SetLinkUp(false);

        Assert.True(rig.Send(TelemetryClass.Routine, 3, 25, 1, 40));
        Assert.False(rig.Send(TelemetryClass.Routine, 3, 25, 2, 40));
        Assert.Equal(1, rig.Store.Refused);
        Assert.Equal(1, rig.Parameters.Get(PacketStore.RefusedParameter));
    }

    [Fact]
    public void Queue_depths_and_per_class_counts_are_telemetered()
    {
        var rig = new DownlinkRig(urgent: 8, routine: 8, bulk: 8);
        rig.Downlink.SetLinkUp(false);
        rig.Parameters.Set(Downlink.StoreWhenDownMaskParameter, 0);
        rig.Send(TelemetryClass.Urgent, 5, 4, 1, 10);
        for (int i = 0; i < 2; i++) rig.Send(TelemetryClass.Routine, 3, 25, 2, 10);
        for (int i = 0; i < 3; i++) rig.Send(TelemetryClass.Bulk, 13, 1, 3, 10);
        rig.RunFrame();

        Assert.Equal(new long[] { 1, 2, 3 }, Enumerable.Range(0, 3).Select(c => rig.Parameters.Get((ushort)(Downlink.DepthParameterBase + c))));
        rig.Downlink.SetLinkUp(true);
        rig.Drain();
        Assert.Equal(new long[] { 0, 0, 0 }, Enumerable.Range(0, 3).Select(c => rig.Parameters.Get((ushort)(Downlink.DepthParameterBase + c))));
        Assert.Equal(new long[] { 1, 2, 3 }, Enumerable.Range(0, 3).Select(c => rig.Parameters.Get((ushort)(Downlink.SentParameterBase + c))));
        Assert.Equal(1, rig.Downlink.Sent(TelemetryClass.Urgent));
    }

    [Fact]
    public void Utilisation_is_reported_per_mille_over_the_last_second()
    {
        var rig = new DownlinkRig(bulk: 2);
        // About a quarter of the link: one 60-octet frame every 20 ms is 3 000 B/s of 11 520.
        for (int frame = 0; frame < 300; frame++)
        {
            if (frame % 2 == 0) rig.Send(TelemetryClass.Bulk, 13, 1, frame, 37);
            rig.RunFrame();
        }

        long expected = rig.Uart.Frames[^1].Bytes.Length * 50 * 1000 / DownlinkRig.BytesPerSecond;
        Assert.InRange(rig.Parameters.Get(Downlink.UtilisationParameter), expected - 10, expected + 10);
        rig.RunFrames(300);
        Assert.Equal(0, rig.Parameters.Get(Downlink.UtilisationParameter));
    }
}
