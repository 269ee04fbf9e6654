using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Payload.NanoCheck.Il;
using Payload.NanoCheck.Tests.Fixtures;
using static Payload.NanoCheck.Tests.Fixtures.ReportAssert;

namespace Payload.NanoCheck.Tests;

public class IlReaderTests
{
    [Fact]
    public void Switch_SkipsItsJumpTable()
    {
        // switch with 2 targets whose offsets are the bytes of add.ovf (0xD6) and localloc (0xFE 0x0F), then ret.
        byte[] il = [0x45, 0x02, 0x00, 0x00, 0x00, 0xD6, 0x00, 0x00, 0x00, 0xFE, 0x0F, 0x00, 0x00, 0x2A];

        var instructions = IlReader.Read(il);

        Assert.Collection(
            instructions,
            instruction => Assert.Equal((0, ILOpCode.Switch, 13), (instruction.Offset, instruction.OpCode, instruction.Size)),
            instruction => Assert.Equal((13, ILOpCode.Ret, 1), (instruction.Offset, instruction.OpCode, instruction.Size)));
    }

    [Fact]
    public void EveryOperandSize_IsHonoured()
    {
        byte[] il =
        [
            0x20, 0xD6, 0xD7, 0xFE, 0x0F,                         // ldc.i4 0x0FFED7D6
            0x21, 0xD6, 0xD7, 0xD8, 0xD9, 0xDA, 0xDB, 0xFE, 0x00, // ldc.i8
            0x23, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, // ldc.r8
            0x22, 0xD6, 0xD6, 0xD6, 0xD6,                         // ldc.r4
            0x1F, 0xD6,                                           // ldc.i4.s
            0xFE, 0x0C, 0xD6, 0x00,                               // ldloc 0x00D6
            0x28, 0x01, 0x00, 0x00, 0x06,                         // call 0x06000001
            0x2A,                                                 // ret
        ];

        var instructions = IlReader.Read(il);

        Assert.Equal(
            [ILOpCode.Ldc_i4, ILOpCode.Ldc_i8, ILOpCode.Ldc_r8, ILOpCode.Ldc_r4, ILOpCode.Ldc_i4_s, ILOpCode.Ldloc, ILOpCode.Call, ILOpCode.Ret],
            instructions.Select(instruction => instruction.OpCode));
        Assert.Equal([0, 5, 14, 23, 28, 30, 34, 39], instructions.Select(instruction => instruction.Offset));
        Assert.Equal(0x06000001, instructions[6].Token);
        Assert.Equal(0, instructions[0].Token);
    }

    [Theory]
    [InlineData(new byte[] { 0x20, 0x01, 0x02 })]                    // ldc.i4 cut short
    [InlineData(new byte[] { 0xFE })]                                // two-byte opcode cut short
    [InlineData(new byte[] { 0x45, 0x05, 0x00, 0x00, 0x00, 0x00 })]  // switch table longer than the body
    [InlineData(new byte[] { 0x45, 0xFF, 0xFF, 0xFF, 0xFF })]        // switch count that overflows 4 * n
    [InlineData(new byte[] { 0xA6 })]                                // unused opcode value
    public void MalformedIl_IsRejected(byte[] il)
    {
        Assert.Throws<BadImageFormatException>(() => IlReader.Read(il));
    }

    [Fact]
    public void OperandsThatLookLikeForbiddenOpcodes_AreNotReported()
    {
        var report = IlFixture.Check((il, handles) =>
        {
            il.LoadConstantI4(0x0FFED7D6);          // add.ovf, add.ovf.un, localloc if misread
            il.OpCode(ILOpCode.Pop);
            il.LoadConstantI8(unchecked((long)0x00FE_DBDA_D9D8_29FEUL));
            il.OpCode(ILOpCode.Pop);

            // switch whose relative targets are 0xD6 and 0xD8 (add.ovf, mul.ovf).
            var first = il.DefineLabel();
            var second = il.DefineLabel();
            il.LoadConstantI4(1);
            var targets = il.Switch(2);
            targets.Branch(first);
            targets.Branch(second);
            for (var i = 0; i < 0xD6; i++)
            {
                il.OpCode(ILOpCode.Nop);
            }

            il.MarkLabel(first);
            il.OpCode(ILOpCode.Nop);
            il.OpCode(ILOpCode.Nop);
            il.MarkLabel(second);
            il.OpCode(ILOpCode.Ret);
        });

        Clean(report);
    }

    [Fact]
    public void LargeMethodWithDenseSwitch_IsWalkedExactly()
    {
        // A 300-case switch compiles to one switch opcode with a 1200-byte jump table, followed by case bodies whose
        // constants are chosen to contain opcode-looking bytes.
        var source = new StringBuilder("namespace Fixture { public static class Big { public static int Pick(int k) { switch (k) {");
        for (var i = 0; i < 300; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"case {i}: return unchecked((int)0xD6D7{i:X4}) ^ k;");
        }

        source.Append("default: return 0; } } } }");
        var (image, _) = FixtureCompiler.Compile(source.ToString());

        using var peReader = new PEReader(new MemoryStream(image));
        var reader = peReader.GetMetadataReader();
        var pick = reader.MethodDefinitions.Single(handle => reader.GetString(reader.GetMethodDefinition(handle).Name) == "Pick");
        var il = peReader.GetMethodBody(reader.GetMethodDefinition(pick).RelativeVirtualAddress).GetILContent();

        var instructions = IlReader.Read(il.AsSpan());

        var jumpTable = Assert.Single(instructions, instruction => instruction.OpCode == ILOpCode.Switch);
        Assert.Equal(1 + 4 + (300 * 4), jumpTable.Size);
        Assert.Equal(il.Length, instructions.Sum(instruction => instruction.Size));
        Assert.True(il.Length > 3000, $"method unexpectedly small: {il.Length} bytes");
        Clean(NanoChecker.Check(new MemoryStream(image), "Fixture.dll"));
    }

    [Fact]
    public void OpCodeTable_KnowsEveryEcmaOpcode()
    {
        foreach (var opCode in Enum.GetValues<ILOpCode>())
        {
            Assert.Equal(opCode, OpCodeTable.Get(opCode).OpCode);
        }

        Assert.Equal("add.ovf", OpCodeTable.Get(ILOpCode.Add_ovf).Name);
        Assert.Equal("localloc", OpCodeTable.Get(ILOpCode.Localloc).Name);
    }
}
