using Xunit.Abstractions;

namespace Payload.Hil;

/// <summary>
/// Base of a HIL suite: connects a <see cref="Payload.Hil.Bench"/> to the configured target before each test and tears it
/// down after (xunit disposes the class), so an invariant or cleanup failure is reported next to the test's own.
/// </summary>
public abstract class BenchTest : IDisposable
{
    /// <summary>Connects the bench with <see cref="Options"/>.</summary>
    protected BenchTest(ITestOutputHelper output)
    {
        Output = output;
        Bench = Bench.Connect(output, Options);
    }

    /// <summary>The test's bench.</summary>
    protected Bench Bench { get; }

    /// <summary>The test's output.</summary>
    protected ITestOutputHelper Output { get; }

    /// <summary>Options of the bench; null for the defaults.</summary>
    protected virtual BenchOptions? Options => null;

    /// <summary>Tears the bench down (cleanups, invariants, failure log).</summary>
    public void Dispose()
    {
        Bench.Dispose();
        GC.SuppressFinalize(this);
    }
}
