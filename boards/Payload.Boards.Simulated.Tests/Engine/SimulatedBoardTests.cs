using Payload.Boards.Simulated.Engine;
using Payload.Flight.Status;

namespace Payload.Boards.Simulated.Tests.Engine;

public class SimulatedBoardTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void A_healthy_board_runs_one_minor_frame_every_ten_milliseconds_and_is_never_reset()
    {
        var board = new SimulatedBoard();

        board.RunFor(10 * Second);

        Assert.Equal(1000, board.Frame);
        Assert.Equal(1, board.Boots);
        Assert.Empty(board.Resets);
        Assert.InRange(board.Watchdog.Edges, 990, 1000);
    }

    [Fact]
    public void A_hung_flight_software_is_reset_by_the_supervisor_and_boots_again()
    {
        var board = new SimulatedBoard();
        var ground = new BoardGround(board);
        board.RunFor(2 * Second);

        board.Hang(3 * Second);
        board.RunFor(5 * Second);

        Assert.Equal(1, board.Resets["watchdog"]);
        Assert.Equal(2, board.Boots);
        Assert.Equal(2, ground.Of(5, 1).Count(e => ((e[0] << 8) | e[1]) == SystemStatus.BootEvent));
    }

    [Fact]
    public void The_supervisor_waits_its_full_timeout_before_resetting()
    {
        var board = new SimulatedBoard();
        board.RunFor(Second);

        board.Hang(1_500_000);
        board.RunFor(3 * Second);

        Assert.Empty(board.Resets);
    }

    [Fact]
    public void A_power_cut_during_a_flash_write_resets_the_board_and_the_record_is_old_or_new()
    {
        var board = new SimulatedBoard();
        var ground = new BoardGround(board);
        board.RunFor(Second);
        var settable = board.Software.Dictionary.Parameters.First(p => p.Settable && p.Persisted);
        var before = board.Software.Parameters.Get(settable.Id);
        var value = (int)(before == 0 ? 1 : 0);

        board.Flash.CutPowerAfter(5);
        ground.Send(20, 3, (byte)(settable.Id >> 8), (byte)settable.Id, 0, 0, 0, (byte)value);
        board.RunFor(Second);

        Assert.Equal(1, board.Resets["power cut"]);
        Assert.Contains(board.Software.Parameters.Get(settable.Id), new[] { before, (long)value });
    }

    [Fact]
    public void The_downlink_never_exceeds_the_uart_rate_and_octets_arrive_after_their_wire_time()
    {
        var board = new SimulatedBoard();
        var ground = new BoardGround(board);
        for (var i = 0; i < 200; i++) ground.Send(17, 1);

        board.RunFor(10 * Second);

        Assert.True(ground.OctetsReceived <= 11_520 * 10, $"{ground.OctetsReceived} octets in 10 s");
        Assert.True(ground.Packets.Count > 100, $"{ground.Packets.Count} packets");
        Assert.All(ground.ArrivalsMicroseconds.Zip(ground.ArrivalsMicroseconds.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public void A_link_outage_loses_what_is_on_the_wire_and_the_link_recovers()
    {
        var board = new SimulatedBoard();
        var ground = new BoardGround(board);
        board.RunFor(Second);

        board.SetLinkUp(false);
        ground.Send(17, 1);
        board.RunFor(2 * Second);
        var during = ground.Packets.Count;
        board.SetLinkUp(true);
        var alive = ground.Send(17, 1);
        board.RunFor(Second);

        Assert.True(board.Uart.OctetsLost > 0);
        Assert.Equal([1, 3, 7], ground.Verification(alive));
        Assert.True(ground.Packets.Count > during);
    }

    [Fact]
    public void Corruption_on_the_uplink_is_caught_and_reported_and_nothing_crashes()
    {
        var board = new SimulatedBoard();
        var ground = new BoardGround(board);
        board.Uart.CorruptionProbability = 0.02;
        board.Uart.Random = new Random(7);

        for (var i = 0; i < 100; i++)
        {
            ground.Send(17, 1);
            board.RunFor(50_000);
        }
        board.RunFor(5 * Second);

        Assert.True(board.Uart.OctetsCorrupted > 0);
        Assert.Equal(1, board.Boots);
        var rejectedOrDiscarded = board.Software.Parameters.Get(Payload.Flight.Commanding.CommandingDictionary.RejectedCount)
            + board.Software.Parameters.Get(Payload.Flight.Commanding.UplinkMonitor.DiscardedParameter)
            + board.Software.Parameters.Get(Payload.Flight.Commanding.CommandingDictionary.MalformedCount);
        Assert.True(rejectedOrDiscarded > 0);
    }
}
