using System.Globalization;
using System.Text;
using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class LimitsTests
{
    [Theory]
    [InlineData(255, false)]
    [InlineData(256, true)]
    public void MoreThan255MethodsInOneType_IsNF007(int methods, bool expected)
    {
        var source = Class("Many", "public static class", methods, i => $"public static int M{i}() {{ return {i}; }}");

        var report = FixtureCompiler.Check(source);

        if (expected)
        {
            Reported(report, RuleIds.TooManyMethods, "Fixture.Many", $"type has {methods} methods (0 virtual, 0 instance, {methods} static)");
        }
        else
        {
            Clean(report);
        }

        Assert.Equal(methods, report.Stats.LargestTypeMethodCount);
        Assert.Equal("Fixture.Many", report.Stats.LargestTypeName);
    }

    [Fact]
    public void MethodLimit_CountsAllKindsTogether()
    {
        // 100 virtual + 100 instance + 100 static: each kind fits a byte, but NanoCheck's bound is the total.
        var source = Class("Mixed", "public class", 100, i =>
            $"public virtual int V{i}() {{ return {i}; }} public int I{i}() {{ return {i}; }} public static int S{i}() {{ return {i}; }}");

        var report = FixtureCompiler.Check(source);

        Reported(report, RuleIds.TooManyMethods, "Fixture.Mixed", "(100 virtual, 101 instance, 100 static)");
    }

    [Theory]
    [InlineData(255, false)]
    [InlineData(256, true)]
    public void MoreThan255StaticFieldsInOneType_IsNF010(int fields, bool expected)
    {
        var source = Class("Table", "public static class", fields, i => $"public static int F{i} = {i};");

        var report = FixtureCompiler.Check(source);

        if (expected)
        {
            Reported(report, RuleIds.TooManyFields, "Fixture.Table", $"{fields} static");
        }
        else
        {
            NotReported(report, RuleIds.TooManyFields);
        }
    }

    [Fact]
    public void Constants_DoNotCountAsFields()
    {
        var report = FixtureCompiler.Check(Class("Constants", "public static class", 400, i => $"public const int C{i} = {i};"));

        Clean(report);
    }

    [Fact]
    public void MoreThan64KilobytesOfIl_IsNF008()
    {
        // Each statement is ldarg.0, ldc.i4 <n>, add/xor, starg.s = 9 bytes; 40 methods x 200 statements ~ 72 KB.
        var source = Class("Big", "public static class", 40, i =>
        {
            var body = new StringBuilder();
            for (var s = 0; s < 200; s++)
            {
                body.Append(CultureInfo.InvariantCulture, $"x {(s % 2 == 0 ? "+=" : "^=")} {100_000 + s};");
            }

            return $"public static int M{i}(int x) {{ {body} return x; }}";
        });

        var report = FixtureCompiler.Check(source);

        Assert.True(report.Stats.IlBytes > ushort.MaxValue, $"fixture too small: {report.Stats.IlBytes} bytes of IL");
        Reported(report, RuleIds.IlTooLarge, "<module>", $"assembly has {report.Stats.IlBytes} bytes of IL");
        Assert.Single(report.Violations);
    }

    [Fact]
    public void MoreThan64KilobytesOfStrings_IsNF009()
    {
        // #US stores UTF-16: 300 distinct 120-character literals take about 73 KB.
        var source = Class("Texts", "public static class", 300, i =>
            $"public static string S{i}() {{ return \"{i:D4}{new string('x', 116)}\"; }}");

        var report = FixtureCompiler.Check(source);

        Assert.True(report.Stats.UserStringBytes > ushort.MaxValue, $"fixture too small: {report.Stats.UserStringBytes} bytes");
        Reported(report, RuleIds.StringsTooLarge, "<module>", "#US heap");
        NotReported(report, RuleIds.IlTooLarge);
    }

    private static string Class(string name, string declaration, int count, Func<int, string> member)
    {
        var source = new StringBuilder();
        source.AppendLine("namespace Fixture {").Append(declaration).Append(' ').Append(name).AppendLine(" {");
        for (var i = 0; i < count; i++)
        {
            source.AppendLine(member(i));
        }

        return source.AppendLine("} }").ToString();
    }
}
