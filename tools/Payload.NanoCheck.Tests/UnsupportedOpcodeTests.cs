using System.Reflection.Metadata;
using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class UnsupportedOpcodeTests
{
    [Fact]
    public void Arglist_IsNF006_ForOpcodeAndCallingConvention()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class VarArgs
                {
                    public static int Count(__arglist) { System.RuntimeArgumentHandle args = __arglist; return 0; }
                    public static int Call() { return Count(__arglist(1, 2)); }
                }
            }
            """);

        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.VarArgs::Count", "opcode arglist");
        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.VarArgs::Count", "varargs calling convention");
        var call = Reported(report, RuleIds.UnsupportedOpcode, "Fixture.VarArgs::Call", "varargs calling convention (call Fixture.VarArgs::Count)");
        Assert.NotNull(call.IlOffset);
    }

    [Fact]
    public void TypedReferenceOpcodes_AreNF006()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static class Refs
                {
                    public static int Run(int value)
                    {
                        System.TypedReference reference = __makeref(value);
                        System.Type type = __reftype(reference);
                        return __refvalue(reference, int);
                    }
                }
            }
            """);

        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.Refs::Run", "opcode mkrefany");
        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.Refs::Run", "opcode refanytype");
        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.Refs::Run", "opcode refanyval");
    }

    [Fact]
    public void StackallocInitializers_UseInitblkAndCpblk_WhichAreNF006()
    {
        var report = FixtureCompiler.Check("""
            namespace Fixture
            {
                public static unsafe class Blocks
                {
                    public static byte Same() { byte* p = stackalloc byte[4] { 7, 7, 7, 7 }; return p[0]; }
                    public static byte Different() { byte* p = stackalloc byte[4] { 1, 2, 3, 4 }; return p[3]; }
                }
            }
            """, allowUnsafe: true);

        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.Blocks::Same", "opcode initblk");
        Reported(report, RuleIds.UnsupportedOpcode, "Fixture.Blocks::Different", "opcode cpblk");
    }

    [Fact]
    public void Jmp_IsNF006()
    {
        var report = IlFixture.Check((il, handles) =>
        {
            il.OpCode(ILOpCode.Jmp);
            il.Token(handles.Method);
        });

        var violation = Reported(report, RuleIds.UnsupportedOpcode, IlFixture.MethodName, "opcode jmp ");
        Assert.Equal(0, violation.IlOffset);
    }

    [Fact]
    public void Ckfinite_IsNF006_AtItsOffset()
    {
        var report = IlFixture.Check((il, _) =>
        {
            il.LoadConstantR8(1.0);
            il.OpCode(ILOpCode.Ckfinite);
            il.OpCode(ILOpCode.Pop);
            il.OpCode(ILOpCode.Ret);
        });

        var violation = Reported(report, RuleIds.UnsupportedOpcode, IlFixture.MethodName, "opcode ckfinite ");
        Assert.Equal(9, violation.IlOffset);
    }

    [Fact]
    public void ReadonlyPrefix_IsNF006()
    {
        // nf-interpreter lists readonly. with the unsupported opcodes, unlike tail., volatile. and unaligned.
        var report = IlFixture.Check((il, handles) =>
        {
            il.OpCode(ILOpCode.Ldnull);
            il.LoadConstantI4(0);
            il.OpCode(ILOpCode.Readonly);
            il.OpCode(ILOpCode.Ldelema);
            il.Token(handles.ObjectType);
            il.OpCode(ILOpCode.Pop);
            il.OpCode(ILOpCode.Ret);
        });

        Reported(report, RuleIds.UnsupportedOpcode, IlFixture.MethodName, "opcode readonly.");
    }

    [Fact]
    public void TailPrefix_IsAccepted_AsTheInterpreterTreatsItAsANoOp()
    {
        var report = IlFixture.Check((il, handles) =>
        {
            il.OpCode(ILOpCode.Tail);
            il.Call(handles.Method);
            il.OpCode(ILOpCode.Ret);
        });

        Clean(report);
    }
}
