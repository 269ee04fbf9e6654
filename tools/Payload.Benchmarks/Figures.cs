using System.Globalization;

namespace Payload.Benchmarks;

/// <summary>Writes one figure per line as <c>name: figure unit (target …) OK|BELOW TARGET</c>; the verdict is printed, never enforced.</summary>
/// <remarks>BELOW TARGET means the figure falls short of its target, whichever way the target points (a floor or a ceiling).</remarks>
public static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A figure whose target is a floor: OK when <paramref name="value"/> ≥ <paramref name="target"/>; <paramref name="note"/>, if any, follows the target.</summary>
    public static void AtLeast(TextWriter output, string name, double value, string format, string unit, double target, string? note = null) =>
        output.WriteLine($"{name}: {Format(value, format)} {unit} (target >= {Format(target, format)} {unit}{Note(note)}) {Verdict(value >= target)}");

    /// <summary>A figure whose target is a ceiling: OK when <paramref name="value"/> ≤ <paramref name="target"/>; <paramref name="note"/>, if any, follows the target.</summary>
    public static void AtMost(TextWriter output, string name, double value, string format, string unit, double target, string? note = null) =>
        output.WriteLine($"{name}: {Format(value, format)} {unit} (target <= {Format(target, format)} {unit}{Note(note)}) {Verdict(value <= target)}");

    /// <summary>A figure printed for information, with no target.</summary>
    public static void Informative(TextWriter output, string name, double value, string format, string unit, string note) =>
        output.WriteLine($"{name}: {Format(value, format)} {unit} (informative: {note})");

    /// <summary>A throughput figure (the fastest round) against its floor, with the median round after the target.</summary>
    public static void AtLeast(TextWriter output, string name, Throughput result, double scale, string format, string unit, double target) =>
        AtLeast(output, name, result.Fastest * scale, format, unit, target, $"; median round {Format(result.Median * scale, format)}");

    private static string Format(double value, string format) => value.ToString(format, Invariant);

    private static string Note(string? note) => note is null ? "" : note;

    private static string Verdict(bool met) => met ? "OK" : "BELOW TARGET";
}
