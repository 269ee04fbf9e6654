namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>
    /// Runs <paramref name="action"/> <paramref name="count"/> times and returns the bench time each run took. In virtual
    /// time waits end on minor-frame boundaries, so figures are multiples of 10 ms; <see cref="Latencies"/> is finer.
    /// </summary>
    public LatencyStatistics Measure(Action action, int count, string name = "measure")
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var samples = new List<long>(count);
        for (int i = 0; i < count; i++)
        {
            long start = Now;
            action();
            samples.Add(Now - start);
        }
        return Statistics(name, samples);
    }

    /// <summary>
    /// The time from sending each of <paramref name="commands"/> to the arrival of its <paramref name="stage"/> report
    /// (ground round trip, in bench time); fails the test when a command has no such report.
    /// </summary>
    public LatencyStatistics Latencies(IEnumerable<CommandHandle> commands, Stage stage = Stage.Completed, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(commands);
        CommandHandle[] all = [.. commands];
        if (all.Length == 0) throw new ArgumentException("no commands", nameof(commands));
        var samples = new List<long>(all.Length);
        foreach (CommandHandle command in all)
        {
            samples.Add(command.LatencyMicroseconds(stage) ?? throw Fail($"{command}: no {stage} report to measure"));
        }
        return Statistics(name ?? $"{all[0].Mnemonic} send → {stage}", samples);
    }

    private LatencyStatistics Statistics(string name, List<long> samples)
    {
        var statistics = new LatencyStatistics(this, name, samples, IsVirtualTime);
        _log.Add(Now, '#', statistics.ToString());
        return statistics;
    }
}
