namespace Payload.GroundStation.Simulation.BenchControl;

/// <summary>A bench instrument refused a request, or its control port could not be reached; the message says why and what to do.</summary>
public sealed class BenchControlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BenchControlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around its cause.</summary>
    public BenchControlException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public BenchControlException()
    {
    }
}
