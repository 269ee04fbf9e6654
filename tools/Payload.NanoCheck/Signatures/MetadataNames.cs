using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Payload.NanoCheck.Signatures;

/// <summary>Readable names for metadata entities, as used in violation messages.</summary>
/// <remarks>Nested types are written <c>Outer/Inner</c> and members <c>Type::Member</c>, as ILDasm does.</remarks>
internal sealed class MetadataNames
{
    private readonly MetadataReader _reader;

    public MetadataNames(MetadataReader reader)
    {
        _reader = reader;
        Shapes = new ShapeProvider(reader, this);
    }

    /// <summary>The signature decoder's type provider, sharing these names.</summary>
    public ShapeProvider Shapes { get; }

    public string TypeDefinition(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? Qualify(type.Namespace, name) : TypeDefinition(declaring) + "/" + name;
    }

    public string TypeReference(TypeReferenceHandle handle)
    {
        var type = _reader.GetTypeReference(handle);
        var name = _reader.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? TypeReference((TypeReferenceHandle)type.ResolutionScope) + "/" + name
            : Qualify(type.Namespace, name);
    }

    /// <summary>The name of a TypeDef, TypeRef or TypeSpec.</summary>
    public string Type(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeDefinition((TypeDefinitionHandle)handle),
        HandleKind.TypeReference => TypeReference((TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => Shapes.DecodeTypeSpecification((TypeSpecificationHandle)handle).Name,
        _ => Token(handle),
    };

    public string Method(MethodDefinitionHandle handle)
    {
        var method = _reader.GetMethodDefinition(handle);
        return TypeDefinition(method.GetDeclaringType()) + "::" + _reader.GetString(method.Name);
    }

    public string Field(FieldDefinitionHandle handle)
    {
        var field = _reader.GetFieldDefinition(handle);
        return TypeDefinition(field.GetDeclaringType()) + "::" + _reader.GetString(field.Name);
    }

    public string MemberReference(MemberReferenceHandle handle)
    {
        var member = _reader.GetMemberReference(handle);
        var name = _reader.GetString(member.Name);
        return member.Parent.Kind switch
        {
            // A MemberRef whose parent is a MethodDef is a varargs call site of that very method.
            HandleKind.MethodDefinition => Method((MethodDefinitionHandle)member.Parent),
            HandleKind.ModuleReference => _reader.GetString(_reader.GetModuleReference((ModuleReferenceHandle)member.Parent).Name) + "::" + name,
            _ => Type(member.Parent) + "::" + name,
        };
    }

    public string MethodSpecification(MethodSpecificationHandle handle)
    {
        var spec = _reader.GetMethodSpecification(handle);
        var arguments = spec.DecodeSignature(Shapes, null).Select(argument => argument.Name);
        return Member(spec.Method) + "<" + string.Join(", ", arguments) + ">";
    }

    /// <summary>The name of any type, method or field handle; the token for anything else.</summary>
    public string Member(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MethodDefinition => Method((MethodDefinitionHandle)handle),
        HandleKind.FieldDefinition => Field((FieldDefinitionHandle)handle),
        HandleKind.MemberReference => MemberReference((MemberReferenceHandle)handle),
        HandleKind.MethodSpecification => MethodSpecification((MethodSpecificationHandle)handle),
        HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification => Type(handle),
        _ => Token(handle),
    };

    public static string Token(EntityHandle handle) => $"token 0x{MetadataTokens.GetToken(handle):x8}";

    private string Qualify(StringHandle ns, string name)
    {
        var space = _reader.GetString(ns);
        return space.Length == 0 ? name : space + "." + name;
    }
}
