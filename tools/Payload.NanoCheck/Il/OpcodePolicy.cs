using System.Reflection.Metadata;

namespace Payload.NanoCheck.Il;

/// <summary>Which opcodes the nanoFramework 1.17 interpreter does not run correctly, and why.</summary>
/// <remarks>
/// The interpreter (nf-interpreter src/CLR/Core/Interpreter.cpp) lists arglist, cpblk, jmp, initblk, calli, ckfinite,
/// localloc, mkrefany, refanytype, refanyval and readonly. under "Unsupported opcodes" and fails them at run time;
/// tail., volatile. and unaligned. are accepted there as no-ops, so they are not flagged. Its *.ovf opcodes do
/// the arithmetic without the overflow check.
/// </remarks>
internal static class OpcodePolicy
{
    private static readonly HashSet<ILOpCode> Unsupported =
    [
        ILOpCode.Arglist, ILOpCode.Cpblk, ILOpCode.Initblk, ILOpCode.Jmp, ILOpCode.Calli, ILOpCode.Ckfinite,
        ILOpCode.Mkrefany, ILOpCode.Refanytype, ILOpCode.Refanyval, ILOpCode.Readonly,
    ];

    /// <summary>The rule and message for <paramref name="instruction"/>, or null when the device runs it correctly.</summary>
    public static (string RuleId, string Message)? Classify(IlInstruction instruction)
    {
        if (instruction.OpCode == ILOpCode.Localloc)
        {
            // Reported as unsafe code rather than as an unsupported opcode: stackalloc is what produces it.
            return (RuleIds.UnsafeCode,
                "opcode localloc (stackalloc) is unsafe code, which the nanoFramework metadata processor rejects and the interpreter does not run");
        }

        // Every overflow-checked opcode's mnemonic contains ".ovf" (add.ovf, mul.ovf.un, conv.ovf.u1.un, ...).
        if (instruction.Name.Contains(".ovf", StringComparison.Ordinal))
        {
            return (RuleIds.CheckedArithmetic,
                $"overflow-checked opcode {instruction.Name} is not supported by nanoFramework (checked arithmetic never throws on the device)");
        }

        if (Unsupported.Contains(instruction.OpCode))
        {
            return (RuleIds.UnsupportedOpcode,
                $"opcode {instruction.Name} is not supported by the nanoFramework interpreter (it fails at run time)");
        }

        return null;
    }
}
