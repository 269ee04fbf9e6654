using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Payload.NanoCheck.Il;
using Payload.NanoCheck.Signatures;

namespace Payload.NanoCheck.Rules;

/// <summary>
/// Method bodies: local variable types (pinned, pointers, generics, multidimensional arrays), opcodes (NF003, NF004,
/// NF006) and the entities each instruction's token refers to, reported at the instruction's IL offset.
/// </summary>
internal sealed class MethodBodyRule : IRule
{
    private readonly TokenInspector _tokens;

    public MethodBodyRule(TokenInspector tokens) => _tokens = tokens;

    public void Check(CheckContext context)
    {
        foreach (var (_, handle, method) in context.Methods())
        {
            var body = context.GetBody(method);
            if (body is null)
            {
                continue;
            }

            if (!body.LocalSignature.IsNil)
            {
                // Local signatures are shared between methods with the same locals, so each method reports its own.
                var locals = _tokens.Inspect(body.LocalSignature);
                if (locals.Count > 0)
                {
                    Site.ForMethod(context, handle).Report(context, locals);
                }
            }

            foreach (var instruction in IlReader.Read(body.GetILContent().AsSpan()))
            {
                CheckInstruction(context, handle, instruction);
            }
        }
    }

    private void CheckInstruction(CheckContext context, MethodDefinitionHandle method, IlInstruction instruction)
    {
        if (OpcodePolicy.Classify(instruction) is var (ruleId, message))
        {
            Site.ForMethod(context, method, instruction.Offset).Report(context, ruleId, message);
        }

        // ldstr's token indexes the #US heap, not a table.
        if (instruction.Token == 0 || instruction.OperandType == OperandType.InlineString)
        {
            return;
        }

        var handle = MetadataTokens.EntityHandle(instruction.Token);
        var findings = _tokens.Inspect(handle);
        if (findings.Count > 0)
        {
            var subject = $"{instruction.Name} {context.Names.Member(handle)}";
            Site.ForMethod(context, method, instruction.Offset).Report(context, findings, subject);
        }
    }
}
