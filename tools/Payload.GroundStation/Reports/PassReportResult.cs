namespace Payload.GroundStation.Reports;

/// <summary>What <see cref="PassReport.Write"/> wrote and found.</summary>
/// <param name="MarkdownPath">The report.</param>
/// <param name="Images">The PNG plots beside it.</param>
/// <param name="Comparison">The board's products against the ground's, product by product.</param>
public sealed record PassReportResult(string MarkdownPath, IReadOnlyList<string> Images, IReadOnlyList<ProductComparisonRow> Comparison)
{
    /// <summary>True when every product holds its tolerance.</summary>
    public bool AllAgree => Comparison.All(r => r.Verdict == ComparisonVerdict.Pass);

    /// <summary>Products beyond tolerance.</summary>
    public int Failures => Comparison.Count(r => r.Verdict == ComparisonVerdict.Fail);
}
