using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class SourceLocationTests
{
    private const string Source = """
        namespace Fixture
        {
            public class Holder
            {
                public static System.Action<int> Callback = Ignore;

                public static int Add(int a, int b)
                {
                    int sum = a;
                    return checked(sum + b);
                }

                private static void Ignore(int value) { }
            }
        }
        """;

    [Fact]
    public void InstructionFinding_PointsAtItsStatement()
    {
        var report = FixtureCompiler.Check(Source, withPdb: true);

        var violation = Reported(report, RuleIds.CheckedArithmetic, "Fixture.Holder::Add");
        Assert.Equal(new Reporting.SourceLocation(FixtureCompiler.SourcePath, 10, 13), violation.Source);
        Assert.StartsWith("Fixture.cs(10,13): error NF003: Fixture.Holder::Add at IL_", violation.ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FieldFinding_PointsAtItsInitializer()
    {
        var report = FixtureCompiler.Check(Source, withPdb: true);

        var violation = Reported(report, RuleIds.GenericInstantiation, "Fixture.Holder::Callback");
        Assert.Equal(5, violation.Source?.Line);
    }

    [Fact]
    public void WithoutPdb_ViolationsHaveNoOrigin()
    {
        var report = FixtureCompiler.Check(Source);

        Assert.All(report.Violations, violation => Assert.Null(violation.Source));
        Assert.All(report.Violations, violation => Assert.StartsWith("error NF", violation.ToCanonicalString(), StringComparison.Ordinal));
    }
}
