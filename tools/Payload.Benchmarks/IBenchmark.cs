namespace Payload.Benchmarks;

/// <summary>One benchmark: runs in-process and prints lines of the form <c>name.figure: value unit (target ...) OK|BELOW TARGET</c> (see <see cref="Figures"/>).</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line to run only this one.</summary>
    string Name { get; }

    /// <summary>Runs the benchmark and writes its figures.</summary>
    void Run(TextWriter output);
}
