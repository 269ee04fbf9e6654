using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Payload.NanoCheck.Reporting;
using Payload.NanoCheck.Signatures;

namespace Payload.NanoCheck.Rules;

/// <summary>Everything the rules share while checking one assembly.</summary>
internal sealed class CheckContext
{
    public CheckContext(PEReader peReader, SourceLocator? sources)
    {
        PeReader = peReader;
        Reader = peReader.GetMetadataReader();
        Names = new MetadataNames(Reader);
        Sources = sources;
        Measurements = AssemblyMeasurements.Measure(this);
    }

    public PEReader PeReader { get; }

    public MetadataReader Reader { get; }

    public MetadataNames Names { get; }

    public ShapeProvider Shapes => Names.Shapes;

    public SourceLocator? Sources { get; }

    public AssemblyMeasurements Measurements { get; }

    public ViolationSink Sink { get; } = new();

    /// <summary>
    /// TypeSpec, MemberRef, MethodSpec and StandAloneSig rows already checked where they are used; the final sweep
    /// checks only the rest, so each problem is reported once, at its most useful location.
    /// </summary>
    public HashSet<EntityHandle> Covered { get; } = [];

    /// <summary>The IL body of <paramref name="method"/>, or null for abstract, extern and runtime methods.</summary>
    public MethodBodyBlock? GetBody(MethodDefinition method) =>
        method.RelativeVirtualAddress == 0 ? null : PeReader.GetMethodBody(method.RelativeVirtualAddress);

    /// <summary>All method definitions with their declaring type, in table order.</summary>
    public IEnumerable<(TypeDefinitionHandle Type, MethodDefinitionHandle Handle, MethodDefinition Method)> Methods()
    {
        foreach (var type in Reader.TypeDefinitions)
        {
            foreach (var handle in Reader.GetTypeDefinition(type).GetMethods())
            {
                yield return (type, handle, Reader.GetMethodDefinition(handle));
            }
        }
    }
}
