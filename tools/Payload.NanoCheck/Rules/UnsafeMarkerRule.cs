using System.Reflection.Metadata;

namespace Payload.NanoCheck.Rules;

/// <summary>
/// NF004 for what the compiler marks as unsafe without a pointer in any signature: the module-level
/// <c>[UnverifiableCode]</c> that <c>AllowUnsafeBlocks</c> adds, and fixed-size buffers (<c>fixed int buf[4]</c>).
/// </summary>
/// <remarks>Both attributes are absent from the nanoFramework mscorlib, so this fires only on host-compiled code.</remarks>
internal sealed class UnsafeMarkerRule : IRule
{
    private const string UnverifiableCode = "System.Security.UnverifiableCodeAttribute";
    private const string FixedBuffer = "System.Runtime.CompilerServices.FixedBufferAttribute";

    public void Check(CheckContext context)
    {
        var reader = context.Reader;
        foreach (var handle in reader.CustomAttributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var type = AttributeType(context, attribute);
            if (type == UnverifiableCode)
            {
                Site.ForModule().Report(context, RuleIds.UnsafeCode,
                    "the module is marked [UnverifiableCode] (compiled with AllowUnsafeBlocks): unsafe code is rejected by the nanoFramework metadata processor");
            }
            else if (type == FixedBuffer && attribute.Parent.Kind == HandleKind.FieldDefinition)
            {
                Site.ForField(context, (FieldDefinitionHandle)attribute.Parent).Report(context, RuleIds.UnsafeCode,
                    "fixed-size buffer (fixed T name[n]) is unsafe code, which the nanoFramework metadata processor rejects");
            }
        }
    }

    private static string AttributeType(CheckContext context, CustomAttribute attribute)
    {
        var reader = context.Reader;
        return attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => context.Names.Type(reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent),
            HandleKind.MethodDefinition => context.Names.TypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
            _ => string.Empty,
        };
    }
}
