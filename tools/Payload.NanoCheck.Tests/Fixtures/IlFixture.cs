using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Payload.NanoCheck.Reporting;

namespace Payload.NanoCheck.Tests.Fixtures;

/// <summary>Handles a hand-written method body may use as operands.</summary>
/// <param name="Method">The fixture method itself (<c>Fixture.IlOnly::M</c>, static, no parameters).</param>
/// <param name="ObjectType">A TypeRef to <c>System.Object</c>.</param>
public sealed record IlFixtureHandles(MethodDefinitionHandle Method, TypeReferenceHandle ObjectType);

/// <summary>
/// Builds a one-method assembly from hand-written IL, for opcodes C# never emits (jmp, ckfinite, readonly.) and for
/// operand bytes chosen to look like forbidden opcodes.
/// </summary>
public static class IlFixture
{
    /// <summary>The member name violations in the fixture method report.</summary>
    public const string MethodName = "Fixture.IlOnly::M";

    /// <summary>Assembles a method from <paramref name="emit"/> and runs the checker on it.</summary>
    public static CheckReport Check(Action<InstructionEncoder, IlFixtureHandles> emit)
    {
        using var image = new MemoryStream(Build(emit));
        return NanoChecker.Check(image, "IlFixture.dll");
    }

    /// <summary>Assembles a PE image holding <c>static void Fixture.IlOnly::M()</c> with the emitted body.</summary>
    public static byte[] Build(Action<InstructionEncoder, IlFixtureHandles> emit)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString("IlFixture.dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString("IlFixture"), new Version(1, 0, 0, 0), default, default, default, AssemblyHashAlgorithm.None);
        var corlib = metadata.AddAssemblyReference(metadata.GetOrAddString("mscorlib"), new Version(1, 17, 0, 0), default, default, default, default);
        var objectType = metadata.AddTypeReference(corlib, metadata.GetOrAddString("System"), metadata.GetOrAddString("Object"));

        var signature = new BlobBuilder();
        new BlobEncoder(signature).MethodSignature().Parameters(0, returnType => returnType.Void(), _ => { });

        var method = MetadataTokens.MethodDefinitionHandle(1);
        var code = new InstructionEncoder(new BlobBuilder(), new ControlFlowBuilder());
        emit(code, new IlFixtureHandles(method, objectType));

        var ilStream = new BlobBuilder();
        var bodyOffset = new MethodBodyStreamEncoder(ilStream).AddMethodBody(code, maxStack: 8);

        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), method);
        metadata.AddMethodDefinition(
            MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig,
            MethodImplAttributes.IL,
            metadata.GetOrAddString("M"),
            metadata.GetOrAddBlob(signature),
            bodyOffset,
            MetadataTokens.ParameterHandle(1));
        metadata.AddTypeDefinition(
            TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class,
            metadata.GetOrAddString("Fixture"),
            metadata.GetOrAddString("IlOnly"),
            objectType,
            MetadataTokens.FieldDefinitionHandle(1),
            method);

        var peBuilder = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), ilStream);
        var peImage = new BlobBuilder();
        peBuilder.Serialize(peImage);
        return peImage.ToArray();
    }
}
