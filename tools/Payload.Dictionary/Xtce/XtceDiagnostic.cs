namespace Payload.Dictionary.Xtce;

/// <summary>One problem found in an XTCE document: where (1-based line and column, 0 when unknown) and what.</summary>
public sealed record XtceDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    public XtceDiagnostic(int line, int column, string message)
    {
        Line = line;
        Column = column;
        Message = message;
    }

    /// <summary>1-based line of the text, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the text, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>"line:column: message".</summary>
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
