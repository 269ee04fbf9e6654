namespace Payload.Benchmarks;

/// <summary>One benchmark: runs in-process and prints lines of the form <c>name.figure: value (target ...)</c>.</summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line to run only this one.</summary>
    string Name { get; }

    /// <summary>Runs the benchmark and writes its figures.</summary>
    void Run(TextWriter output);
}
