namespace Payload.NanoCheck.Reporting;

/// <summary>The sizes the nanoFramework limits apply to, measured on one assembly.</summary>
/// <param name="IlBytes">Sum of the IL code sizes of all method bodies.</param>
/// <param name="UserStringBytes">Size of the #US (user strings) heap.</param>
/// <param name="LargestTypeMethodCount">Method count of the type with the most methods.</param>
/// <param name="LargestTypeName">Name of that type, or null when the assembly has no methods.</param>
public sealed record AssemblyStats(int IlBytes, int UserStringBytes, int LargestTypeMethodCount, string? LargestTypeName);
