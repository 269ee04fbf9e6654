using Payload.Benchmarks;
using Payload.Benchmarks.Downlink;

// Add new benchmarks here; each prints its own figures against its targets.
IBenchmark[] benchmarks =
[
    new DownlinkBenchmark(),
];

var selected = args.Length == 0
    ? benchmarks
    : benchmarks.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
if (selected.Length == 0)
{
    Console.Error.WriteLine($"unknown benchmark '{string.Join(' ', args)}'; available: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

foreach (var benchmark in selected)
{
    benchmark.Run(Console.Out);
}
return 0;
