using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class CheckedArithmeticTests
{
    [Theory]
    [InlineData("int", "checked(a + b)", "add.ovf")]
    [InlineData("uint", "checked(a + b)", "add.ovf.un")]
    [InlineData("int", "checked(a - b)", "sub.ovf")]
    [InlineData("uint", "checked(a - b)", "sub.ovf.un")]
    [InlineData("long", "checked(a * b)", "mul.ovf")]
    [InlineData("ulong", "checked(a * b)", "mul.ovf.un")]
    [InlineData("int", "checked((byte)a)", "conv.ovf.u1")]
    [InlineData("uint", "checked((int)a)", "conv.ovf.i4.un")]
    [InlineData("long", "checked((short)b)", "conv.ovf.i2")]
    public void CheckedExpression_IsNF003_WithOpcodeAndOffset(string type, string expression, string opcode)
    {
        var report = FixtureCompiler.Check($$"""
            namespace Fixture
            {
                public static class Math2
                {
                    public static object Compute({{type}} a, {{type}} b) { return {{expression}}; }
                }
            }
            """);

        var violation = Reported(report, RuleIds.CheckedArithmetic, "Fixture.Math2::Compute", $"opcode {opcode} ");
        Assert.NotNull(violation.IlOffset);
        Assert.StartsWith("error NF003: Fixture.Math2::Compute at IL_", violation.ToCanonicalString(), StringComparison.Ordinal);
        Assert.EndsWith("is not supported by nanoFramework (checked arithmetic never throws on the device)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UncheckedArithmetic_IsClean()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class Math2
                {
                    public static long Compute(int a, uint b, long c) { return unchecked(a + (int)b) * c - (byte)a; }
                }
            }
            """);

        Clean(report);
    }
}
