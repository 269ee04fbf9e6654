using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Payload.NanoCheck.Il;

/// <summary>One ECMA-335 opcode: its value, IL name and operand kind.</summary>
/// <param name="OpCode">The opcode value (two-byte opcodes are 0xFExx).</param>
/// <param name="Name">The IL mnemonic, e.g. <c>add.ovf</c>.</param>
/// <param name="OperandType">The operand kind, which fixes the operand size.</param>
internal sealed record OpCodeInfo(ILOpCode OpCode, string Name, OperandType OperandType)
{
    /// <summary>Operand size in bytes; for <c>switch</c> only the 4-byte count (the targets follow it).</summary>
    public int FixedOperandSize => OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>True when the 4-byte operand is a metadata token.</summary>
    public bool HasToken => OperandType is OperandType.InlineField or OperandType.InlineMethod
        or OperandType.InlineSig or OperandType.InlineString or OperandType.InlineTok or OperandType.InlineType;
}
