using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;

namespace Payload.Benchmarks.Acquisition;

/// <summary>
/// DESIGN.md §7: blocks of pulse records parsed, checked and analysed on the host build at least 1000× faster than the
/// fastest radar produces them (3.5 kHz), with zero bytes allocated in steady state. Also the cost of
/// PassAccumulator.Compute on a full NISAR pass (informative).
/// </summary>
/// <remarks>
/// Realistic bursts: a nominal NISAR pass (scene seed 1) runs once through the simulated board's digitizer model with
/// the flight driver configured as at boot (64-record blocks, watermark 64, MAX_LATENCY 10 ms, MIN_WIDTH 3 µs, the
/// −50 dBm threshold of the product tests), and every FIFO burst is recorded. The timed loop replays exactly those
/// bursts through an ISpiDevice that only copies them (<see cref="BurstReplay"/>), so the model's cost is not measured:
/// driver (echo, count, CRC, ring) → PassAccumulator.AddRecord for each record. The figure is the fastest of the rounds
/// (see <see cref="Throughput"/>).
/// </remarks>
public sealed class AcquisitionBenchmark : IBenchmark
{
    private const double FastestRadarPulsesPerSecond = 3500;
    private const double TargetSpeedUp = 1000;
    private const int BlockRecords = DigitizerDriver.DefaultBlockRecords;
    private const int Watermark = DigitizerDriver.DefaultBlockRecords;
    private const long MaxLatencyTicks = 800_000;
    private const int MinWidthTicks = 240;
    private const double ThresholdDbm = -50.0;
    private const int PassesPerRound = 8;
    private const int Rounds = 25;
    private const int ComputeRounds = 51;

    public string Name => "Acquisition";

    public void Run(TextWriter output)
    {
        var pass = RadarPass.Simulate(RadarProfile.NisarL());
        var profile = pass.Geometry.Profile;
        int threshold = pass.Options.Detector.PeakCode(ThresholdDbm);
        var recorded = RecordedPass.Record(pass, BlockRecords, threshold, Watermark, MaxLatencyTicks, MinWidthTicks);
        var loop = new AcquisitionLoop(recorded, BlockRecords);
        int blocks = loop.BlocksPerPass;
        output.WriteLine($"{Name}: {profile.Name} pass ({profile.VisibleDurationS:0} s), {recorded.Records:N0} records in {blocks:N0} FIFO bursts " +
                         $"({recorded.Records / (double)blocks:0.0} records/burst, MAX {BlockRecords}, MAX_LATENCY {MaxLatencyTicks / 80_000} ms), " +
                         $"recorded from the chip model in {recorded.RecordSeconds:0.0} s, replayed {PassesPerRound} passes per round, fastest of {Rounds} rounds");

        var blocksPerSecond = Throughput.Measure(() => loop.RunPasses(PassesPerRound), (long)PassesPerRound * blocks, Rounds);
        Check(loop, recorded);
        double recordsPerBlock = recorded.Records / (double)blocks;
        Figures.Informative(output, $"{Name}.blocks", blocksPerSecond.Fastest, "N0", "blocks/s",
            $"burst read, echo/count/CRC check, ring, AddRecord per record; median round {blocksPerSecond.Median:N0}");
        Figures.Informative(output, $"{Name}.records", blocksPerSecond.Fastest * recordsPerBlock, "N0", "records/s",
            $"the same, per pulse record; median round {blocksPerSecond.Median * recordsPerBlock:N0}; speed_up is this over the fastest radar's 3500 pulses/s");
        Figures.AtLeast(output, $"{Name}.speed_up", blocksPerSecond, recordsPerBlock / FastestRadarPulsesPerSecond, "N0",
            "x 3.5 kHz", TargetSpeedUp);
        Figures.AtMost(output, $"{Name}.allocated", blocksPerSecond.BytesPerOperation, "0.###", "bytes/block", 0);

        var accumulator = loop.Accumulator;
        int groundSpeed = (int)profile.GroundSpeedMps;
        int slantRange = (int)profile.SlantRangeM;
        var compute = Throughput.Measure(() => accumulator.Compute(groundSpeed, slantRange, 2500), 1, ComputeRounds);
        var products = accumulator.Products;
        Figures.Informative(output, $"{Name}.compute_nisar_pass", 1000 / compute.Median, "0.000", "ms",
            $"host, PassAccumulator.Compute over {accumulator.Count:N0} pulses, median of {ComputeRounds} (fastest {1000 / compute.Fastest:0.000} ms); " +
            $"{compute.BytesPerOperation:0.###} bytes allocated per Compute; " +
            $"PRF {products.PrfMilliHz / 1000.0:0.000} Hz (truth {pass.Truth.ReceiverPrfHz:0.000}), " +
            $"3 dB beamwidth {products.BeamwidthMicroDeg / 1e6:0.0000} deg (truth {pass.Truth.BeamwidthDeg:0.0000})");
    }

    private static void Check(AcquisitionLoop loop, RecordedPass recorded)
    {
        var driver = loop.Driver;
        if (driver.CrcErrors + driver.FrameErrors + driver.RecordsLost + driver.SequenceErrors + driver.RingOverflows != 0
            || loop.Accumulator.Count + loop.Accumulator.Rejected != recorded.Records)
        {
            throw new InvalidOperationException($"the replay was not clean: {driver.CrcErrors} CRC errors, {driver.SequenceErrors} sequence errors, " +
                                                $"{loop.Accumulator.Count + loop.Accumulator.Rejected} of {recorded.Records} records in the last pass");
        }
    }
}
