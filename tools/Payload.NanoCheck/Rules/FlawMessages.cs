using Payload.NanoCheck.Signatures;

namespace Payload.NanoCheck.Rules;

/// <summary>The rule and the explanation for each signature flaw.</summary>
internal static class FlawMessages
{
    private const string Unsafe = "is unsafe code, which the nanoFramework metadata processor rejects";

    public static string RuleId(ShapeFlaw flaw) => flaw switch
    {
        ShapeFlaw.GenericInstantiation => RuleIds.GenericInstantiation,
        ShapeFlaw.Pointer or ShapeFlaw.FunctionPointer or ShapeFlaw.Pinned => RuleIds.UnsafeCode,
        ShapeFlaw.MultidimensionalArray => RuleIds.MultidimensionalArray,
        ShapeFlaw.VarArgs => RuleIds.UnsupportedOpcode,
        _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null),
    };

    public static string Describe(ShapeFinding finding, string where) => finding.Flaw switch
    {
        ShapeFlaw.GenericInstantiation =>
            $"generic instantiation {finding.Fragment} ({where}) is not supported by nanoFramework 1.17 (the runtime crashes resolving generic instantiations)",
        ShapeFlaw.Pointer => $"pointer type {finding.Fragment} ({where}) {Unsafe}",
        ShapeFlaw.FunctionPointer => $"function pointer {finding.Fragment} ({where}) {Unsafe}",
        ShapeFlaw.Pinned => $"pinned {where} of type {finding.Fragment} (a fixed statement) {Unsafe}",
        ShapeFlaw.MultidimensionalArray =>
            $"multidimensional array {finding.Fragment} ({where}) is rejected by the nanoFramework metadata processor; use a jagged array or a flat array with computed indices",
        ShapeFlaw.VarArgs =>
            $"varargs calling convention ({where}) is not supported by nanoFramework (the interpreter has no arglist)",
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding.Flaw, null),
    };
}
