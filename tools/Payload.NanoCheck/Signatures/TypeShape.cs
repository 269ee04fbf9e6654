namespace Payload.NanoCheck.Signatures;

/// <summary>A decoded type signature reduced to what NanoCheck needs: a display name and its flaws.</summary>
internal sealed class TypeShape
{
    private static readonly IReadOnlyList<ShapeFinding> None = [];

    private TypeShape(string name, IReadOnlyList<ShapeFinding> findings)
    {
        Name = name;
        Findings = findings;
    }

    /// <summary>The type in C#-like notation, e.g. <c>System.Action&lt;int&gt;[]</c>.</summary>
    public string Name { get; }

    /// <summary>Every flaw in this type and the types nested in it.</summary>
    public IReadOnlyList<ShapeFinding> Findings { get; }

    /// <summary>A type with no flaw of its own.</summary>
    public static TypeShape Plain(string name) => new(name, None);

    /// <summary>A type built from <paramref name="parts"/>, inheriting their flaws.</summary>
    public static TypeShape Composite(string name, IEnumerable<TypeShape> parts) => Compose(name, null, parts);

    /// <summary>A type built from <paramref name="parts"/> that is itself an instance of <paramref name="flaw"/>.</summary>
    /// <remarks>
    /// Nested findings of the same flaw are dropped: <c>Foo&lt;Bar&lt;int&gt;&gt;</c> is one generic instantiation to
    /// fix, not two, while a pointer inside a generic argument is still reported as a pointer.
    /// </remarks>
    public static TypeShape Flawed(string name, ShapeFlaw flaw, IEnumerable<TypeShape> parts) => Compose(name, flaw, parts);

    private static TypeShape Compose(string name, ShapeFlaw? flaw, IEnumerable<TypeShape> parts)
    {
        List<ShapeFinding>? findings = null;
        if (flaw is ShapeFlaw own)
        {
            findings = [new ShapeFinding(own, name)];
        }

        foreach (var part in parts)
        {
            foreach (var finding in part.Findings)
            {
                if (finding.Flaw == flaw)
                {
                    continue;
                }

                findings ??= [];
                if (!findings.Contains(finding))
                {
                    findings.Add(finding);
                }
            }
        }

        return new TypeShape(name, findings ?? None);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
