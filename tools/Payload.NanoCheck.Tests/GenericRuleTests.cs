using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class GenericRuleTests
{
    [Fact]
    public void GenericTypeDefinition_IsNF001_NamingTheType()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public class Box<T> { public T Value; }
            }
            """);

        Reported(report, RuleIds.GenericDefinition, "Fixture.Box`1", "<T>");
    }

    [Fact]
    public void GenericMethodDefinition_IsNF001_AndItsCallIsNF002()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class Util
                {
                    public static T Same<T>(T value) { return value; }
                    public static int Use() { return Same(42); }
                }
            }
            """);

        Reported(report, RuleIds.GenericDefinition, "Fixture.Util::Same", "generic method");
        var call = Reported(report, RuleIds.GenericInstantiation, "Fixture.Util::Use", "Fixture.Util::Same<int>");
        Assert.NotNull(call.IlOffset);
    }

    [Theory]
    [InlineData("public static System.Action<int> Handler;", "Fixture.Holder::Handler", "System.Action<int>")]
    [InlineData("public static System.Action<int>[][] Handlers;", "Fixture.Holder::Handlers", "System.Action<int>")]
    [InlineData("public static System.Func<int, string> Format;", "Fixture.Holder::Format", "System.Func<int, string>")]
    [InlineData("public event System.EventHandler<System.EventArgs> Changed;", "Fixture.Holder::Changed", "System.EventHandler<System.EventArgs>")]
    [InlineData("public static void Take(System.Action<long> callback) { }", "Fixture.Holder::Take", "parameter 'callback'")]
    [InlineData("public static System.Func<int> Make() { return null; }", "Fixture.Holder::Make", "return type")]
    public void GenericInstantiationInDeclarations_IsNF002(string member, string expectedMember, string expectedText)
    {
        var report = FixtureCompiler.Check($$"""
            namespace Fixture
            {
                public class Holder
                {
                    {{member}}
                }
            }
            """);

        Reported(report, RuleIds.GenericInstantiation, expectedMember, expectedText);
        NotReported(report, RuleIds.GenericDefinition);
    }

    [Fact]
    public void GenericInstantiationInLocalsAndCalls_IsNF002_AtTheInstruction()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class Calls
                {
                    public static void Run(object state)
                    {
                        System.Action<int> callback = (System.Action<int>)state;
                        callback(3);
                    }
                }
            }
            """);

        Reported(report, RuleIds.GenericInstantiation, "Fixture.Calls::Run", "local variable 0");
        var call = Reported(report, RuleIds.GenericInstantiation, "Fixture.Calls::Run", "System.Action<int>::Invoke");
        Assert.NotNull(call.IlOffset);
        Assert.Contains("at IL_", call.ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GenericBaseTypeAndInterface_AreNF002_OnTheDerivedType()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public interface IStore<T> { T Get(); }
                public class Base<T> { }
                public class Derived : Base<int>, IStore<string> { public string Get() { return null; } }
            }
            """);

        Reported(report, RuleIds.GenericInstantiation, "Fixture.Derived", "base type");
        Reported(report, RuleIds.GenericInstantiation, "Fixture.Derived", "implemented interface");
    }

    [Fact]
    public void NestedInstantiation_IsReportedOnceByItsOutermostType()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public class Holder { public static System.Func<System.Action<int>, int> Nested; }
            }
            """);

        var violation = Reported(report, RuleIds.GenericInstantiation, "Fixture.Holder::Nested", "System.Func<System.Action<int>, int>");
        Assert.Single(report.Violations, v => v.Member == violation.Member);
    }

    [Fact]
    public void TypeSpecUsedOnlyByAnAttributeConstructor_IsFoundByTheSweep()
    {
        // An attribute whose constructor takes a generic instantiation is reached only through the CustomAttribute table.
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public class TaggedAttribute : System.Attribute
                {
                    public TaggedAttribute(int id) { }
                    public System.Action<int> Callback;
                }

                [Tagged(1)]
                public class Target { }
            }
            """);

        Reported(report, RuleIds.GenericInstantiation, "Fixture.TaggedAttribute::Callback");
    }
}
