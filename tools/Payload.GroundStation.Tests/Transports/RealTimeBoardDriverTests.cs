using System.Diagnostics;
using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Simulation;

namespace Payload.GroundStation.Tests.Transports;

/// <summary>The real-time loop: virtual time follows the wall clock without ever running ahead of it; uplink octets reach the board.</summary>
public sealed class RealTimeBoardDriverTests
{
    [Fact]
    public void VirtualTimeFollowsTheWallClockAndNeverRunsAhead()
    {
        var board = new SimulatedBoard();
        using var driver = new RealTimeBoardDriver(board, TimeSpan.FromMilliseconds(1));
        long downlinked = 0;
        driver.Downlink += (_, _, count) => downlinked += count;
        var wall = Stopwatch.StartNew();

        driver.Start();
        Thread.Sleep(300);
        long ahead = driver.Invoke(b => b.NowMicroseconds - wall.Elapsed.Ticks / 10);
        driver.Stop();

        Assert.True(ahead <= 2_000, $"virtual time ran {ahead} µs ahead of the wall clock");
        Assert.True(board.NowMicroseconds >= 100_000, $"only {board.NowMicroseconds} µs of virtual time in 300 ms of wall time");
        Assert.True(downlinked > 0, "the boot event and housekeeping should have been sent");
        Assert.True(driver.Lag.Steps > 10);
    }

    [Fact]
    public void PostedActionsRunOnTheDriverAndUplinkOctetsReachTheBoard()
    {
        var board = new SimulatedBoard();
        using var driver = new RealTimeBoardDriver(board, TimeSpan.FromMilliseconds(1));
        driver.Start();

        driver.Uplink([0x00, 0x05, 0x01, 0x00], 0, 4); // a broken COBS frame: its code promises four octets, one comes
        Assert.True(SpinUntil(() => driver.UplinkOctets == 4, 1));
        Assert.True(SpinUntil(() => driver.Invoke(b => b.Software.Parameters.Get(Flight.Commanding.UplinkMonitor.DiscardedParameter)) == 1, 2.5),
            "the board's uplink monitor did not count the broken frame");
    }

    [Fact]
    public void AStepOutsideItsRangeIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealTimeBoardDriver(new SimulatedBoard(), TimeSpan.FromMicroseconds(10)));
    }

    private static bool SpinUntil(Func<bool> condition, double seconds) => Wall.Until(condition, seconds);
}
