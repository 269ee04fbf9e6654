namespace Payload.GroundStation.Simulation.Stimulus;

/// <summary>The radar stimulus refused a request or could not be reached; the message says why and what to do.</summary>
public sealed class StimulusException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StimulusException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around its cause.</summary>
    public StimulusException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public StimulusException()
    {
    }
}
