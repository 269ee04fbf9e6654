using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.Flight.Status;

namespace Payload.Flight.Tests.Integration;

/// <summary>The flight core as the ground sees it: frames in on the link, telemetry out, through every layer.</summary>
public class FlightSoftwareTests
{
    private readonly FlightRig _rig = new();

    [Fact]
    public void Boot_announces_the_dictionary_hash_and_housekeeping_starts_by_itself()
    {
        _rig.RunSeconds(3);

        var boot = Assert.Single(_rig.Of(5, 1), e => e.U16(0) == SystemStatus.BootEvent);
        Assert.Equal(_rig.Software.Dictionary.Hash, (uint)boot.U32(2));
        var core = _rig.Of(3, 25).Where(r => r.Data[0] == FlightDictionary.CoreStructure).ToList();
        Assert.InRange(core.Count, 3, 4);
        Assert.Equal(_rig.Software.Dictionary.Hash, (uint)core[0].U32(1));
        Assert.Equal(0, _rig.BadPackets);
    }

    [Fact]
    public void Are_you_alive_goes_through_every_verification_stage()
    {
        _rig.RunFrames(1);
        var sequence = _rig.Send(17, 1);
        _rig.RunSeconds(1);

        Assert.Equal([1, 3, 7], _rig.Verification(sequence));
        Assert.Single(_rig.Of(17, 2));
    }

    [Fact]
    public void A_command_is_executed_and_every_report_sent_as_it_arrives_not_at_the_next_frame()
    {
        _rig.RunFrames(3);
        var sequence = _rig.Send(17, 1);

        Assert.Equal([1, 3, 7], _rig.Verification(sequence));
        var pong = Assert.Single(_rig.Of(17, 2));
        Assert.InRange(pong.TimeMicroseconds, _rig.NowMicroseconds - 10, _rig.NowMicroseconds); // CUC fine time: 2^-16 s
        Assert.Equal(1, _rig.Software.Executive.Group(Config.FlightConfiguration.CommandGroup).Cycles);
    }

    [Fact]
    public void A_rejection_is_reported_as_the_command_arrives_and_a_partial_frame_runs_nothing()
    {
        _rig.RunFrames(3);
        var frame = new byte[64];
        var length = _rig.FrameCommand(17, 99, [], 0, AckFlags.All, frame);

        _rig.Uplink(frame, 0, length - 4);
        Assert.Equal(0, _rig.Software.Executive.Group(Config.FlightConfiguration.CommandGroup).Cycles);
        _rig.Uplink(frame, length - 4, 4);

        var failure = Assert.Single(_rig.Of(1, 2));
        Assert.Equal((int)FailureCode.UnknownSubtype, failure.U16(4));
        Assert.Equal(1, _rig.Software.Executive.Group(Config.FlightConfiguration.CommandGroup).Cycles);
    }

    [Fact]
    public void Garbage_and_a_corrupted_command_are_rejected_and_reported_and_the_next_command_still_works()
    {
        _rig.RunFrames(1);
        var garbage = new byte[] { 0x13, 0x37, 0xFF, 0x00, 0x42, 0x00 };
        _rig.Uplink(garbage, 0, garbage.Length);
        var frame = new byte[64];
        var length = _rig.FrameCommand(17, 1, [], 0, AckFlags.All, frame);
        frame[length - 3] ^= 0x10; // a flipped bit inside the encoded packet
        _rig.Uplink(frame, 0, length);
        var good = _rig.Send(17, 1);
        _rig.RunSeconds(2);

        Assert.Equal([1, 3, 7], _rig.Verification(good));
        Assert.True(_rig.Software.Parameters.Get(CommandingDictionary.MalformedCount) + _rig.Software.Parameters.Get(CommandingDictionary.RejectedCount)
                    + _rig.Software.Parameters.Get(UplinkMonitor.DiscardedParameter) >= 2);
        Assert.Contains(_rig.Received, t => t.Service == 5 && t.U16(0) is CommandingDictionary.TelecommandRejected or UplinkMonitor.DiscardEvent);
    }

    [Fact]
    public void An_unknown_command_and_an_out_of_range_argument_are_refused_with_their_codes()
    {
        _rig.RunFrames(1);
        var unknown = _rig.Send(17, 99);
        var badMode = _rig.Send(128, 1, [7]);
        _rig.RunFrames(2);

        Assert.Equal((int)FailureCode.UnknownSubtype, _rig.FailureCode(unknown));
        Assert.Equal((int)FailureCode.IllegalArgument, _rig.FailureCode(badMode));
    }

    [Fact]
    public void Telemetry_made_while_the_link_is_down_is_kept_and_replayed_on_request()
    {
        _rig.RunSeconds(1);
        _rig.Software.OnLinkStatus(false, _rig.NowMicroseconds);
        var before = _rig.Received.Count;
        _rig.RunSeconds(5);
        Assert.Equal(before, _rig.Received.Count);
        _rig.Software.OnLinkStatus(true, _rig.NowMicroseconds);

        var replay = _rig.Send(15, 9, [0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
        _rig.RunSeconds(5);

        Assert.Equal(7, _rig.Verification(replay)[^1]);
        var replayedHousekeeping = _rig.Of(3, 25).Count(r => r.TimeMicroseconds > 1_000_000 && r.TimeMicroseconds < 6_000_000 && r.Data[0] == FlightDictionary.CoreStructure);
        Assert.InRange(replayedHousekeeping, 4, 6);
    }

    [Fact]
    public void The_watchdog_is_kicked_every_frame_of_a_healthy_run()
    {
        _rig.RunSeconds(10);

        Assert.Equal(1000, _rig.Watchdog.Toggles);
    }

    [Fact]
    public void A_settable_parameter_survives_a_reset()
    {
        var settable = _rig.Software.Dictionary.Parameters.First(p => p.Settable && p.Persisted && p.Maximum > p.DefaultValue);
        var value = (int)settable.DefaultValue + 1;
        _rig.RunFrames(1);
        var set = _rig.Send(20, 3, [(byte)(settable.Id >> 8), (byte)settable.Id, (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        _rig.RunFrames(2);
        Assert.Equal(7, _rig.Verification(set)[^1]);

        var rebooted = new FlightRig(_rig.Flash);

        Assert.Equal(value, rebooted.Software.Parameters.Get(settable.Id));
    }
}

/// <summary>Edges on watched input lines reach their handler with the step's time; other lines are ignored.</summary>
public class PinEdgeTests
{
    private sealed class RecordingHandler : Payload.Flight.Hardware.IPinEdgeHandler
    {
        public List<(int Pin, bool Rising, long Time)> Edges { get; } = new();
        public void OnEdge(int pin, bool rising, long nowMicroseconds) => Edges.Add((pin, rising, nowMicroseconds));
    }

    [Fact]
    public void An_edge_reaches_the_handler_of_its_pin_only()
    {
        var rig = new FlightRig();
        var drdy = new RecordingHandler();
        var other = new RecordingHandler();
        rig.Software.HandlePinEdges(4, drdy);
        rig.Software.HandlePinEdges(5, other);

        rig.Software.OnPinEdge(4, false, 12_345);
        rig.Software.OnPinEdge(9, true, 12_400);

        Assert.Equal([(4, false, 12_345L)], drdy.Edges);
        Assert.Empty(other.Edges);
        Assert.Equal(12_400, rig.Software.Time.MonotonicMicroseconds);
    }
}
