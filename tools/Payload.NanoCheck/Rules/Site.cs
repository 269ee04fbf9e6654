using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Payload.NanoCheck.Il;
using Payload.NanoCheck.Reporting;
using Payload.NanoCheck.Signatures;

namespace Payload.NanoCheck.Rules;

/// <summary>Where a finding is reported: a member, optionally an IL offset, and its source line.</summary>
/// <param name="Member">The member named in the violation.</param>
/// <param name="IlOffset">The IL offset, for findings inside a method body.</param>
/// <param name="Source">The source position, when a PDB is available.</param>
internal sealed record Site(string Member, int? IlOffset, SourceLocation? Source)
{
    public static Site ForType(CheckContext context, TypeDefinitionHandle type) =>
        new(context.Names.TypeDefinition(type), null, context.Sources?.ForType(type));

    public static Site ForMethod(CheckContext context, MethodDefinitionHandle method, int? ilOffset = null) =>
        new(context.Names.Method(method), ilOffset, context.Sources?.ForMethod(method, ilOffset));

    public static Site ForField(CheckContext context, FieldDefinitionHandle field) =>
        new(context.Names.Field(field), null, context.Sources is null ? null : FieldSource(context, field));

    /// <summary>Assembly-wide findings (size limits) and metadata rows that no definition or instruction uses.</summary>
    public static Site ForModule() => new("<module>", null, null);

    // A field has no sequence point of its own; its initializer's store in a constructor does, and otherwise the
    // declaring type's first statement is the nearest place to look.
    private static SourceLocation? FieldSource(CheckContext context, FieldDefinitionHandle field)
    {
        var reader = context.Reader;
        var type = reader.GetFieldDefinition(field).GetDeclaringType();
        var token = MetadataTokens.GetToken(field);
        foreach (var methodHandle in reader.GetTypeDefinition(type).GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            var name = reader.GetString(method.Name);
            if (name is not (".ctor" or ".cctor") || context.GetBody(method) is not { } body)
            {
                continue;
            }

            foreach (var instruction in IlReader.Read(body.GetILContent().AsSpan()))
            {
                if (instruction.Token == token && instruction.OpCode is ILOpCode.Stfld or ILOpCode.Stsfld)
                {
                    return context.Sources!.ForMethod(methodHandle, instruction.Offset);
                }
            }
        }

        return context.Sources!.ForType(type);
    }

    public void Report(CheckContext context, string ruleId, string message) =>
        context.Sink.Add(new Violation(ruleId, Member, IlOffset, message, Source));

    /// <summary>
    /// Reports signature flaws; <paramref name="subject"/> (e.g. "call Foo::Bar") is what the parts belong to,
    /// or null when they belong to the site's own member.
    /// </summary>
    public void Report(CheckContext context, IEnumerable<PartFinding> findings, string? subject = null)
    {
        foreach (var (finding, part) in findings)
        {
            var where = subject is null ? part : part.Length == 0 ? subject : $"{part} of {subject}";
            Report(context, FlawMessages.RuleId(finding.Flaw), FlawMessages.Describe(finding, where.Length == 0 ? "signature" : where));
        }
    }
}
