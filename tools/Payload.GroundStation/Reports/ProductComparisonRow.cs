namespace Payload.GroundStation.Reports;

/// <summary>One product on board and on the ground, their difference and the tolerance it is held to.</summary>
/// <param name="Product">The product's name.</param>
/// <param name="Unit">Its unit ("" for counts).</param>
/// <param name="Onboard">The board's value (decoded from its downlink), or null when it was not valid.</param>
/// <param name="Ground">The ground's recomputation, or null when it could not be computed.</param>
/// <param name="Tolerance">Largest |board − ground| accepted (0: must be equal).</param>
/// <param name="Verdict">Whether it holds.</param>
public sealed record ProductComparisonRow(string Product, string Unit, double? Onboard, double? Ground, double Tolerance, ComparisonVerdict Verdict)
{
    /// <summary>board − ground, or null when either is absent.</summary>
    public double? Difference => Onboard - Ground;
}
