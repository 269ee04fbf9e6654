using System.Reflection.Metadata;
using Payload.NanoCheck.Signatures;

namespace Payload.NanoCheck.Rules;

/// <summary>
/// NF002/NF004/NF005/NF006 in what the assembly declares: base types, interfaces, explicit interface implementations,
/// field types, method signatures and attribute constructors.
/// </summary>
/// <remarks>
/// Property and event signatures are not checked on their own: their types always reappear in the accessor methods
/// or backing fields checked here, and checking them too would report the same type three times.
/// </remarks>
internal sealed class DefinitionSignatureRule : IRule
{
    private readonly TokenInspector _tokens;

    public DefinitionSignatureRule(TokenInspector tokens) => _tokens = tokens;

    public void Check(CheckContext context)
    {
        var reader = context.Reader;
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            CheckTypeReference(context, typeHandle, type.BaseType, "base type");
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                CheckTypeReference(context, typeHandle, reader.GetInterfaceImplementation(implementation).Interface, "implemented interface");
            }

            foreach (var implementation in type.GetMethodImplementations())
            {
                var declaration = reader.GetMethodImplementation(implementation).MethodDeclaration;
                ReportReferenced(context, declaration, () => Site.ForType(context, typeHandle), "explicit implementation of");
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var shape = reader.GetFieldDefinition(fieldHandle).DecodeSignature(context.Shapes, null);
                if (shape.Findings.Count > 0)
                {
                    Site.ForField(context, fieldHandle).Report(context, PartFinding.OfShape(shape, "field type"));
                }
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var signature = method.DecodeSignature(context.Shapes, null);
                var parameterNames = ParameterNames(reader, method);
                var findings = PartFinding.OfMethod(signature, index =>
                    parameterNames.TryGetValue(index + 1, out var name) ? $"parameter '{name}'" : $"parameter {index + 1}").ToList();
                if (findings.Count > 0)
                {
                    Site.ForMethod(context, methodHandle).Report(context, findings);
                }
            }
        }

        foreach (var attributeHandle in reader.CustomAttributes)
        {
            var attribute = reader.GetCustomAttribute(attributeHandle);
            ReportReferenced(context, attribute.Constructor, () => SiteOf(context, attribute.Parent), "attribute constructor");
        }
    }

    private void ReportReferenced(CheckContext context, EntityHandle referenced, Func<Site> site, string relation)
    {
        var findings = _tokens.Inspect(referenced);
        if (findings.Count > 0)
        {
            site().Report(context, findings, $"{relation} {context.Names.Member(referenced)}");
        }
    }

    private static Site SiteOf(CheckContext context, EntityHandle owner) => owner.Kind switch
    {
        HandleKind.TypeDefinition => Site.ForType(context, (TypeDefinitionHandle)owner),
        HandleKind.MethodDefinition => Site.ForMethod(context, (MethodDefinitionHandle)owner),
        HandleKind.FieldDefinition => Site.ForField(context, (FieldDefinitionHandle)owner),
        _ => Site.ForModule(),
    };

    private static void CheckTypeReference(CheckContext context, TypeDefinitionHandle owner, EntityHandle referenced, string where)
    {
        if (referenced.Kind != HandleKind.TypeSpecification)
        {
            return;
        }

        context.Covered.Add(referenced);
        var shape = context.Shapes.DecodeTypeSpecification((TypeSpecificationHandle)referenced);
        if (shape.Findings.Count > 0)
        {
            Site.ForType(context, owner).Report(context, PartFinding.OfShape(shape, where));
        }
    }

    private static Dictionary<int, string> ParameterNames(MetadataReader reader, MethodDefinition method)
    {
        var names = new Dictionary<int, string>();
        foreach (var handle in method.GetParameters())
        {
            var parameter = reader.GetParameter(handle);
            if (parameter.SequenceNumber > 0)
            {
                names[parameter.SequenceNumber] = reader.GetString(parameter.Name);
            }
        }

        return names;
    }
}
