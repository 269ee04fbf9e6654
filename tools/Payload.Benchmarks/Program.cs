using Payload.Benchmarks;
using Payload.Benchmarks.Acquisition;
using Payload.Benchmarks.Downlink;
using Payload.Benchmarks.RoundTrip;
using Payload.Benchmarks.LinkCodec;
using Payload.Benchmarks.Simulation;

// Add new benchmarks here; each prints its own figures against its targets.
IBenchmark[] benchmarks =
[
    new LinkCodecBenchmark(),
    new AcquisitionBenchmark(),
    new DownlinkBenchmark(),
    new TelecommandRoundTripBenchmark(),
    new SimulationBenchmark(),
];

if (args.Contains("--list"))
{
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine(benchmark.Name);
    }

    return 0;
}

var unknown = args.Where(a => !benchmarks.Any(b => string.Equals(b.Name, a, StringComparison.OrdinalIgnoreCase))).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"unknown benchmark '{string.Join(' ', unknown)}'; available: {string.Join(", ", benchmarks.Select(b => b.Name))} (or --list)");
    return 2;
}

var selected = args.Length == 0
    ? benchmarks
    : benchmarks.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
foreach (var benchmark in selected)
{
    benchmark.Run(Console.Out);
}

return 0;
