namespace Payload.Hil;

/// <summary>The bench could not open its target or heard nothing from it.</summary>
public sealed class BenchConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BenchConnectionException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
