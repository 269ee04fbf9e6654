namespace Payload.NanoCheck.Reporting;

/// <summary>A source position taken from the assembly's portable PDB.</summary>
/// <param name="File">The source document path as recorded in the PDB.</param>
/// <param name="Line">1-based start line.</param>
/// <param name="Column">1-based start column.</param>
public sealed record SourceLocation(string File, int Line, int Column);
