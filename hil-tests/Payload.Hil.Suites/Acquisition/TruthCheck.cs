using System.Globalization;

namespace Payload.Hil.Suites.Acquisition;

/// <summary>One product against the stimulus's truth: the values, the tolerance allowed and why; it passes when both are there and within it.</summary>
/// <param name="Product">What is compared.</param>
/// <param name="Board">The board's value (null: not computed).</param>
/// <param name="Truth">The stimulus's value.</param>
/// <param name="Tolerance">The largest difference allowed.</param>
/// <param name="Unit">The unit of the three numbers.</param>
internal sealed record TruthCheck(string Product, double? Board, double Truth, double Tolerance, string Unit)
{
    /// <summary>True when the board computed it and it is within the tolerance of the truth.</summary>
    public bool Passes => Board is { } board && Math.Abs(board - Truth) <= Tolerance;

    /// <summary>"Beamwidth  board 0.8154 truth 0.8160 ±0.0061 deg  pass".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Product,-22} board {(Board is { } b ? b.ToString("G9", CultureInfo.InvariantCulture) : "—"),16}  truth {Truth,16:G9}  ±{Tolerance:G3} {Unit,-5} {(Passes ? "pass" : "FAIL")}");
}
