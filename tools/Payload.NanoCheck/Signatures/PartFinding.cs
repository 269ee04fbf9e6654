using System.Reflection.Metadata;

namespace Payload.NanoCheck.Signatures;

/// <summary>A signature flaw plus the part of the signature holding it, e.g. "parameter 'x'" or "return type".</summary>
/// <param name="Finding">The flaw.</param>
/// <param name="Part">Where in the signature; empty when the flaw is the whole entity.</param>
internal readonly record struct PartFinding(ShapeFinding Finding, string Part)
{
    public static IEnumerable<PartFinding> OfShape(TypeShape shape, string part) =>
        shape.Findings.Select(finding => new PartFinding(finding, part));

    public static IEnumerable<PartFinding> OfMethod(MethodSignature<TypeShape> signature, Func<int, string>? parameterName = null)
    {
        if (signature.Header.CallingConvention == SignatureCallingConvention.VarArgs)
        {
            yield return new PartFinding(new ShapeFinding(ShapeFlaw.VarArgs, "__arglist"), string.Empty);
        }

        foreach (var finding in OfShape(signature.ReturnType, "return type"))
        {
            yield return finding;
        }

        for (var i = 0; i < signature.ParameterTypes.Length; i++)
        {
            foreach (var finding in OfShape(signature.ParameterTypes[i], parameterName?.Invoke(i) ?? $"parameter {i + 1}"))
            {
                yield return finding;
            }
        }
    }
}
