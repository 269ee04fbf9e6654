using System.Reflection.Metadata;
using Payload.NanoCheck.Signatures;

namespace Payload.NanoCheck.Rules;

/// <summary>
/// The signature flaws of a referenced entity (TypeSpec, MemberRef, MethodSpec, StandAloneSig), computed once per
/// entity and marked as covered for the final sweep.
/// </summary>
internal sealed class TokenInspector
{
    private readonly CheckContext _context;
    private readonly Dictionary<EntityHandle, IReadOnlyList<PartFinding>> _cache = [];

    public TokenInspector(CheckContext context) => _context = context;

    public IReadOnlyList<PartFinding> Inspect(EntityHandle handle)
    {
        if (!_cache.TryGetValue(handle, out var findings))
        {
            findings = Compute(handle).ToList();
            _cache[handle] = findings;
        }

        return findings;
    }

    private IEnumerable<PartFinding> Compute(EntityHandle handle)
    {
        var reader = _context.Reader;
        var shapes = _context.Shapes;
        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
                _context.Covered.Add(handle);
                return PartFinding.OfShape(shapes.DecodeTypeSpecification((TypeSpecificationHandle)handle), string.Empty);

            case HandleKind.MemberReference:
                _context.Covered.Add(handle);
                return MemberReference((MemberReferenceHandle)handle);

            case HandleKind.MethodSpecification:
                _context.Covered.Add(handle);
                return MethodSpecification((MethodSpecificationHandle)handle);

            case HandleKind.StandaloneSignature:
                _context.Covered.Add(handle);
                var signature = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                return signature.GetKind() == StandaloneSignatureKind.Method
                    ? PartFinding.OfMethod(signature.DecodeMethodSignature(shapes, null))
                    : signature.DecodeLocalSignature(shapes, null).SelectMany((local, index) => PartFinding.OfShape(local, $"local variable {index}"));

            default:
                // Definitions are checked where they are declared; TypeRefs name non-generic types.
                return [];
        }
    }

    private IEnumerable<PartFinding> MemberReference(MemberReferenceHandle handle)
    {
        var member = _context.Reader.GetMemberReference(handle);
        var findings = new List<PartFinding>();
        if (member.Parent.Kind == HandleKind.TypeSpecification)
        {
            findings.AddRange(Inspect(member.Parent).Select(finding => finding with { Part = "declaring type" }));
        }

        findings.AddRange(member.GetKind() == MemberReferenceKind.Method
            ? PartFinding.OfMethod(member.DecodeMethodSignature(_context.Shapes, null))
            : PartFinding.OfShape(member.DecodeFieldSignature(_context.Shapes, null), "field type"));
        return findings;
    }

    private IEnumerable<PartFinding> MethodSpecification(MethodSpecificationHandle handle)
    {
        var spec = _context.Reader.GetMethodSpecification(handle);
        var findings = new List<PartFinding>
        {
            new(new ShapeFinding(ShapeFlaw.GenericInstantiation, _context.Names.MethodSpecification(handle)), string.Empty),
        };
        var arguments = spec.DecodeSignature(_context.Shapes, null);
        for (var i = 0; i < arguments.Length; i++)
        {
            findings.AddRange(PartFinding.OfShape(arguments[i], $"type argument {i + 1}")
                .Where(finding => finding.Finding.Flaw != ShapeFlaw.GenericInstantiation));
        }

        var methodFindings = Inspect(spec.Method).Where(finding => !findings.Contains(finding)).ToList();
        findings.AddRange(methodFindings);
        return findings;
    }
}
