using Moq;
using Payload.Flight.Dictionary;
using Payload.Flight.Executive;
using Payload.Flight.Hardware;
using Payload.Flight.Parameters;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Executive;

public class FlightExecutiveTests
{
    private static readonly RateGroupDefinition[] Table =
    [
        new(0, "fast", 1, 0, 1_000),
        new(1, "medium", 10, 1, 5_000),
        new(2, "slow", 100, 3, 20_000),
        new(3, "on-demand", 0, 0, 2_000),
    ];
    private const int OnDemand = 3;

    private readonly RecordingEventSink _events = new();
    private readonly ParameterTable _parameters;
    private readonly Mock<IOutputPin> _watchdog = new();
    private readonly FakeClock _clock = new();
    private readonly FlightExecutive _executive;

    public FlightExecutiveTests()
    {
        var builder = new DictionaryBuilder();
        FlightExecutive.Declare(builder, Table);
        _parameters = new ParameterTable(builder.Build());
        _executive = new FlightExecutive(Table, _clock, _watchdog.Object, _events, _parameters);
    }

    /// <summary>A clock that advances by what each member says it costs.</summary>
    private sealed class FakeClock : IMonotonicClock
    {
        public long NowMicroseconds { get; set; }
    }

    private sealed class Member(FakeClock clock, long costMicroseconds) : IRateGroupMember
    {
        public List<long> Frames { get; } = new();
        public long Cost { get; set; } = costMicroseconds;
        public bool Throw { get; set; }

        public void Run(long frame, long nowMicroseconds)
        {
            Frames.Add(frame);
            clock.NowMicroseconds += Cost;
            if (Throw) throw new InvalidOperationException("component bug");
        }
    }

    private void RunFrames(long from, long count)
    {
        for (var frame = from; frame < from + count; frame++)
        {
            _clock.NowMicroseconds = frame * 10_000;
            _executive.OnMinorFrame(frame, frame * 10_000);
        }
    }

    [Fact]
    public void Groups_run_at_their_divisor_and_offset()
    {
        var members = Enumerable.Range(0, 3).Select(g => { var m = new Member(_clock, 10); _executive.Group(g).Add(m); return m; }).ToArray();

        RunFrames(0, 1000);

        Assert.Equal(Enumerable.Range(0, 1000).Select(f => (long)f), members[0].Frames);
        Assert.Equal(Enumerable.Range(0, 100).Select(k => 10L * k + 1), members[1].Frames);
        Assert.Equal(Enumerable.Range(0, 10).Select(k => 100L * k + 3), members[2].Frames);
    }

    [Fact]
    public void An_overrun_is_counted_raised_and_its_high_water_mark_telemetered()
    {
        var slow = new Member(_clock, 4_000);
        _executive.Group(1).Add(slow);

        RunFrames(0, 20);
        slow.Cost = 7_000;
        RunFrames(20, 10);

        Assert.Equal(1, _executive.Group(1).Overruns);
        Assert.Equal(1, _parameters.Get(FlightExecutive.GroupParameterBase + 10));
        Assert.Equal(7_000, _parameters.Get(FlightExecutive.GroupParameterBase + 11));
        var overrun = Assert.Single(_events.Raised, e => e.Id == FlightExecutive.OverrunEvent);
        Assert.Equal([1L, 7_000L], overrun.Arguments);
    }

