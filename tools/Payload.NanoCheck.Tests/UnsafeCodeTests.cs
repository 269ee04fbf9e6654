using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class UnsafeCodeTests
{
    [Fact]
    public void PointerField_IsNF004()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public unsafe struct Cursor { public byte* Position; }
            }
            """, allowUnsafe: true);

        Reported(report, RuleIds.UnsafeCode, "Fixture.Cursor::Position", "pointer type byte*");
    }

    [Fact]
    public void PointerParameterAndReturn_AreNF004()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static unsafe class Pointers
                {
                    public static int* Next(int* p) { return p + 1; }
                }
            }
            """, allowUnsafe: true);

        Reported(report, RuleIds.UnsafeCode, "Fixture.Pointers::Next", "return type");
        Reported(report, RuleIds.UnsafeCode, "Fixture.Pointers::Next", "parameter 'p'");
    }

    [Fact]
    public void FixedStatement_IsNF004_AsPinnedLocal()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static unsafe class Pinning
                {
                    public static byte First(byte[] data)
                    {
                        fixed (byte* p = data) { return *p; }
                    }
                }
            }
            """, allowUnsafe: true);

        Reported(report, RuleIds.UnsafeCode, "Fixture.Pinning::First", "pinned local variable");
    }

    [Fact]
    public void Stackalloc_IsNF004_AtTheLocallocInstruction()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static unsafe class Stack
                {
                    public static int Sum(int n)
                    {
                        int* buffer = stackalloc int[n];
                        buffer[0] = n;
                        return buffer[0];
                    }
                }
            }
            """, allowUnsafe: true);

        var violation = Reported(report, RuleIds.UnsafeCode, "Fixture.Stack::Sum", "localloc");
        Assert.NotNull(violation.IlOffset);
        Reported(report, RuleIds.UnsafeCode, "Fixture.Stack::Sum", "local variable");
    }

    [Fact]
    public void FunctionPointer_IsNF004_AndItsCalliIsNF006()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static unsafe class Calls
                {
                    static int Twice(int x) { return 2 * x; }

                    public static int Run()
                    {
                        delegate*<int, int> f = &Twice;
                        return f(21);
                    }
                }
            }
            """, allowUnsafe: true);

        Reported(report, RuleIds.UnsafeCode, "Fixture.Calls::Run", "function pointer delegate*<int, int>");
        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.Calls::Run", "opcode calli");
    }

    [Fact]
    public void AllowUnsafeBlocksMarker_And_FixedSizeBuffer_AreNF004()
    {
        // The nanoFramework mscorlib has neither UnverifiableCodeAttribute nor FixedBufferAttribute; the host's does.
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public unsafe struct Frame { public fixed byte Payload[16]; }
            }
            """, allowUnsafe: true, corlib: Corlib.Host);

        Reported(report, RuleIds.UnsafeCode, "<module>", "[UnverifiableCode]");
        Reported(report, RuleIds.UnsafeCode, "Fixture.Frame::Payload", "fixed-size buffer");
    }
}
