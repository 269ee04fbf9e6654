namespace Payload.Ground.Crew;

/// <summary>What Tab did to a line: the completed line, and the candidates when several remained (to list them).</summary>
/// <param name="Line">The line after completion (unchanged when nothing could be added).</param>
/// <param name="Candidates">Every candidate for the word at the end of the line, in order; empty when there is none.</param>
public sealed record Completion(string Line, IReadOnlyList<string> Candidates);