    [Fact]
    public void The_watchdog_toggles_every_frame_while_all_groups_are_healthy()
    {
        var levels = new List<bool>();
        _watchdog.Setup(p => p.Write(It.IsAny<bool>())).Callback((bool high) => levels.Add(high));
        foreach (var g in Enumerable.Range(0, 3)) _executive.Group(g).Add(new Member(_clock, 100));

        RunFrames(0, 300);

        Assert.Equal(300, levels.Count);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void The_watchdog_is_withheld_after_an_overrun_and_resumes_when_the_group_recovers()
    {
        var writes = 0;
        _watchdog.Setup(p => p.Write(It.IsAny<bool>())).Callback(() => writes++);
        var member = new Member(_clock, 100);
        _executive.Group(0).Add(member);

        RunFrames(0, 10);
        member.Cost = 2_000;
        RunFrames(10, 5);
        var whileOverrunning = writes;
        member.Cost = 100;
        RunFrames(15, 5);

        Assert.Equal(10, whileOverrunning);
        Assert.Equal(15, writes);
        Assert.Equal(1, _events.Count(FlightExecutive.WatchdogWithheldEvent));
        Assert.Equal(5, _parameters.Get(FlightExecutive.WatchdogWithheldParameter));
    }

    [Fact]
    public void A_group_that_stops_running_starves_the_watchdog()
    {
        var writes = 0;
        _watchdog.Setup(p => p.Write(It.IsAny<bool>())).Callback(() => writes++);
        _executive.Group(2).Add(new Member(_clock, 10));

        RunFrames(0, 200);
        var before = writes;
        // The board stops calling the slow group's frames: a late group is as bad as a hung one.
        for (var frame = 200; frame < 400; frame++)
        {
            if (frame % 100 == 3) continue;
            _clock.NowMicroseconds = frame * 10_000;
            _executive.OnMinorFrame(frame, frame * 10_000);
        }

        Assert.Equal(200, before);
        Assert.True(writes - before < 200, "the watchdog kept toggling while a group was late");
    }

    [Fact]
    public void Skipped_frames_are_counted_as_slips()
    {
        RunFrames(0, 5);
        _executive.OnMinorFrame(9, 90_000);

        Assert.Equal(4, _parameters.Get(FlightExecutive.FrameSlipsParameter)); // frames 5, 6, 7 and 8
        Assert.Equal([4L], Assert.Single(_events.Raised, e => e.Id == FlightExecutive.FrameSlipEvent).Arguments);
    }

    [Fact]
    public void A_member_that_throws_is_reported_and_the_others_still_run()
    {
        var faulty = new Member(_clock, 10) { Throw = true };
        var healthy = new Member(_clock, 10);
        _executive.Group(0).Add(faulty);
        _executive.Group(0).Add(healthy);

        RunFrames(0, 3);

        Assert.Equal(3, healthy.Frames.Count);
        Assert.Equal(3, _events.Count(FlightExecutive.MemberFaultEvent));
        Assert.Equal([0L, 0L], _events.Raised.First(e => e.Id == FlightExecutive.MemberFaultEvent).Arguments);
    }

    [Fact]
    public void An_on_demand_group_runs_only_when_asked_and_in_the_frame_of_the_last_tick()
    {
        var member = new Member(_clock, 10);
        _executive.Group(OnDemand).Add(member);

        RunFrames(0, 50);
        Assert.Empty(member.Frames);
        _executive.RunOnDemand(OnDemand, 495_000);
        _executive.RunOnDemand(OnDemand, 497_000);

        Assert.Equal([49L, 49L], member.Frames);
        Assert.Equal(2, _executive.Group(OnDemand).Cycles);
        Assert.Throws<ArgumentException>(() => _executive.RunOnDemand(0, 498_000));
    }

    [Fact]
    public void An_on_demand_overrun_is_reported_but_does_not_withhold_the_watchdog()
    {
        var levels = new List<bool>();
        _watchdog.Setup(p => p.Write(It.IsAny<bool>())).Callback((bool high) => levels.Add(high));
        var member = new Member(_clock, 3_000);
        _executive.Group(OnDemand).Add(member);

        RunFrames(0, 10);
        _executive.RunOnDemand(OnDemand, 95_000);
        RunFrames(10, 10);

        Assert.Equal(1, _executive.Group(OnDemand).Overruns);
        var overrun = Assert.Single(_events.Raised, e => e.Id == FlightExecutive.OverrunEvent);
        Assert.Equal([(long)OnDemand, 3_000L], overrun.Arguments);
        Assert.Equal(3_000, _parameters.Get(FlightExecutive.GroupParameterBase + 10 * OnDemand + 1));
        Assert.Equal(20, levels.Count);
        Assert.DoesNotContain(_events.Raised, e => e.Id == FlightExecutive.WatchdogWithheldEvent);
    }

    [Fact]
    public void A_member_of_an_on_demand_group_that_throws_is_reported_and_the_next_member_still_runs()
    {
        var faulty = new Member(_clock, 10) { Throw = true };
        var next = new Member(_clock, 10);
        _executive.Group(OnDemand).Add(faulty);
        _executive.Group(OnDemand).Add(next);

        _executive.RunOnDemand(OnDemand, 1_000);

        Assert.Single(next.Frames);
        var fault = Assert.Single(_events.Raised, e => e.Id == FlightExecutive.MemberFaultEvent);
        Assert.Equal([(long)OnDemand, 0L], fault.Arguments);
    }

    [Fact]
    public void A_table_whose_ids_are_not_in_order_is_refused()
    {
        RateGroupDefinition[] bad = [new(1, "a", 1, 0, 100)];
        Assert.Throws<ArgumentException>(() => new FlightExecutive(bad, _clock, _watchdog.Object, _events, _parameters));
    }
}
