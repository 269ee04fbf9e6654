namespace Payload.Hil.Tests.Checks;

/// <summary>The bench's checks against an in-process board: what they catch, what they say, what teardown does.</summary>
public sealed class BenchChecksTests(ITestOutputHelper output)
{
    [Fact]
    public void AnInvariantViolatedUntilTeardownFailsTheTestThenWithTheLogPath()
    {
        var bench = Bench.Connect(output);
        bench.Invariant("stays in SAFE", hk => hk["mode.current"] == 0);
        bench.SendAndComplete("MODE_SET", "STANDBY");
        bench.AwaitHousekeeping("HK_CORE", hk => hk["mode.current"] == 1);

        var failure = Assert.Throws<BenchAssertionException>(bench.Dispose);

        Assert.Contains("invariant 'stays in SAFE' (hk => hk[\"mode.current\"] == 0): VIOLATED", failure.Message);
        Assert.Contains(bench.LogPath, failure.Message);
        Assert.True(File.Exists(bench.LogPath));
        File.Delete(bench.LogPath);
    }

    [Fact]
    public void AnInvariantNoPacketCouldEvaluateIsAFailureNotAPass()
    {
        var bench = Bench.Connect(output);
        bench.Invariant("about a parameter no structure holds", hk => hk["store.replayed"] == 0);

        var failure = Assert.Throws<BenchAssertionException>(bench.Dispose);

        Assert.Contains("was never evaluated", failure.Message);
        File.Delete(bench.LogPath);
    }

    [Fact]
    public void TeardownRunsTheCleanupsLatestFirst()
    {
        var order = new List<string>();
        using (var bench = Bench.Connect(output))
        {
            bench.OnTeardown("first", () => order.Add("first"));
            bench.OnTeardown("second", () => order.Add("second"));
        }

        Assert.Equal(["second", "first"], order);
    }

    [Fact]
    public void AParameterSetForATestIsPutBackAtTeardown()
    {
        long atTeardown = -1;
        using (var bench = Bench.Connect(output))
        {
            // Registered first, so it runs last: after the bench put the value back.
            bench.OnTeardown("read it back", () => atTeardown = bench.GetParameter("tm.store_always_mask").Raw);
            Assert.Equal(1, bench.SetParameter("tm.store_always_mask", 3).Raw);
            Assert.Equal(3, bench.GetParameter("tm.store_always_mask").Raw);
        }

        Assert.Equal(1, atTeardown);
    }

    [Fact]
    public void ATestThatDoesNotFailLeavesNoLog()
    {
        string path;
        using (var bench = Bench.Connect(output))
        {
            bench.ExpectFailure(() => bench.AwaitEvent("MODE_CHANGED", within: 100.Milliseconds()));
            path = bench.LogPath;
            Assert.True(File.Exists(path));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void WaitsInVirtualTimeCostNoWallTime()
    {
        using var bench = Bench.Connect(output);
        var wall = System.Diagnostics.Stopwatch.StartNew();

        bench.Wait(30.Seconds());

        Assert.True(bench.IsVirtualTime);
        Assert.True(bench.Now >= 30_000_000);
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(10), $"{wall.Elapsed} of wall time for 30 s of virtual time");
        Assert.Equal(30, bench.AwaitHousekeeping("HK_CORE", since: Mark.Beginning, within: 1.Seconds(), condition: hk => hk["sys.uptime"] >= 29)["sys.uptime"].Raw, 1.0);
    }
}
