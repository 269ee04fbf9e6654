using CsCheck;
using Moq;
using Payload.Flight.Commanding;
using Payload.Flight.ConnectionTest;
using Payload.Flight.Modes;
using Payload.Flight.Protocol;
using Payload.Flight.Scheduling;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using static Payload.Flight.Tests.Support.FlightServicesRig;
using static Payload.Flight.Verification.VerificationReporter;

namespace Payload.Flight.Tests.Scheduling;

public class TimeBasedScheduleTests
{
    private readonly FlightServicesRig _rig = new();

    private byte[] AreYouAlive(AckFlags ack = AckFlags.All) => _rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype, ack: ack);

    private static CucTime Tag(long missionMicroseconds) => CucTime.FromMicroseconds(missionMicroseconds);

    private int AliveReports => _rig.Recorded.Of(ConnectionTestService.Service, ConnectionTestService.AliveReportSubtype).Count();

    private List<(ushort Id, long[] Arguments)> EventsOf(ushort id) => _rig.RecordedEvents.Raised.Where(e => e.Id == id).ToList();

    [Fact]
    public void An_inserted_command_is_released_in_the_first_frame_at_or_after_its_tag_and_verified_like_a_link_command()
    {
        var embedded = AreYouAlive();
        long tag = MissionTimeOf(50) + 3_000; // 3 ms into frame 50: frame 51 is the first to see it due
        var insert = _rig.EncodeInsert(Tag(tag), embedded);

        Assert.Equal(FailureCode.None, _rig.Execute(insert));
        Assert.Equal([AcceptanceSuccess, StartSuccess, CompletionSuccess], _rig.SubtypesFor(insert));
        Assert.Equal(1, _rig.Parameters.Get(TimeBasedSchedule.UsedParameter));

        while (_rig.Frame <= 51)
        {
            Assert.Equal(0, AliveReports);
            _rig.RunFrame();
        }

        Assert.Equal(1, AliveReports);
        Assert.Equal([AcceptanceSuccess, StartSuccess, CompletionSuccess], _rig.SubtypesFor(embedded));
        var released = Assert.Single(EventsOf(TimeBasedSchedule.ReleasedEvent));
        Assert.Equal(new long[] { PacketId(embedded), SequenceControl(embedded) }, released.Arguments);
        Assert.Equal(0, _rig.Parameters.Get(TimeBasedSchedule.UsedParameter));
        Assert.Equal(1, _rig.Parameters.Get(TimeBasedSchedule.ReleasedParameter));
        Assert.Equal(0, _rig.Schedule.Count);
    }

    [Fact]
    public void A_released_command_carries_the_schedule_as_its_source()
    {
        _rig.Modes.TryEnter(Mode.Standby);
        CommandSource? source = null;
        _rig.StandbyHandler.Setup(h => h.Start(It.IsAny<CommandContext>()))
            .Returns((CommandContext c) => { source = c.Source; return CommandOutcome.Completed; });

        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(5)), _rig.Encode(TestService, StandbyOnly)));
        _rig.RunFrames(6); // the CUC tag rounds to 3 us after frame 5

        Assert.Equal(CommandSource.Schedule, source);
    }

    [Fact]
    public void A_released_command_in_the_wrong_mode_fails_acceptance_and_raises_release_rejected()
    {
        var embedded = _rig.Encode(TestService, StandbyOnly); // the payload stays in SAFE
        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(3)), embedded));

        _rig.RunFrames(4);

        Assert.Equal([(AcceptanceFailure, FailureCode.WrongMode, (long)Mode.Safe)], _rig.ReportsFor(embedded));
        var rejected = Assert.Single(EventsOf(TimeBasedSchedule.ReleaseRejectedEvent));
        Assert.Equal(new long[] { (long)FailureCode.WrongMode, PacketId(embedded), SequenceControl(embedded) }, rejected.Arguments);
        Assert.Empty(EventsOf(TimeBasedSchedule.ReleasedEvent));
        _rig.StandbyHandler.Verify(h => h.Start(It.IsAny<CommandContext>()), Times.Never);
        Assert.Equal(1, _rig.Parameters.Get(TimeBasedSchedule.RejectedParameter));
        Assert.Equal(0, _rig.Schedule.Count);
    }

    [Fact]
    public void An_embedded_packet_that_is_not_a_valid_telecommand_is_refused_at_insertion_with_its_packet_status()
    {
        var embedded = AreYouAlive();
        embedded[^1] ^= 0x01; // break the CRC
        var insert = _rig.EncodeInsert(Tag(MissionTimeOf(10)), embedded);

        _rig.Execute(insert);

        Assert.Equal((StartFailure, FailureCode.IllegalArgument, (long)PacketStatus.BadCrc), _rig.ReportsFor(insert)[1]);
        Assert.Equal((CompletionFailure, FailureCode.IllegalArgument, (long)PacketStatus.BadCrc), _rig.ReportsFor(insert)[^1]);
        Assert.Equal(0, _rig.Schedule.Count);
    }

    [Fact]
    public void A_telemetry_packet_is_not_accepted_as_an_embedded_telecommand()
    {
        var tm = new TmFields(Apid, 1, 3, 25, 0, 0, new CucTime(1, 2), [1, 2, 3]).Encode();
        var insert = _rig.EncodeInsert(Tag(MissionTimeOf(10)), tm);

        _rig.Execute(insert);

        Assert.Equal((StartFailure, FailureCode.IllegalArgument, (long)PacketStatus.WrongPacketType), _rig.ReportsFor(insert)[1]);
        Assert.Equal(0, _rig.Schedule.Count);
    }

    [Fact]
    public void A_length_field_that_disagrees_with_the_embedded_octets_is_refused_at_acceptance()
    {
        var embedded = AreYouAlive();
        var insert = _rig.EncodeInsert(Tag(MissionTimeOf(10)), embedded);
        // Rebuild with tc_length one more than the octets that follow.
        var appData = insert[TelecommandCodec.ApplicationDataOffset..^2];
        appData[7]++;
        var bad = _rig.Encode(TimeBasedSchedule.Service, TimeBasedSchedule.InsertSubtype, appData);

        Assert.Equal(FailureCode.BadArgumentLength, _rig.Submit(bad));
        Assert.Equal([(AcceptanceFailure, FailureCode.BadArgumentLength, 3L)], _rig.ReportsFor(bad));
    }

    [Fact]
    public void An_embedded_command_longer_than_a_slot_is_refused_by_its_declared_range()
    {
        var embedded = _rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype, new byte[64]); // 77 octets > 64
        var insert = _rig.EncodeInsert(Tag(MissionTimeOf(10)), embedded);

        Assert.Equal(FailureCode.IllegalArgument, _rig.Submit(insert));
        Assert.Equal([(AcceptanceFailure, FailureCode.IllegalArgument, 2L)], _rig.ReportsFor(insert));
    }

    [Fact]
    public void A_release_time_in_the_past_is_refused_with_the_on_board_time()
    {
        _rig.RunFrames(200); // two seconds in
        var insert = _rig.EncodeInsert(Tag(_rig.Now - 1_000_000), AreYouAlive());

        _rig.Execute(insert);

        long nowSeconds = _rig.Now / 1_000_000;
        Assert.Equal((StartFailure, FailureCode.ExecutionError, nowSeconds), _rig.ReportsFor(insert)[1]);
        Assert.Equal(0, _rig.Schedule.Count);
    }

    [Fact]
    public void A_release_time_equal_to_now_is_accepted_and_released_at_once()
    {
        var embedded = AreYouAlive();
        _rig.Submit(_rig.EncodeInsert(Tag(MissionTimeOf(0)), embedded));
        _rig.RunFrames(3);

        Assert.Equal(1, AliveReports);
        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(embedded)[^1]);
    }

    [Fact]
    public void A_full_table_refuses_the_next_insertion_with_capacity_exceeded()
    {
        for (int i = 0; i < _rig.Schedule.Capacity; i++)
        {
            Assert.Equal(FailureCode.None, _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(1000 + i)), AreYouAlive())));
        }
        var overflow = _rig.EncodeInsert(Tag(MissionTimeOf(2000)), AreYouAlive());

        _rig.Execute(overflow);

        Assert.Equal((CompletionFailure, FailureCode.CapacityExceeded, (long)_rig.Schedule.Capacity), _rig.ReportsFor(overflow)[^1]);
        Assert.Equal(_rig.Schedule.Capacity, _rig.Parameters.Get(TimeBasedSchedule.UsedParameter));
        Assert.Equal(_rig.Schedule.Capacity, _rig.Parameters.Get(TimeBasedSchedule.CapacityParameter));
    }

    [Fact]
    public void A_deleted_command_is_never_released()
    {
        var kept = AreYouAlive();
        var deleted = AreYouAlive();
        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(20)), kept));
        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(20)), deleted));
        var delete = DeleteOf(deleted);

        _rig.Execute(delete);
        _rig.RunFrames(30);

        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(delete)[^1]);
        Assert.Empty(_rig.ReportsFor(deleted));
        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(kept)[^1]);
        Assert.Equal(1, AliveReports);
    }

    [Fact]
    public void Deleting_an_unknown_request_id_fails_with_unknown_identifier()
    {
        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(20)), AreYouAlive()));
        var delete = _rig.Encode(TimeBasedSchedule.Service, TimeBasedSchedule.DeleteSubtype, [0x18, 0x64, 0xC0, 0x99]);

        _rig.Execute(delete);

        Assert.Equal((CompletionFailure, FailureCode.UnknownIdentifier, 0x1864C099L), _rig.ReportsFor(delete)[^1]);
        Assert.Equal(1, _rig.Schedule.Count);
    }

    [Fact]
    public void Deleting_a_request_id_inserted_twice_deletes_both()
    {
        var embedded = AreYouAlive();
        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(20)), embedded));
        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(40)), embedded));
        Assert.Equal(2, _rig.Schedule.Count);

        _rig.Execute(DeleteOf(embedded));

        Assert.Equal(0, _rig.Schedule.Count);
        Assert.Equal(0, _rig.Parameters.Get(TimeBasedSchedule.UsedParameter));
    }

    [Fact]
    public void Disabling_holds_due_commands_and_enabling_releases_them_in_the_next_frame()
    {
        var embedded = AreYouAlive();
        _rig.Execute(Command(TimeBasedSchedule.DisableSubtype));
        Assert.False(_rig.Schedule.IsEnabled);
        Assert.Equal(0, _rig.Parameters.Get(TimeBasedSchedule.EnabledParameter));
        _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(10)), embedded));

        _rig.RunFrames(50);
        Assert.Equal(0, AliveReports);
        Assert.Equal(1, _rig.Schedule.Count);

        _rig.Execute(Command(TimeBasedSchedule.EnableSubtype)); // runs in the dispatcher after this frame's release step
        _rig.RunFrame();

        Assert.True(_rig.Schedule.IsEnabled);
        Assert.Equal(1, _rig.Parameters.Get(TimeBasedSchedule.EnabledParameter));
        Assert.Equal(1, AliveReports);
        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(embedded)[^1]);
    }

    [Fact]
    public void Reset_deletes_every_entry_and_disables_release()
    {
        for (int i = 0; i < 3; i++) _rig.Execute(_rig.EncodeInsert(Tag(MissionTimeOf(10 + i)), AreYouAlive()));
        var reset = Command(TimeBasedSchedule.ResetSubtype);

        _rig.Execute(reset);
        _rig.RunFrames(20);

        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(reset)[^1]);
        Assert.Equal(0, _rig.Schedule.Count);
        Assert.False(_rig.Schedule.IsEnabled);
        Assert.Equal(0, AliveReports);
        Assert.Equal(0, _rig.Parameters.Get(TimeBasedSchedule.UsedParameter));

        // After a reset the table is usable again once release is enabled.
        _rig.Execute(Command(TimeBasedSchedule.EnableSubtype));
        _rig.Execute(_rig.EncodeInsert(Tag(_rig.Now + 50_000), AreYouAlive()));
        _rig.RunFrames(10);
        Assert.Equal(1, AliveReports);
    }

    [Fact]
    public void The_summary_report_lists_every_entry_in_release_order_with_its_time_and_request_id()
    {
        var late = AreYouAlive();
        var early = AreYouAlive();
        var tieFirst = AreYouAlive();
        var tieSecond = AreYouAlive();
        CucTime lateTag = new(800_000_100, 0x8000), earlyTag = new(800_000_010, 0x0001), tieTag = new(800_000_050, 0x1234);
        _rig.Execute(_rig.EncodeInsert(lateTag, late));
        _rig.Execute(_rig.EncodeInsert(earlyTag, early));
        _rig.Execute(_rig.EncodeInsert(tieTag, tieFirst));
        _rig.Execute(_rig.EncodeInsert(tieTag, tieSecond));
        var report = Command(TimeBasedSchedule.ReportSummarySubtype);

        _rig.Execute(report);

        var tm = Assert.Single(_rig.Recorded.Of(TimeBasedSchedule.Service, TimeBasedSchedule.SummaryReportSubtype));
        Assert.Equal(TelemetryClass.Routine, tm.Priority);
        Assert.Equal(4, tm.U16(0));
        Assert.Equal(2 + 4 * TimeBasedSchedule.SummaryEntryLength, tm.Data.Length);
        var expected = new[] { (earlyTag, early), (tieTag, tieFirst), (tieTag, tieSecond), (lateTag, late) };
        for (int i = 0; i < expected.Length; i++)
        {
            int at = 2 + i * TimeBasedSchedule.SummaryEntryLength;
            Assert.Equal(PacketStatus.Ok, CucTime.TryRead(tm.Data, at, 6, out var time));
            Assert.Equal(expected[i].Item1, time);
            Assert.Equal(PacketId(expected[i].Item2), tm.U16(at + 6));
            Assert.Equal(SequenceControl(expected[i].Item2), tm.U16(at + 8));
        }
        Assert.Equal(CompletionSuccess, _rig.SubtypesFor(report)[^1]);
    }

    [Fact]
    public void The_summary_report_of_an_empty_table_has_a_count_of_zero()
    {
        _rig.Execute(Command(TimeBasedSchedule.ReportSummarySubtype));

        var tm = Assert.Single(_rig.Recorded.Of(TimeBasedSchedule.Service, TimeBasedSchedule.SummaryReportSubtype));
        Assert.Equal([0, 0], tm.Data);
    }

    [Fact]
    public void A_summary_report_the_downlink_drops_fails_the_command()
    {
        _rig.Refuse(TimeBasedSchedule.Service, TimeBasedSchedule.SummaryReportSubtype);
        var report = Command(TimeBasedSchedule.ReportSummarySubtype);

        _rig.Execute(report);

        Assert.Empty(_rig.Recorded.Of(TimeBasedSchedule.Service, TimeBasedSchedule.SummaryReportSubtype));
        Assert.Equal((CompletionFailure, FailureCode.ExecutionError, 0L), _rig.ReportsFor(report)[^1]);
    }

    [Fact]
    public void A_forward_time_jump_releases_everything_due_in_tag_order_a_bounded_number_per_frame()
    {
        var rig = new FlightServicesRig(capacity: 12, releasesPerFrame: 3, queueCapacity: 8);
        var released = new List<ushort>();
        var packets = new byte[12][];
        for (int i = 0; i < packets.Length; i++)
        {
            packets[i] = rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype);
        }
        // Inserted out of order; tags one minute to one minute and eleven seconds ahead.
        foreach (int i in new[] { 5, 0, 11, 3, 7, 1, 9, 2, 10, 4, 8, 6 })
        {
            rig.Execute(rig.EncodeInsert(Tag(rig.Now + 60_000_000 + i * 1_000_000L), packets[i]));
        }
        rig.RunFrames(10);
        Assert.Equal(0, rig.RecordedEvents.Count(TimeBasedSchedule.ReleasedEvent));

        rig.Time.OffsetMicroseconds += 120_000_000; // TIME_SET two minutes ahead
        var perFrame = new List<int>();
        for (int frame = 0; frame < 6; frame++)
        {
            int before = rig.RecordedEvents.Count(TimeBasedSchedule.ReleasedEvent);
            rig.RunFrame();
            perFrame.Add(rig.RecordedEvents.Count(TimeBasedSchedule.ReleasedEvent) - before);
        }

        Assert.Equal([3, 3, 3, 3, 0, 0], perFrame);
        var order = rig.RecordedEvents.Raised.Where(e => e.Id == TimeBasedSchedule.ReleasedEvent).Select(e => (int)e.Arguments[1]).ToList();
        Assert.Equal(packets.Select(p => (int)SequenceControl(p)).ToList(), order);
        Assert.All(packets, p => Assert.Equal(CompletionSuccess, rig.SubtypesFor(p)[^1]));
        Assert.Equal(0, rig.RecordedEvents.Count(TimeBasedSchedule.ReleaseRejectedEvent));
    }

    [Fact]
    public void A_backward_time_jump_delays_release_until_the_clock_reaches_the_tag_again()
    {
        long tag = MissionTimeOf(100);
        _rig.Execute(_rig.EncodeInsert(Tag(tag), AreYouAlive()));
        _rig.RunFrames(50);

        _rig.Time.OffsetMicroseconds -= 1_000_000; // TIME_SET one second back: the tag is a hundred frames further away
        _rig.RunFrames(149);
        Assert.Equal(0, AliveReports);

        _rig.RunFrames(2);
        Assert.Equal(1, AliveReports);
    }

    [Fact]
    public void Due_commands_wait_while_the_command_queue_is_full_instead_of_being_refused_as_busy()
    {
        // Dispatcher starts one command per frame, so a burst of four fills the queue of two.
        var rig = new FlightServicesRig(capacity: 4, releasesPerFrame: 4, queueCapacity: 2, maxRunning: 1, startsPerCycle: 1);
        var packets = Enumerable.Range(0, 4).Select(_ => rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype)).ToArray();
        foreach (var packet in packets)
        {
            rig.Execute(rig.EncodeInsert(Tag(MissionTimeOf(20)), packet));
        }

        rig.RunFrames(30);

        Assert.All(packets, p => Assert.Equal(CompletionSuccess, rig.SubtypesFor(p)[^1]));
        Assert.Equal(0, rig.RecordedEvents.Count(TimeBasedSchedule.ReleaseRejectedEvent));
        Assert.Equal(0, rig.RecordedEvents.Count(CommandingDictionary.TelecommandRejected));
        Assert.Equal(4, rig.Parameters.Get(TimeBasedSchedule.ReleasedParameter));
    }

    [Fact]
    public void Every_command_is_released_within_one_minor_frame_of_its_tag()
    {
        // Random tags (at the CUC's 2^-16 s resolution) over ten seconds after the frame that inserts them, at most as
        // many falling due in one frame as the schedule releases per frame.
        const int insertionFrame = 3;
        long start = MissionTimeOf(insertionFrame);
        var gen = Gen.Int[100, 10_000_000].Array[1, 16]
            .Where(offsets => offsets.GroupBy(o => FirstFrameAtOrAfter(Tag(start + o).ToMicroseconds())).All(g => g.Count() <= 4));
        Prop.ForAll(gen, offsets =>
        {
            var rig = new FlightServicesRig(capacity: 16, releasesPerFrame: 4, queueCapacity: 16, startsPerCycle: 16);
            rig.RunFrames(insertionFrame);
            var tags = new Dictionary<int, long>();
            foreach (int offset in offsets)
            {
                var embedded = rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype, ack: AckFlags.None);
                var tag = Tag(start + offset);
                tags[SequenceControl(embedded)] = tag.ToMicroseconds();
                Assert.Equal(FailureCode.None, rig.Submit(rig.EncodeInsert(tag, embedded, AckFlags.None)));
            }
            rig.RunFrame(); // executes the insertions
            Assert.Equal(offsets.Length, rig.Schedule.Count);

            int seen = 0;
            while (rig.Schedule.Count > 0 || seen < offsets.Length)
            {
                long frameTime = RigFrameTime(rig);
                rig.RunFrame();
                var events = rig.RecordedEvents.Raised.Where(e => e.Id == TimeBasedSchedule.ReleasedEvent).ToList();
                for (; seen < events.Count; seen++)
                {
                    long tagged = tags[(int)events[seen].Arguments[1]];
                    Assert.True(frameTime >= tagged, $"released at {frameTime}, before its tag {tagged}");
                    Assert.True(frameTime - tagged < FrameMicroseconds, $"released at {frameTime}, {frameTime - tagged} us after its tag");
                }
                Assert.True(rig.Frame < 2_000, "not every command was released");
            }
            Assert.Equal(offsets.Length, rig.Parameters.Get(TimeBasedSchedule.ReleasedParameter));
            Assert.Equal(offsets.Length, rig.Recorded.Of(ConnectionTestService.Service, ConnectionTestService.AliveReportSubtype).Count());
        }, seed: 11, iterations: 60);

        static long FirstFrameAtOrAfter(long tag) => (tag - EpochOffsetMicroseconds + FrameMicroseconds - 1) / FrameMicroseconds;
        static long RigFrameTime(FlightServicesRig rig) => MissionTimeOf(rig.Frame);
    }

    [Fact]
    public void The_constructor_refuses_a_table_whose_summary_report_would_not_fit_one_packet()
    {
        int fits = (PacketLimits.MaxTelemetryApplicationDataLength - 2) / TimeBasedSchedule.SummaryEntryLength;

        var rig = new FlightServicesRig(capacity: fits);
        Assert.Equal(fits, rig.Schedule.Capacity);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlightServicesRig(capacity: fits + 1));
    }

    [Fact]
    public void Insertion_and_release_allocate_nothing_in_steady_state()
    {
        var telemetry = new CountingTelemetrySink();
        var events = new CountingEventSink();
        var rig = new FlightServicesRig(telemetry, events, capacity: 8, releasesPerFrame: 4);
        var embedded = rig.Encode(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype);
        var insert = new byte[PacketLimits.MaxPacketLength];

        void Cycle(int i)
        {
            // Each cycle inserts a command due in two frames, runs three frames, and so releases and executes one.
            int length = rig.EncodeInsertInto(CucTime.FromMicroseconds(rig.Now + 2 * FrameMicroseconds), embedded, embedded.Length, insert, AckFlags.All);
            rig.Receiver.Submit(insert, 0, length, CommandSource.Link);
            rig.RunFrame();
            rig.RunFrame();
            rig.RunFrame();
        }

        for (int i = 0; i < 200; i++) Cycle(i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2_000; i++) Cycle(i);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2_200, rig.Parameters.Get(TimeBasedSchedule.ReleasedParameter));
        Assert.Equal(0, rig.Schedule.Count);
        Assert.Equal(2_200, events.Count(TimeBasedSchedule.ReleasedEvent));
        Assert.Equal(0, rig.Parameters.Get(CommandingDictionary.FailedCount));
    }

    private byte[] DeleteOf(byte[] embedded)
    {
        return _rig.Encode(TimeBasedSchedule.Service, TimeBasedSchedule.DeleteSubtype, [embedded[0], embedded[1], embedded[2], embedded[3]]);
    }

    private byte[] Command(byte subtype) => _rig.Encode(TimeBasedSchedule.Service, subtype);
}
