using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using Payload.Flight.Tests.Telemetry;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Storage;

public class PacketStoreServiceTests
{
    private const long Second = 1_000_000;

    /// <summary>Sends <paramref name="count"/> tagged packets with the link down, one every <paramref name="framesApart"/> frames; tag i gets sequence count i.</summary>
    private static List<long> StoreWhileLinkDown(DownlinkRig rig, int count, int framesApart = 50, int length = 60)
    {
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, 0);
        rig.Downlink.SetLinkUp(false);
        var times = new List<long>();
        for (int i = 0; i < count; i++)
        {
            times.Add(rig.Time.MissionMicroseconds);
            rig.Send((TelemetryClass)(i % 3), 3, 25, i, length);
            rig.RunFrames(framesApart);
        }
        Assert.Empty(rig.Uart.Frames);
        rig.Downlink.SetLinkUp(true);
        return times;
    }

    private static List<TelemetryPacket> Replayed(DownlinkRig rig) =>
        rig.Received().Where(t => t.ServiceType != VerificationReporter.Service && t.ServiceType != PacketStore.Service).ToList();

    private static byte[] Execute(DownlinkRig rig, byte subtype, byte[]? arguments = null)
    {
        var tc = rig.StoreCommand(subtype, arguments);
        rig.Submit(tc);
        rig.Drain();
        return tc;
    }

    private static byte[] Subtypes(DownlinkRig rig, byte[] tc) => rig.ReportsFor(tc).Select(r => r.Subtype).ToArray();

    [Fact]
    public void Telemetry_stored_while_the_link_was_down_is_replayed_by_time_range_unchanged_and_in_order()
    {
        var rig = new DownlinkRig(bulk: 2);
        var times = StoreWhileLinkDown(rig, 20);
        uint from = (uint)(times[5] / Second);
        uint to = (uint)(times[12] / Second);
        var expected = Enumerable.Range(0, 20).Where(i => times[i] / Second >= from && times[i] / Second <= to).ToArray();

        var tc = Execute(rig, PacketStore.DownlinkByTimeSubtype, PacketFields.U32Args(from, to));

        var replayed = Replayed(rig);
        Assert.Equal(expected, replayed.Select(DownlinkRig.TagOf));
        Assert.Equal(expected, replayed.Select(t => (int)t.SequenceCount));
        Assert.Equal(expected.Select(i => CucTime.FromMicroseconds(times[i])), replayed.Select(t => t.Time));
        long first = rig.Store.FirstRecord;
        Assert.Equal(expected.Select(i => rig.Store.Data.AsSpan(rig.Store.OffsetOf(first + i), rig.Store.LengthOf(first + i)).ToArray()),
            replayed.Select(PacketFields.Bytes));
        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, tc));
        Assert.Equal(expected.Length, rig.Parameters.Get(PacketStore.ReplayedParameter));
        Assert.Equal(20, rig.Store.Count);
    }

    [Fact]
    public void A_replay_by_sequence_range_sends_the_exact_bytes_that_went_down_live()
    {
        var rig = new DownlinkRig();
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, Downlink.AllClasses);
        for (int i = 0; i < 12; i++) rig.Send((TelemetryClass)(i % 3), (byte)(3 + i % 3), 25, i, 20 + 30 * i);
        rig.Drain();
        var live = rig.Received().ToDictionary(t => (int)t.SequenceCount, PacketFields.Bytes);
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, 0);

        Execute(rig, PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(3, 9));

        var replayed = Replayed(rig).Skip(12).ToList();
        Assert.Equal(Enumerable.Range(3, 7).Select(s => live[s]), replayed.Select(PacketFields.Bytes));
    }

    [Fact]
    public void A_sequence_range_whose_start_is_above_its_end_wraps_past_16383()
    {
        var rig = new DownlinkRig();
        StoreWhileLinkDown(rig, 10, framesApart: 1);

        Execute(rig, PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(7, 2));

        Assert.Equal(new[] { 0, 1, 2, 7, 8, 9 }, Replayed(rig).Select(t => (int)t.SequenceCount));
    }

    [Fact]
    public void A_range_that_matches_nothing_completes_at_once_with_zero_packets()
    {
        var rig = new DownlinkRig();
        var times = StoreWhileLinkDown(rig, 5, framesApart: 1);
        uint future = (uint)(times[^1] / Second) + 100;

        var tc = Execute(rig, PacketStore.DownlinkByTimeSubtype, PacketFields.U32Args(future, future + 10));

        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, tc));
        Assert.Empty(Replayed(rig));
        Assert.Equal(0, rig.StoreService.LastReplayCount);
        Assert.False(rig.StoreService.IsReplaying);
    }

    [Fact]
    public void A_time_range_that_ends_before_it_starts_fails_to_start_with_illegal_argument()
    {
        var rig = new DownlinkRig();

        var tc = Execute(rig, PacketStore.DownlinkByTimeSubtype, PacketFields.U32Args(800_000_010, 800_000_009));

        Assert.Equal(new byte[] { 1, 4, 8 }, Subtypes(rig, tc));
        var failure = rig.ReportsFor(tc)[1];
        Assert.Equal(FailureCode.IllegalArgument, failure.Code);
        Assert.Equal(1, failure.Data);
    }

    [Fact]
    public void A_sequence_count_above_16383_is_refused_at_acceptance()
    {
        var rig = new DownlinkRig();

        var tc = Execute(rig, PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, 16384));

        var report = Assert.Single(rig.ReportsFor(tc));
        Assert.Equal((VerificationReporter.AcceptanceFailure, FailureCode.IllegalArgument, 1L), report);
    }

    [Fact]
    public void A_replay_spans_frames_reports_progress_every_N_packets_and_completes_when_the_last_is_queued()
    {
        var rig = new DownlinkRig(bulk: 2, progressEvery: 10);
        StoreWhileLinkDown(rig, 25, framesApart: 1, length: 400);
        var tc = rig.StoreCommand(PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, PacketLimits.MaxSequenceCount));

        rig.Submit(tc);
        rig.RunFrame();
        Assert.True(rig.StoreService.IsReplaying);
        Assert.Equal(new byte[] { 1, 3 }, Subtypes(rig, tc));
        rig.Drain();

        Assert.Equal(new byte[] { 1, 3, 5, 5, 7 }, Subtypes(rig, tc));
        var progress = rig.Received().Where(t => t.ServiceType == 1 && t.ServiceSubtype == VerificationReporter.ProgressSuccess).Select(t => PacketFields.U16(t, 4));
        Assert.Equal(new[] { 1, 2 }, progress);
        Assert.Equal(Enumerable.Range(0, 25), Replayed(rig).Select(t => (int)t.SequenceCount));
        // Completion is reported when the last packet is queued, so it goes down before that packet (Urgent before Bulk).
        var frames = rig.Received();
        int completion = frames.FindIndex(t => t.ServiceType == 1 && t.ServiceSubtype == VerificationReporter.CompletionSuccess);
        Assert.True(completion < frames.FindLastIndex(t => t.ServiceType == 3));
    }

    [Fact]
    public void A_second_replay_while_one_runs_fails_busy_and_the_first_carries_on()
    {
        var rig = new DownlinkRig(bulk: 1);
        StoreWhileLinkDown(rig, 20, framesApart: 1, length: 500);
        var first = rig.StoreCommand(PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, 19));
        rig.Submit(first);
        rig.RunFrames(2);

        var second = rig.StoreCommand(PacketStore.DownlinkByTimeSubtype, PacketFields.U32Args(0, uint.MaxValue));
        rig.Submit(second);
        rig.Drain();

        Assert.Equal((VerificationReporter.StartFailure, FailureCode.Busy, 0L), rig.ReportsFor(second)[1]);
        Assert.Equal(new byte[] { 1, 3, 5, 5, 7 }, Subtypes(rig, first));
        Assert.Equal(Enumerable.Range(0, 20), Replayed(rig).Select(DownlinkRig.TagOf));
    }

    [Fact]
    public void Packets_overwritten_during_a_replay_are_skipped_and_the_replay_still_completes()
    {
        var rig = new DownlinkRig(bulk: 1, storePackets: 8);
        StoreWhileLinkDown(rig, 8, framesApart: 1, length: 900);
        var tc = rig.StoreCommand(PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, 7));
        rig.Submit(tc);
        rig.RunFrame();
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, Downlink.AllClasses);
        for (int i = 0; i < 6; i++) rig.Send(TelemetryClass.Routine, 3, 26, 100 + i, 10);
        rig.Drain();

        var tags = Replayed(rig).Where(t => t.ServiceSubtype == 25).Select(DownlinkRig.TagOf).ToArray();
        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, tc));
        Assert.True(tags.Length < 8);
        Assert.Equal(tags.Order(), tags);
        Assert.Equal(0, tags[0]);
        Assert.True(rig.Store.Overwritten >= 6);
    }

    [Fact]
    public void A_replay_that_cannot_finish_times_out_and_the_next_one_is_accepted()
    {
        var rig = new DownlinkRig(bulk: 1);
        StoreWhileLinkDown(rig, 5, framesApart: 1);
        rig.Downlink.SetLinkUp(false);
        rig.Submit(rig.StoreCommand(PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, 4)));
        rig.RunFrames(PacketStore.ReplayTimeoutTicks + 2);

        Assert.False(rig.StoreService.IsReplaying);
        Assert.Equal(1, rig.Parameters.Get(CommandingDictionary.TimeoutCount));
        rig.Downlink.SetLinkUp(true);
        var next = Execute(rig, PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, 4));
        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, next));
    }

    [Fact]
    public void An_urgent_packet_is_not_held_up_by_a_replay()
    {
        var rig = new DownlinkRig(bulk: 4);
        StoreWhileLinkDown(rig, 40, framesApart: 1, length: 1000);
        rig.Submit(rig.StoreCommand(PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args(0, 39), AckFlags.None));
        rig.RunFrames(50);
        long submitted = rig.Now + 3_000;
        rig.AdvanceTo(submitted);
        rig.Send(TelemetryClass.Urgent, 5, 4, 777, 12);
        rig.Drain();

        var frames = rig.Uart.Frames;
        int urgent = frames.FindIndex(f => f.Telemetry.ServiceType == 5);
        int bulkAhead = frames.Take(urgent).Count(f => f.StartMicroseconds > submitted);
        Assert.InRange(bulkAhead, 0, 1);
        Assert.True(frames.Skip(urgent).Count(f => f.Telemetry.ServiceType == 3) > 10, "the replay was still running");
    }

    [Fact]
    public void Policy_and_storage_function_are_set_by_command()
    {
        var rig = new DownlinkRig();
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, 0);

        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, Execute(rig, PacketStore.SetPolicySubtype, [1])));
        Assert.Equal(StoreOverflowPolicy.StopWhenFull, rig.Store.Policy);
        Assert.Equal(1, rig.Parameters.Get(PacketStore.PolicyParameter));
        Assert.Equal(VerificationReporter.AcceptanceFailure, Subtypes(rig, Execute(rig, PacketStore.SetPolicySubtype, [2]))[0]);
        Execute(rig, PacketStore.SetPolicySubtype, [0]);
        Assert.Equal(StoreOverflowPolicy.Circular, rig.Store.Policy);

        Execute(rig, PacketStore.DisableSubtype);
        Assert.False(rig.Store.Enabled);
        Assert.Equal(0, rig.Parameters.Get(PacketStore.EnabledParameter));
        rig.Downlink.SetLinkUp(false);
        rig.Send(TelemetryClass.Routine, 3, 25, 1, 10);
        Assert.Equal(0, rig.Store.Count);
        rig.Downlink.SetLinkUp(true);

        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, Execute(rig, PacketStore.EnableSubtype)));
        Assert.True(rig.Store.Enabled);
        Assert.Equal(1, rig.Parameters.Get(PacketStore.EnabledParameter));
    }

    [Fact]
    public void Delete_until_removes_the_packets_stamped_before_the_given_second()
    {
        var rig = new DownlinkRig();
        var times = StoreWhileLinkDown(rig, 6, framesApart: 100);

        var tc = Execute(rig, PacketStore.DeleteUntilSubtype, PacketFields.U32Args((uint)(times[3] / Second)));

        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, tc));
        Assert.Equal(3, rig.Store.Count);
        Assert.Equal(3, rig.Store.SequenceCountOf(rig.Store.FirstRecord));
        Assert.Equal(3, rig.Parameters.Get(PacketStore.DeletedParameter));
    }

    [Fact]
    public void Delete_until_deletes_a_bounded_number_of_packets_per_frame_and_completes_when_done()
    {
        var rig = new DownlinkRig(storeBytes: 64 * 1024, storePackets: 1024);
        const int held = 2 * PacketStoreService.DeleteBudget + 100;
        StoreWhileLinkDown(rig, held, framesApart: 1, length: 8);
        var tc = rig.StoreCommand(PacketStore.DeleteUntilSubtype, PacketFields.U32Args(uint.MaxValue));

        rig.Submit(tc);
        var counts = new List<int>();
        for (int frame = 0; frame < 4; frame++)
        {
            rig.RunFrame();
            counts.Add(rig.Store.Count);
        }
        rig.Drain();

        Assert.Equal([held - PacketStoreService.DeleteBudget, held - 2 * PacketStoreService.DeleteBudget, 0, 0], counts);
        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, tc));
        Assert.Equal(held, rig.Parameters.Get(PacketStore.DeletedParameter));
    }

    [Fact]
    public void A_second_deletion_while_one_runs_is_refused_as_busy()
    {
        var rig = new DownlinkRig(storeBytes: 64 * 1024, storePackets: 1024);
        StoreWhileLinkDown(rig, 2 * PacketStoreService.DeleteBudget, framesApart: 1, length: 8);
        var first = rig.StoreCommand(PacketStore.DeleteUntilSubtype, PacketFields.U32Args(uint.MaxValue));
        var second = rig.StoreCommand(PacketStore.DeleteUntilSubtype, PacketFields.U32Args(uint.MaxValue));

        rig.Submit(first);
        rig.Submit(second);
        rig.Drain();

        Assert.Equal(new byte[] { 1, 3, 7 }, Subtypes(rig, first));
        Assert.Contains((VerificationReporter.StartFailure, FailureCode.Busy, 0L), rig.ReportsFor(second));
        Assert.Equal(0, rig.Store.Count);
    }

    [Fact]
    public void The_summary_report_gives_content_policy_and_counters()
    {
        var rig = new DownlinkRig(storeBytes: 1000, storePackets: 8);
        rig.Store.Policy = StoreOverflowPolicy.StopWhenFull;
        var times = StoreWhileLinkDown(rig, 12, framesApart: 100, length: 79);
        rig.Store.DeleteBefore(times[1]);

        Execute(rig, PacketStore.ReportSummarySubtype);

        var report = Assert.Single(rig.Received(), t => t.ServiceType == PacketStore.Service);
        Assert.Equal(PacketStore.SummaryReportSubtype, report.ServiceSubtype);
        Assert.Equal(PacketStoreService.SummaryLength, report.ApplicationDataLength);
        var data = report.Buffer.AsSpan(report.ApplicationDataOffset, report.ApplicationDataLength).ToArray();
        long U32(int at) => BigEndian.ReadUInt32(data, at);
        int U16(int at) => BigEndian.ReadUInt16(data, at);
        CucTime Time(int at) => new((uint)U32(at), (ushort)U16(at + 4));
        // Eight index records: eight 100-octet packets stored, four refused, then the oldest deleted.
        Assert.Equal(7, U32(0));
        Assert.Equal(700, U32(4));
        Assert.Equal(1000, U32(8));
        Assert.Equal(8, U32(12));
        Assert.Equal(CucTime.FromMicroseconds(times[1]), Time(16));
        Assert.Equal(CucTime.FromMicroseconds(times[7]), Time(22));
        Assert.Equal(1, U16(28));
        Assert.Equal(7, U16(30));
        Assert.Equal((byte)StoreOverflowPolicy.StopWhenFull, data[32]);
        Assert.Equal(1, data[33]);
        Assert.Equal(8, U32(34));
        Assert.Equal(0, U32(38));
        Assert.Equal(4, U32(42));
        Assert.Equal(1, U32(46));
    }

    [Fact]
    public void The_summary_of_an_empty_store_has_zero_times_and_counts()
    {
        var rig = new DownlinkRig(storeBytes: 2048, storePackets: 16);
        rig.Parameters.Set(Downlink.StoreAlwaysMaskParameter, 0);

        Execute(rig, PacketStore.ReportSummarySubtype);

        var report = Assert.Single(rig.Received(), t => t.ServiceType == PacketStore.Service);
        var data = report.Buffer.AsSpan(report.ApplicationDataOffset, report.ApplicationDataLength).ToArray();
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 16 }, data[..16]);
        Assert.All(data[16..32], b => Assert.Equal(0, b));
        Assert.Equal(new byte[] { 0, 1 }, data[32..34]);
    }
}
