using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Payload.NanoCheck.Il;

/// <summary>One decoded IL instruction.</summary>
/// <param name="Offset">Offset of the opcode's first byte in the method body.</param>
/// <param name="Info">The opcode.</param>
/// <param name="Size">Total encoded size: opcode plus operand (for <c>switch</c> including the targets).</param>
/// <param name="Token">The metadata token operand, or 0 when the opcode has none.</param>
internal readonly record struct IlInstruction(int Offset, OpCodeInfo Info, int Size, int Token)
{
    /// <summary>The opcode value.</summary>
    public ILOpCode OpCode => Info.OpCode;

    /// <summary>The IL mnemonic.</summary>
    public string Name => Info.Name;

    /// <summary>The operand kind.</summary>
    public OperandType OperandType => Info.OperandType;
}
