namespace Payload.NanoCheck.Signatures;

/// <summary>One flaw found in a signature, with the smallest enclosing type that shows it.</summary>
/// <param name="Flaw">What kind of flaw.</param>
/// <param name="Fragment">The offending type as text, e.g. <c>System.Action&lt;int&gt;</c>.</param>
internal readonly record struct ShapeFinding(ShapeFlaw Flaw, string Fragment);
