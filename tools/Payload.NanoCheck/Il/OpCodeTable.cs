using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Payload.NanoCheck.Il;

/// <summary>The ECMA-335 opcode table, keyed by opcode value.</summary>
/// <remarks>
/// Built from <see cref="OpCodes"/> so names and operand kinds come from the runtime's own definition instead of a
/// hand-typed table that could drift.
/// </remarks>
internal static class OpCodeTable
{
    private static readonly OpCodeInfo?[] OneByte = new OpCodeInfo?[256];
    private static readonly OpCodeInfo?[] TwoByte = new OpCodeInfo?[256];

    /// <summary>The first byte of every two-byte opcode.</summary>
    public const byte TwoBytePrefix = 0xFE;

    static OpCodeTable()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode opCode || opCode.OpCodeType == OpCodeType.Nternal)
            {
                continue;
            }

            var value = unchecked((ushort)opCode.Value);
            var info = new OpCodeInfo((ILOpCode)value, opCode.Name ?? field.Name, opCode.OperandType);
            if (opCode.Size == 1)
            {
                OneByte[value] = info;
            }
            else
            {
                TwoByte[value & 0xFF] = info;
            }
        }
    }

    /// <summary>The opcode whose encoding is <paramref name="first"/> (and <paramref name="second"/> after 0xFE).</summary>
    public static OpCodeInfo? Find(byte first, byte second) => first == TwoBytePrefix ? TwoByte[second] : OneByte[first];

    /// <summary>The opcode with the given value.</summary>
    public static OpCodeInfo Get(ILOpCode opCode)
    {
        var value = (ushort)opCode;
        var info = value > 0xFF ? TwoByte[value & 0xFF] : OneByte[value];
        return info ?? throw new ArgumentOutOfRangeException(nameof(opCode), opCode, "not an ECMA-335 opcode");
    }
}
