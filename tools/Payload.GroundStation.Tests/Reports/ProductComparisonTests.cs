using Payload.Analysis;
using Payload.GroundStation.Reports;

namespace Payload.GroundStation.Tests.Reports;

public sealed class ProductComparisonTests
{
    private static readonly PassProductValues Board = new()
    {
        PulseCount = 1000,
        PrfHz = 1650.0,
        PeakDbm = -26.0,
        BeamwidthTicks = 200_000_000,
        SidelobeLeftDb = null,
    };

    [Fact]
    public void ValuesWithinToleranceAndBothAbsentPass()
    {
        var ground = Board with { PrfHz = 1650.0009, PeakDbm = -26.0015, BeamwidthTicks = 200_003_000 };

        IReadOnlyList<ProductComparisonRow> rows = ProductComparison.Compare(Board, ground);

        Assert.All(rows, r => Assert.Equal(ComparisonVerdict.Pass, r.Verdict));
        ProductComparisonRow width = Assert.Single(rows, r => r.Product == "3 dB width in time");
        Assert.Equal(2e-5 * 200_003_000, width.Tolerance, 1e-6);
        Assert.Equal(-3000, width.Difference!.Value, 1e-6);
        Assert.Null(Assert.Single(rows, r => r.Product == "First sidelobe, left").Difference);
    }

    [Fact]
    public void CountsMustBeEqualAndValidityMustMatch()
    {
        var ground = Board with { PulseCount = 1001, PrfHz = 1650.0011, SidelobeLeftDb = -13.2, BeamwidthTicks = 200_005_000 };

        var failed = ProductComparison.Compare(Board, ground).Where(r => r.Verdict == ComparisonVerdict.Fail).Select(r => r.Product);

        Assert.Equal(["Pulses", "PRF", "3 dB width in time", "First sidelobe, left"], failed);
    }
}
