using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Payload.NanoCheck.Reporting;

/// <summary>Maps methods and IL offsets to source lines through a portable PDB, so build errors point at code.</summary>
internal sealed class SourceLocator
{
    private readonly MetadataReader _pdb;
    private readonly MetadataReader _assembly;

    public SourceLocator(MetadataReader pdb, MetadataReader assembly)
    {
        _pdb = pdb;
        _assembly = assembly;
    }

    /// <summary>The statement containing <paramref name="ilOffset"/>, or the method's first statement.</summary>
    public SourceLocation? ForMethod(MethodDefinitionHandle method, int? ilOffset = null)
    {
        var rowNumber = MetadataTokens.GetRowNumber(method);
        if (rowNumber > _pdb.MethodDebugInformation.Count)
        {
            return null;
        }

        SequencePoint? first = null;
        SequencePoint? best = null;
        foreach (var point in _pdb.GetMethodDebugInformation(method.ToDebugInformationHandle()).GetSequencePoints())
        {
            if (point.IsHidden)
            {
                continue;
            }

            first ??= point;
            if (ilOffset is int offset && point.Offset <= offset)
            {
                best = point;
            }
        }

        return ToLocation(best ?? first);
    }

    /// <summary>The first statement of the first method of <paramref name="type"/> that has one.</summary>
    public SourceLocation? ForType(TypeDefinitionHandle type)
    {
        foreach (var method in _assembly.GetTypeDefinition(type).GetMethods())
        {
            if (ForMethod(method) is { } location)
            {
                return location;
            }
        }

        return null;
    }

    private SourceLocation? ToLocation(SequencePoint? point)
    {
        if (point is not SequencePoint found)
        {
            return null;
        }

        var document = _pdb.GetDocument(found.Document);
        return new SourceLocation(_pdb.GetString(document.Name), found.StartLine, found.StartColumn);
    }
}
