using System.Buffers.Binary;
using System.Reflection.Emit;

namespace Payload.NanoCheck.Il;

/// <summary>Walks a method body's IL instruction by instruction, so operand bytes are never taken for opcodes.</summary>
internal static class IlReader
{
    /// <summary>Decodes every instruction of <paramref name="il"/>.</summary>
    /// <exception cref="BadImageFormatException">An unknown opcode or an operand that runs past the end.</exception>
    public static IReadOnlyList<IlInstruction> Read(ReadOnlySpan<byte> il)
    {
        var instructions = new List<IlInstruction>();
        var offset = 0;
        while (offset < il.Length)
        {
            var instruction = ReadOne(il, offset);
            instructions.Add(instruction);
            offset += instruction.Size;
        }

        return instructions;
    }

    private static IlInstruction ReadOne(ReadOnlySpan<byte> il, int offset)
    {
        var first = il[offset];
        var opcodeSize = first == OpCodeTable.TwoBytePrefix ? 2 : 1;
        Require(il, offset, opcodeSize, "opcode");
        var second = opcodeSize == 2 ? il[offset + 1] : (byte)0;
        var info = OpCodeTable.Find(first, second)
            ?? throw new BadImageFormatException(
                $"IL_{offset:x4}: unknown opcode 0x{first:x2}{(opcodeSize == 2 ? second.ToString("x2", null) : string.Empty)}");

        var operandStart = offset + opcodeSize;
        var operandSize = info.FixedOperandSize;
        Require(il, operandStart, operandSize, info.Name);

        if (info.OperandType == OperandType.InlineSwitch)
        {
            // The count is unsigned and a hostile or corrupt body could make count * 4 overflow an int.
            var count = BinaryPrimitives.ReadUInt32LittleEndian(il.Slice(operandStart, 4));
            var targetBytes = (long)count * 4;
            if (targetBytes > il.Length - operandStart - 4)
            {
                throw new BadImageFormatException($"IL_{offset:x4}: switch with {count} targets runs past the end of the method body");
            }

            operandSize += (int)targetBytes;
        }

        var token = info.HasToken ? BinaryPrimitives.ReadInt32LittleEndian(il.Slice(operandStart, 4)) : 0;
        return new IlInstruction(offset, info, opcodeSize + operandSize, token);
    }

    private static void Require(ReadOnlySpan<byte> il, int start, int size, string what)
    {
        if (start + size > il.Length)
        {
            throw new BadImageFormatException($"IL_{start:x4}: {what} runs past the end of the method body");
        }
    }
}
