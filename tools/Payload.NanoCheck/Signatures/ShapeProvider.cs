using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace Payload.NanoCheck.Signatures;

/// <summary>Decodes signatures into <see cref="TypeShape"/>s, recording every flaw at any nesting depth.</summary>
/// <remarks>
/// The <c>SignatureDecoder</c> drives the recursion, so <c>Foo&lt;Bar&gt;[]</c>,
/// <c>int[][]</c> or a pointer inside a generic argument are all reached without hand-walking blobs.
/// </remarks>
internal sealed partial class ShapeProvider : ISignatureTypeProvider<TypeShape, object?>
{
    private readonly MetadataReader _reader;
    private readonly MetadataNames _names;
    private readonly Dictionary<TypeSpecificationHandle, TypeShape> _specifications = [];

    public ShapeProvider(MetadataReader reader, MetadataNames names)
    {
        _reader = reader;
        _names = names;
    }

    /// <summary>Decodes a TypeSpec once and remembers it: specs are shared by many signatures.</summary>
    public TypeShape DecodeTypeSpecification(TypeSpecificationHandle handle)
    {
        if (!_specifications.TryGetValue(handle, out var shape))
        {
            shape = _reader.GetTypeSpecification(handle).DecodeSignature(this, null);
            _specifications[handle] = shape;
        }

        return shape;
    }

    public TypeShape GetArrayType(TypeShape elementType, ArrayShape shape)
    {
        var name = elementType.Name + "[" + new string(',', Math.Max(shape.Rank - 1, 0)) + "]";
        return TypeShape.Flawed(name, ShapeFlaw.MultidimensionalArray, [elementType]);
    }

    public TypeShape GetByReferenceType(TypeShape elementType) => TypeShape.Composite("ref " + elementType.Name, [elementType]);

    public TypeShape GetFunctionPointerType(MethodSignature<TypeShape> signature)
    {
        var parts = signature.ParameterTypes.Add(signature.ReturnType);
        var name = "delegate*<" + string.Join(", ", parts.Select(part => part.Name)) + ">";
        return TypeShape.Flawed(name, ShapeFlaw.FunctionPointer, parts);
    }

    public TypeShape GetGenericInstantiation(TypeShape genericType, ImmutableArray<TypeShape> typeArguments)
    {
        var name = ArityPattern().Replace(genericType.Name, string.Empty)
            + "<" + string.Join(", ", typeArguments.Select(argument => argument.Name)) + ">";
        return TypeShape.Flawed(name, ShapeFlaw.GenericInstantiation, typeArguments.Add(genericType));
    }

    // Generic parameters are reported where they are declared (NF001), not at every use.
    public TypeShape GetGenericMethodParameter(object? genericContext, int index) => TypeShape.Plain("!!" + index);

    public TypeShape GetGenericTypeParameter(object? genericContext, int index) => TypeShape.Plain("!" + index);

    // Modifiers (volatile, in, unmanaged calling conventions) change nothing nanoFramework cares about.
    public TypeShape GetModifiedType(TypeShape modifier, TypeShape unmodifiedType, bool isRequired) => unmodifiedType;

    public TypeShape GetPinnedType(TypeShape elementType) =>
        TypeShape.Flawed(elementType.Name, ShapeFlaw.Pinned, [elementType]);

    public TypeShape GetPointerType(TypeShape elementType) =>
        TypeShape.Flawed(elementType.Name + "*", ShapeFlaw.Pointer, [elementType]);

    public TypeShape GetPrimitiveType(PrimitiveTypeCode typeCode) => TypeShape.Plain(typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.Void => "void",
        _ => typeCode.ToString(),
    });

    public TypeShape GetSZArrayType(TypeShape elementType) => TypeShape.Composite(elementType.Name + "[]", [elementType]);

    public TypeShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        TypeShape.Plain(_names.TypeDefinition(handle));

    public TypeShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        TypeShape.Plain(_names.TypeReference(handle));

    public TypeShape GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        DecodeTypeSpecification(handle);

    [GeneratedRegex("`[0-9]+")]
    private static partial Regex ArityPattern();
}
