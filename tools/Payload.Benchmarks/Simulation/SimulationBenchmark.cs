using System.Diagnostics;
using Payload.Boards.Simulated.Engine;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Instrument;
using Payload.GroundStation;
using Payload.GroundStation.Link;

namespace Payload.Benchmarks.Simulation;

/// <summary>
/// A full NISAR pass with the whole payload software on the simulated board — executive, housekeeping, telemetry,
/// acquisition, products and their ST[13] downlink — commanded and received by the ground, timed against virtual time.
/// </summary>
public sealed class SimulationBenchmark : IBenchmark
{
    private const long Second = 1_000_000;

    public string Name => "Simulation";

    public void Run(TextWriter output)
    {
        FlyOnePass(); // warm-up: JIT and first-use costs are not the simulation's speed
        var (virtualSeconds, wallSeconds, packets, products) = FlyOnePass();
        Figures.AtLeast(output, "Simulation.nisar_pass_speed", virtualSeconds / wallSeconds, "F0", "x real time", 200,
            $"; {virtualSeconds:F0} s of board time in {wallSeconds:F2} s, {packets} packets to the ground, products {(products ? "received" : "MISSING")}");
    }

    private static (double VirtualSeconds, double WallSeconds, long Packets, bool Products) FlyOnePass()
    {
        var wall = Stopwatch.StartNew();
        var board = new SimulatedBoard();
        using var ground = new GroundSession(new SimulatedBoardLink(board), InstrumentSoftware.BuildDictionary());
        long packets = 0;
        var products = false;
        ground.Received += report =>
        {
            packets++;
            if (report is Payload.GroundStation.Telemetry.EventReport { Name: "ACQ_PRODUCTS_READY" }) products = true;
        };

        board.RunFor(Second);
        ground.SendLine("MODE_SET STANDBY");
        board.RunFor(Second / 10);
        ground.SendLine("MODE_SET ACQUIRE");
        board.RunFor(Second / 10);
        ground.SendLine("ACQ_ARM radar=NISAR max_wait_s=30 pass_timeout_s=60 prf_hint_hz=0 slant_range_km=0");
        board.RunFor(Second / 10);
        board.FlyPass(RadarProfile.NisarL());
        // The pass, then its products and raw records going down the 115200-baud link.
        board.RunUntil(() => board.Instrument is { } i && products && !i.Flight.LargeTransfer.IsActive, 120 * Second);
        wall.Stop();
        return (board.NowMicroseconds / 1e6, wall.Elapsed.TotalSeconds, packets, products);
    }
}
